/// The report's style sheet: laptop layout (field table beside the pages), narrow screens and print.
enum ReviewStyle {
    static var css: String {
        let bands = ConfidenceBand.allCases.map { band in
            ".band-\(band.rawValue){--band:\(band.cssColor)}"
        }.joined(separator: "\n")
        return bands + "\n" + layout
    }

    private static let layout = """
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
          color:#1f2328;background:#f6f8fa}
        code,.mono{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.92em}
        header{padding:1rem 1.5rem;background:#fff;border-bottom:1px solid #d0d7de}
        h1{font-size:1.35rem;margin:0 0 .5rem;overflow-wrap:anywhere}
        h2{font-size:1.1rem;margin:1.25rem 0 .5rem}
        h3{font-size:1rem;margin:0 0 .4rem}
        h3 small{font-weight:normal;color:#57606a}
        .status{display:inline-block;padding:0 .5em;border-radius:1em;font-size:.85rem;font-weight:600;
          border:1px solid currentColor;vertical-align:middle}
        .status-success{color:#1a7f37}.status-partial{color:#9a6700}.status-failure{color:#cf222e}
        dl.summary{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.25rem 1.25rem;
          margin:.5rem 0}
        dl.summary div{min-width:0}
        dl.summary dt{font-size:.8rem;color:#57606a}
        dl.summary dd{margin:0;font-weight:600;overflow-wrap:anywhere}
        ul.routing,ul.plain{margin:.25rem 0;padding-left:1.25rem}
        main{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:1.5rem;padding:1rem 1.5rem;
          align-items:start}
        #fields-panel{position:sticky;top:0;max-height:100vh;overflow:auto;padding-bottom:1rem}
        table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #d0d7de}
        caption{text-align:left;font-weight:600;padding:.4rem 0}
        table{font-size:.875rem}
        th,td{padding:.3rem .4rem;border-bottom:1px solid #d8dee4;text-align:left;vertical-align:top}
        thead th{position:sticky;top:0;background:#eaeef2;font-size:.85rem;z-index:1}
        td.value{overflow-wrap:anywhere;min-width:9rem;max-width:20rem}
        td.num,th.num{text-align:right;white-space:nowrap}
        tr.field-row{cursor:pointer}
        tr.field-row:hover{background:#f3f6f9}
        tr.field-row:focus{outline:3px solid #0969da;outline-offset:-3px}
        tr.field-row.is-active{background:#ddf4ff}
        tr.needs-review td:first-child{border-left:4px solid var(--band)}
        .badge{display:inline-block;padding:0 .4em;border-radius:.3em;color:#fff;background:var(--band);
          font-size:.75rem;font-weight:600;white-space:nowrap}
        .tag{display:inline-block;font-size:.75rem;color:#cf222e;font-weight:600}
        .missing{color:#57606a;font-style:italic}
        .null{color:#57606a;font-style:italic}
        .help{font-size:.85rem;color:#57606a;margin:.25rem 0}
        .legend{display:flex;flex-wrap:wrap;gap:.75rem;font-size:.85rem;margin:.25rem 0;padding:0;list-style:none}
        .legend li::before{content:"";display:inline-block;width:1.6em;height:.9em;margin-right:.35em;
          vertical-align:middle;border:2px solid var(--band);background:color-mix(in srgb,var(--band) 12%,transparent)}
        .legend li.band-low::before{border-style:dashed}
        .page{margin:0 0 1.5rem}
        .page-frame{position:relative;width:100%;background:#fff;border:1px solid #8c959f;
          box-shadow:0 1px 3px rgba(0,0,0,.12)}
        .page-frame img{display:block;width:100%;height:100%}
        .page-frame .no-image{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;
          color:#57606a}
        .box{position:absolute;border:2px solid var(--band);
          background:color-mix(in srgb,var(--band) 10%,transparent);cursor:pointer;border-radius:2px}
        .box.band-low{border-style:dashed}
        .box .box-label{position:absolute;left:-2px;bottom:100%;margin-bottom:1px;padding:0 .3em;
          font:600 9px/1.35 ui-monospace,"DejaVu Sans Mono",monospace;color:#fff;background:var(--band);
          white-space:nowrap;border-radius:2px 2px 0 0;opacity:.85;pointer-events:none}
        #pages.no-labels .box .box-label{display:none}
        #pages.no-labels .box:hover .box-label,#pages.no-labels .box.is-active .box-label{display:block}
        .page-tools{font-size:.85rem;margin:0 0 .5rem}
        .box:hover,.box:focus{z-index:3}
        .box:hover .box-label,.box:focus .box-label{opacity:1}
        .box:focus{outline:2px solid #0969da;outline-offset:2px}
        .box.is-active{z-index:4;outline:3px solid #0969da;outline-offset:3px;
          box-shadow:0 0 0 6px rgba(9,105,218,.35)}
        .box.is-active .box-label{opacity:1;background:#0969da}
        .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);
          white-space:nowrap}
        #selftest-result{display:none}
        @media (max-width:1000px){
          main{grid-template-columns:minmax(0,1fr)}
          #fields-panel{position:static;max-height:none;overflow:visible}
        }
        @media (prefers-reduced-motion:reduce){html{scroll-behavior:auto}}
        @media print{
          body{background:#fff;font-size:10pt;color:#000}
          header{border:0;padding:0 0 .5rem}
          main{display:block;padding:0}
          #fields-panel{position:static;max-height:none;overflow:visible}
          thead th{position:static}
          tr{break-inside:avoid}
          tr.field-row.is-active{background:none}
          .help,#announce,.page-tools{display:none}
          .page{break-before:page;break-inside:avoid}
          .page-frame{box-shadow:none;width:min(100%,calc(23cm * var(--ratio)))}
          .box,.box .box-label,.badge,.legend li::before,tr.needs-review td:first-child{
            -webkit-print-color-adjust:exact;print-color-adjust:exact}
          .box.is-active{box-shadow:none;outline:0}
          .box .box-label{opacity:1}
        }
        """
}
