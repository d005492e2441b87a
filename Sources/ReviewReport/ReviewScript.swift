/// The report's scripts: one that records page errors from the start, and the interaction (row ⇄ box,
/// keyboard navigation of the field table) with a self-test run only when the URL fragment is `#selftest`.
enum ReviewScript {
    /// Runs first (in the head): collects script errors and blocked resources for the self-test.
    static let errorCollector = """
        window.reviewErrors=[];
        window.addEventListener("error",function(e){window.reviewErrors.push(String(e.message||e.type));});
        document.addEventListener("securitypolicyviolation",function(e){
          window.reviewErrors.push("blocked "+e.blockedURI+" ("+e.violatedDirective+")");});
        """

    /// Runs last (end of body).
    static let interaction = """
        (function(){
          "use strict";
          var rows=Array.prototype.slice.call(document.querySelectorAll("tr.field-row"));
          var boxes=Array.prototype.slice.call(document.querySelectorAll(".box"));
          var announce=document.getElementById("announce");
          var motion=window.matchMedia&&window.matchMedia("(prefers-reduced-motion: reduce)").matches?"auto":"smooth";
          function rowOf(id){return document.getElementById("row-"+id);}
          function boxOf(id){return document.getElementById("box-"+id);}
          function makeCurrent(row){rows.forEach(function(other){other.tabIndex=other===row?0:-1;});}
          function clear(){
            Array.prototype.slice.call(document.querySelectorAll(".is-active")).forEach(function(element){
              element.classList.remove("is-active");element.removeAttribute("aria-current");});
          }
          function activate(id,from){
            var row=rowOf(id),box=boxOf(id);
            if(!row){return;}
            clear();
            makeCurrent(row);
            row.classList.add("is-active");row.setAttribute("aria-current","true");
            if(box){
              box.classList.add("is-active");box.setAttribute("aria-current","true");
              if(from!=="box"){box.scrollIntoView({block:"center",inline:"nearest",behavior:motion});}
            }
            if(from==="box"){row.scrollIntoView({block:"nearest",behavior:motion});row.focus({preventScroll:true});}
            announce.textContent=row.getAttribute("data-pointer")+(box?", page "+box.getAttribute("data-page")
              :", not found in the document");
          }
          rows.forEach(function(row,index){
            row.addEventListener("click",function(){activate(row.getAttribute("data-field"),"row");});
            row.addEventListener("keydown",function(event){
              var target=null;
              switch(event.key){
                case "Enter":case " ":case "Spacebar":
                  event.preventDefault();activate(row.getAttribute("data-field"),"row");return;
                case "ArrowDown":target=rows[index+1];break;
                case "ArrowUp":target=rows[index-1];break;
                case "Home":target=rows[0];break;
                case "End":target=rows[rows.length-1];break;
                default:return;
              }
              event.preventDefault();
              if(target){makeCurrent(target);target.focus();}
            });
          });
          boxes.forEach(function(box){
            box.addEventListener("click",function(){activate(box.getAttribute("data-field"),"box");});
            box.addEventListener("keydown",function(event){
              if(event.key==="Enter"||event.key===" "){event.preventDefault();
                activate(box.getAttribute("data-field"),"box");}
            });
          });
          var pages=document.getElementById("pages"),labels=document.getElementById("show-labels");
          function showLabels(){pages.classList.toggle("no-labels",!labels.checked);}
          labels.addEventListener("change",showLabels);
          if(/(^#|&)labels=off(&|$)/.test(location.hash)){labels.checked=false;}
          showLabels();
          function place(element){
            var r=element.getBoundingClientRect();
            return {left:r.left+window.scrollX,top:r.top+window.scrollY,width:r.width,height:r.height};
          }
          function key(element,name){
            element.dispatchEvent(new KeyboardEvent("keydown",{key:name,bubbles:true,cancelable:true}));
          }
          function selftest(pointer){
            var report={pointer:pointer,rows:rows.length,boxes:boxes.length};
            var row=rows.filter(function(r){return r.getAttribute("data-pointer")===pointer;})[0];
            if(!row){report.failure="no row for "+pointer;return report;}
            var id=row.getAttribute("data-field"),box=boxOf(id);
            if(!box){report.failure="no box for "+pointer;return report;}
            var frame=box.parentElement;
            report.box=place(box);report.image=place(frame.querySelector("img")||frame);
            report.page=Number(box.getAttribute("data-page"));
            report.boxBorderColor=getComputedStyle(box).borderLeftColor;
            row.click();
            report.rowClick={rowActive:row.classList.contains("is-active"),
              boxActive:box.classList.contains("is-active"),
              activeBoxes:document.querySelectorAll(".box.is-active").length,
              boxOutline:getComputedStyle(box).outlineStyle};
            var other=boxes.filter(function(b){return b.getAttribute("data-field")!==id;})[0];
            if(other){
              other.click();
              var otherRow=rowOf(other.getAttribute("data-field"));
              report.boxClick={rowActive:otherRow.classList.contains("is-active"),
                rowFocused:document.activeElement===otherRow,
                previousCleared:!row.classList.contains("is-active")&&!box.classList.contains("is-active")};
            }
            if(rows.length>1){
              rows[0].focus();key(rows[0],"ArrowDown");
              var moved=document.activeElement===rows[1];
              key(rows[1],"Enter");
              var entered=rows[1].classList.contains("is-active");
              key(rows[1],"ArrowUp");
              var back=document.activeElement===rows[0];
              key(rows[0]," ");
              report.keyboard={arrowDown:moved,enter:entered,arrowUp:back,space:rows[0].classList.contains("is-active"),
                singleTabStop:rows.filter(function(r){return r.tabIndex===0;}).length===1};
            }
            return report;
          }
          window.addEventListener("load",function(){
            var hash=location.hash;
            var match=/^#selftest=([^&]*)/.exec(hash);
            if(!match){return;}
            var report=selftest(decodeURIComponent(match[1]));
            report.errors=window.reviewErrors||[];
            report.labelsShown=labels.checked;
            var output=document.getElementById("selftest-result");
            output.textContent=JSON.stringify(report);
          });
        })();
        """
}
