#!/usr/bin/env python3
"""Generate DocExtract's own sample documents, their ground truth and checks.

    python3 scripts/make_samples.py --out samples [--schemas schemas] [--check-only]

Everything is drawn from code: no downloaded documents. Each page is described once as a
list of drawing operations (text runs, rules, filled boxes) in PDF points with the origin at the
top-left. The same description is rendered twice:

  * by reportlab into a born-digital PDF page (real text layer), and
  * by Pillow into a 300 dpi grayscale raster, which is then "scanned" (rotated ~0.7 degrees,
    mild noise and blur, JPEG) and embedded as the only content of an image-only PDF page.

So a scanned twin carries exactly the same words as its born-digital original, and the ground
truth (`expected/<name>.words.txt`, `expected/<name>.layout.json`) comes from the same
description.

Output is deterministic: reportlab runs in invariant mode (fixed dates, document id and
encryption salt), noise comes from a seeded `random.Random`, Pillow uses its BASIC text layout.
With the pinned versions in scripts/requirements-samples.txt and the same fonts, two runs give
byte-identical files. Fonts: DejaVu (Debian fonts-dejavu-core) when present, otherwise
reportlab's built-in Helvetica/Times/Courier for the PDFs and Pillow's default font for rasters
(the words stay the same; the bytes and exact geometry then differ).

The expected JSON files are validated against their schemas (JSON Schema 2020-12, with format
checking); the script exits non-zero if any does not validate.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import io
import json
import os
import random
import sys
import zlib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

# Invariant mode must be set before the rest of reportlab is imported: pdfencrypt reads it at
# import time to choose its (then fixed) random source.
from reportlab import rl_config  # noqa: E402

rl_config.invariant = 1
rl_config.pageCompression = 1

from reportlab.lib.pagesizes import A4, LETTER  # noqa: E402
from reportlab.lib.utils import ImageReader  # noqa: E402
from reportlab.lib import pdfencrypt  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont  # noqa: E402

DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
SCAN_DPI = 300
JPEG_QUALITY = 75

# ---------------------------------------------------------------------------------------------
# Fonts
# ---------------------------------------------------------------------------------------------

FONT_FILES = {
    "sans": "DejaVuSans.ttf",
    "sans-bold": "DejaVuSans-Bold.ttf",
    "serif": "DejaVuSerif.ttf",
    "serif-bold": "DejaVuSerif-Bold.ttf",
    "serif-italic": "DejaVuSerif-Italic.ttf",
    "mono": "DejaVuSansMono.ttf",
    "mono-bold": "DejaVuSansMono-Bold.ttf",
}
FALLBACK_FONTS = {
    "sans": "Helvetica",
    "sans-bold": "Helvetica-Bold",
    "serif": "Times-Roman",
    "serif-bold": "Times-Bold",
    "serif-italic": "Times-Italic",
    "mono": "Courier",
    "mono-bold": "Courier-Bold",
}


class Fonts:
    """Maps the logical font names used in layouts to reportlab and Pillow fonts."""

    def __init__(self) -> None:
        self.use_dejavu = all((DEJAVU_DIR / f).is_file() for f in FONT_FILES.values())
        self.rl_names: dict[str, str] = {}
        for key, fname in FONT_FILES.items():
            if self.use_dejavu:
                rl_name = Path(fname).stem
                if rl_name not in pdfmetrics.getRegisteredFontNames():
                    pdfmetrics.registerFont(TTFont(rl_name, str(DEJAVU_DIR / fname)))
                self.rl_names[key] = rl_name
            else:
                self.rl_names[key] = FALLBACK_FONTS[key]
        self._pil_cache: dict[tuple[str, float], ImageFont.FreeTypeFont] = {}

    @property
    def description(self) -> str:
        if self.use_dejavu:
            return "DejaVu Sans / Serif / Sans Mono (fonts-dejavu-core), subset-embedded"
        return "reportlab built-in Helvetica / Times / Courier (not embedded)"

    def rl(self, key: str) -> str:
        return self.rl_names[key]

    def width(self, text: str, key: str, size: float) -> float:
        return pdfmetrics.stringWidth(text, self.rl_names[key], size)

    def ascent_descent(self, key: str, size: float) -> tuple[float, float]:
        face = pdfmetrics.getFont(self.rl_names[key]).face
        return face.ascent * size / 1000.0, -face.descent * size / 1000.0

    def pil(self, key: str, px: float) -> ImageFont.FreeTypeFont:
        ck = (key, round(px, 3))
        if ck not in self._pil_cache:
            if self.use_dejavu:
                self._pil_cache[ck] = ImageFont.truetype(
                    str(DEJAVU_DIR / FONT_FILES[key]), px, layout_engine=ImageFont.Layout.BASIC
                )
            else:  # Pillow's bundled default font (same words, different shapes)
                self._pil_cache[ck] = ImageFont.load_default(px)
        return self._pil_cache[ck]


# ---------------------------------------------------------------------------------------------
# Page description
# ---------------------------------------------------------------------------------------------


@dataclass
class TextOp:
    x: float
    y: float  # baseline, from top
    text: str
    font: str
    size: float
    align: str  # left | right | center


@dataclass
class LineOp:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    gray: float = 0.0


@dataclass
class BoxOp:
    x: float
    y: float
    w: float
    h: float
    gray: float


@dataclass
class Page:
    width: float
    height: float
    fonts: Fonts
    ops: list = field(default_factory=list)
    # ground truth: printed lines in reading order: (text, [x0, y0, x1, y1])
    gt_lines: list = field(default_factory=list)
    scanned: bool = False
    scan_mode: str = "gray"  # gray (JPEG) | bilevel (1-bit, Flate)

    # -- primitives --
    def _run(self, x, y, text, font, size, align) -> list[float]:
        self.ops.append(TextOp(x, y, text, font, size, align))
        w = self.fonts.width(text, font, size)
        x0 = {"left": x, "right": x - w, "center": x - w / 2}[align]
        asc, desc = self.fonts.ascent_descent(font, size)
        return [x0, y - asc, x0 + w, y + desc]

    def text(self, x, y, text, font="sans", size=10.0, align="left") -> None:
        """One printed line made of a single text run."""
        bbox = self._run(x, y, text, font, size, align)
        self.gt_lines.append((text, bbox))

    def row(self, y, cells, size=10.0, font="sans") -> None:
        """One printed line made of several runs (table row, label + value...).

        cells: list of (x, text[, align[, font]]). Ground truth joins them with one space."""
        boxes, texts = [], []
        for cell in cells:
            x, t = cell[0], cell[1]
            align = cell[2] if len(cell) > 2 else "left"
            f = cell[3] if len(cell) > 3 else font
            if t == "":
                continue
            boxes.append(self._run(x, y, t, f, size, align))
            texts.append(t)
        bbox = [min(b[0] for b in boxes), min(b[1] for b in boxes),
                max(b[2] for b in boxes), max(b[3] for b in boxes)]
        self.gt_lines.append((" ".join(texts), bbox))

    def line(self, x1, y1, x2, y2, width=0.5, gray=0.0) -> None:
        self.ops.append(LineOp(x1, y1, x2, y2, width, gray))

    def box(self, x, y, w, h, gray) -> None:
        self.ops.append(BoxOp(x, y, w, h, gray))

    def wrap(self, text, font, size, max_width) -> list[str]:
        words, lines, cur = text.split(), [], ""
        for w in words:
            cand = w if not cur else cur + " " + w
            if self.fonts.width(cand, font, size) <= max_width or not cur:
                cur = cand
            else:
                lines.append(cur)
                cur = w
        if cur:
            lines.append(cur)
        return lines

    def paragraph(self, x, y, text, font="serif", size=10.0, width=400.0, leading=None) -> float:
        """Left-aligned wrapped paragraph starting with baseline y; returns next baseline."""
        leading = leading or size * 1.35
        for ln in self.wrap(text, font, size, width):
            self.text(x, y, ln, font, size)
            y += leading
        return y


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------


def draw_pdf_page(c: rl_canvas.Canvas, page: Page) -> None:
    """Draw a born-digital page on the reportlab canvas (page size already set)."""
    H = page.height
    for op in page.ops:
        if isinstance(op, BoxOp):
            c.setFillGray(op.gray)
            c.rect(op.x, H - op.y - op.h, op.w, op.h, stroke=0, fill=1)
    for op in page.ops:
        if isinstance(op, LineOp):
            c.setStrokeGray(op.gray)
            c.setLineWidth(op.width)
            c.line(op.x1, H - op.y1, op.x2, H - op.y2)
        elif isinstance(op, TextOp):
            c.setFillGray(0)
            c.setFont(page.fonts.rl(op.font), op.size)
            fn = {"left": c.drawString, "right": c.drawRightString,
                  "center": c.drawCentredString}[op.align]
            fn(op.x, H - op.y, op.text)


def render_raster(page: Page, dpi: int = SCAN_DPI) -> Image.Image:
    """Render a page description to an 8-bit grayscale image."""
    s = dpi / 72.0
    W, H = round(page.width * s), round(page.height * s)
    img = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(img)
    for op in page.ops:
        if isinstance(op, BoxOp):
            d.rectangle([op.x * s, op.y * s, (op.x + op.w) * s, (op.y + op.h) * s],
                        fill=round(op.gray * 255))
    for op in page.ops:
        if isinstance(op, LineOp):
            d.line([op.x1 * s, op.y1 * s, op.x2 * s, op.y2 * s],
                   fill=round(op.gray * 255), width=max(1, round(op.width * s)))
        elif isinstance(op, TextOp):
            anchor = {"left": "ls", "right": "rs", "center": "ms"}[op.align]
            d.text((op.x * s, op.y * s), op.text, fill=0,
                   font=page.fonts.pil(op.font, op.size * s), anchor=anchor)
    return img


def _noise(size: tuple[int, int], rng: random.Random, amp: int) -> Image.Image:
    """Uniform noise in 0..2*amp from a seeded PRNG (stable across platforms)."""
    n = Image.frombytes("L", size, rng.randbytes(size[0] * size[1]))
    return n.point(lambda v: (v * (2 * amp + 1)) // 256)


def scan_gray(img: Image.Image, seed: int, angle: float = 0.7, amp: int = 6,
              blur: float = 0.8) -> Image.Image:
    """Make a clean raster look like a grayscale scan: off-white paper, lighter ink, slight
    skew, mild noise, slight blur."""
    rng = random.Random(seed)
    img = img.point(lambda v: 24 + (v * (240 - 24)) // 255)
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=240)
    img = ImageChops.add(img, _noise(img.size, rng, amp), 1.0, -amp)
    return img.filter(ImageFilter.GaussianBlur(blur))


def scan_bilevel(img: Image.Image, seed: int, angle: float = -0.6) -> Image.Image:
    """Make a clean raster look like a 1-bit office scan: skew, blur, noise, threshold, and a
    few specks of dust."""
    rng = random.Random(seed)
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(1.0))
    img = ImageChops.add(img, _noise(img.size, rng, 40), 1.0, -40)
    img = img.point(lambda v: 255 if v > 150 else 0)
    d = ImageDraw.Draw(img)
    W, H = img.size
    for _ in range(25):  # a few specks of dust
        x, y, r = rng.randrange(W), rng.randrange(H), rng.choice((1, 1, 2))
        d.ellipse([x - r, y - r, x + r, y + r], fill=0)
    return img.convert("1", dither=Image.Dither.NONE)


def encode_scan(page: Page, seed: int, dpi: int = SCAN_DPI) -> dict:
    """Rasterise and 'scan' a page; returns an image XObject description for image_only_pdf."""
    raster = render_raster(page, dpi)
    if page.scan_mode == "bilevel":
        img = scan_bilevel(raster, seed)
        return {"w": img.size[0], "h": img.size[1], "bpc": 1, "filter": "/FlateDecode",
                "data": zlib.compress(img.tobytes(), 9)}
    img = scan_gray(raster, seed)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=JPEG_QUALITY, optimize=True, dpi=(dpi, dpi))
    return {"w": img.size[0], "h": img.size[1], "bpc": 8, "filter": "/DCTDecode",
            "data": buf.getvalue()}


FIXED_DATE = "D:20240101000000+00'00'"


def _pdf_str(s: str) -> bytes:
    return b"(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode(
        "latin-1") + b")"


def image_only_pdf(pages: list[Page], images: list[dict], title: str, subject: str) -> bytes:
    """A minimal PDF whose pages hold one full-page image each and nothing else: no fonts, no
    text operators, no text layer."""
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    add(b"")  # 1: catalog, filled below
    add(b"")  # 2: pages
    info = add(b"<< /Title " + _pdf_str(title) + b" /Subject " + _pdf_str(subject)
               + b" /Author (DocExtract sample generator) /Creator (DocExtract "
               b"scripts/make_samples.py) /Producer (DocExtract make_samples.py) "
               b"/CreationDate (" + FIXED_DATE.encode() + b") /ModDate ("
               + FIXED_DATE.encode() + b") >>")
    kids = []
    for page, im in zip(pages, images):
        xo = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace "
                 b"/DeviceGray /BitsPerComponent %d /Filter %s /Length %d >>\nstream\n"
                 % (im["w"], im["h"], im["bpc"], im["filter"].encode(), len(im["data"]))
                 + im["data"] + b"\nendstream")
        content = (f"q {page.width:.2f} 0 0 {page.height:.2f} 0 0 cm /Im0 Do Q").encode()
        co = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject "
            b"<< /Im0 %d 0 R >> /ProcSet [/PDF /ImageB] >> /Contents %d 0 R >>"
            % (page.width, page.height, xo, co)))
    objs[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
               + b"] /Count %d >>" % len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    fid = hashlib.md5(bytes(out)).hexdigest().encode()
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n"
            b"%d\n%%%%EOF\n" % (len(objs) + 1, info, fid, fid, xref))
    return bytes(out)


def new_canvas(target, title: str, subject: str, pagesize, fonts: Fonts,
               encrypt=None) -> rl_canvas.Canvas:
    # A TrueType initial font keeps reportlab from adding an unused Helvetica to every page.
    c = rl_canvas.Canvas(target, pagesize=pagesize, invariant=1, pageCompression=1,
                         encrypt=encrypt, initialFontName=fonts.rl("sans"))
    c.setTitle(title)
    c.setSubject(subject)
    c.setAuthor("DocExtract sample generator")
    c.setCreator("DocExtract scripts/make_samples.py")
    c.setProducer("ReportLab (invariant mode)")
    c.setKeywords("DocExtract sample, fictitious data")
    return c


def born_digital_pdf(pages: list[Page], title: str, subject: str, encrypt=None) -> bytes:
    buf = io.BytesIO()
    c = new_canvas(buf, title, subject, (pages[0].width, pages[0].height), pages[0].fonts,
                   encrypt)
    for page in pages:
        c.setPageSize((page.width, page.height))
        draw_pdf_page(c, page)
        c.showPage()
    c.save()
    return buf.getvalue()


def write_pdf(path: Path, pages: list[Page], title: str, subject: str, seed: int = 0,
              encrypt=None) -> None:
    """Born-digital pages via reportlab, image-only pages via image_only_pdf; a document with
    both kinds is assembled page by page with pypdf (so a scanned page's resources hold only
    its image)."""
    scanned = [p for p in pages if p.scanned]
    if not scanned:
        data = born_digital_pdf(pages, title, subject, encrypt)
    else:
        assert encrypt is None
        images = [encode_scan(p, seed + i) for i, p in enumerate(pages) if p.scanned]
        img_pdf = image_only_pdf(scanned, images, title, subject)
        if len(scanned) == len(pages):
            data = img_pdf
        else:
            from pypdf import PdfReader, PdfWriter

            digital = PdfReader(io.BytesIO(born_digital_pdf(
                [p for p in pages if not p.scanned], title, subject)))
            images_r = PdfReader(io.BytesIO(img_pdf))
            w = PdfWriter()
            di = si = 0
            for p in pages:
                if p.scanned:
                    w.add_page(images_r.pages[si])
                    si += 1
                else:
                    w.add_page(digital.pages[di])
                    di += 1
            w.add_metadata({"/Title": title, "/Subject": subject,
                            "/Author": "DocExtract sample generator",
                            "/Creator": "DocExtract scripts/make_samples.py",
                            "/Producer": "pypdf (assembled by DocExtract make_samples.py)",
                            "/CreationDate": FIXED_DATE, "/ModDate": FIXED_DATE})
            buf = io.BytesIO()
            w.write(buf)
            data = buf.getvalue()
    path.write_bytes(data)


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def money(v: float) -> str:
    return f"{v:,.2f}"


def long_date(d: _dt.date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def iban_check(country: str, bban: str) -> str:
    """ISO 13616 check digits, so the fictitious IBANs are well-formed."""
    s = bban + country + "00"
    num = int("".join(str(int(ch, 36)) for ch in s))
    return f"{98 - num % 97:02d}"


def group4(s: str) -> str:
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


# ---------------------------------------------------------------------------------------------
# The documents (all names, numbers and addresses are fictitious)
# ---------------------------------------------------------------------------------------------

SELLER = {
    "name": "Nordvik Instruments B.V.",
    "street": "Keizersgracht 221",
    "city": "1016 DV Amsterdam",
    "country": "Netherlands",
    "vat_id": "NL859372614B01",
    "email": "accounts@nordvik-instruments.example",
    "phone": "+31 20 555 0142",
    "web": "www.nordvik-instruments.example",
    "coc": "81234567",
}
BUYER = {
    "name": "Halloran & Pike Logistics B.V.",
    "attn": "Attn: Accounts Payable",
    "street": "Waalhaven Zuidzijde 19",
    "city": "3089 JH Rotterdam",
    "country": "Netherlands",
    "vat_id": "NL004127885B01",
}
_BBAN = "NVIB0417164300"
IBAN = "NL" + iban_check("NL", _BBAN) + _BBAN
INVOICE = {
    "number": "INV-2024-00417",
    "date": _dt.date(2024, 3, 14),
    "due": _dt.date(2024, 4, 13),
    "order_ref": "PO-88213",
    "currency": "EUR",
    "vat_rate": 21,
    "items": [
        ("Vibration sensor VS-200, calibrated", 12, 102.50),
        ("Data logger DL-8 (8 channels)", 3, 1234.50),
        ("On-site installation and commissioning (hours)", 16, 85.00),
        ("Fleet Monitor software licence, 12 months", 1, 2400.00),
        ("Shipping and transit insurance", 1, 145.75),
    ],
    "terms": "Net 30 days from the invoice date.",
}


def build_invoice(fonts: Fonts) -> tuple[list[Page], dict]:
    W, H = A4
    p = Page(W, H, fonts)
    L, R = 56.0, W - 56.0
    inv = INVOICE
    items = [(d, q, u, round(q * u, 2)) for d, q, u in inv["items"]]
    subtotal = round(sum(a for *_, a in items), 2)
    tax = round(subtotal * inv["vat_rate"] / 100, 2)
    total = round(subtotal + tax, 2)

    # header: seller name + document title
    p.row(78, [(L, SELLER["name"], "left", "sans-bold"), (R, "INVOICE", "right", "sans-bold")],
          size=18)
    y = 100
    for t in (SELLER["street"], f"{SELLER['city']}, {SELLER['country']}",
              f"VAT ID: {SELLER['vat_id']}", f"Phone: {SELLER['phone']}", SELLER["email"]):
        p.text(L, y, t, size=9)
        y += 12.5
    # invoice facts, right-hand block
    facts = [("Invoice number:", inv["number"]), ("Invoice date:", long_date(inv["date"])),
             ("Due date:", long_date(inv["due"])), ("Order reference:", inv["order_ref"]),
             ("Currency:", inv["currency"])]
    y = 100
    for k, v in facts:
        p.row(y, [(360, k, "left", "sans-bold"), (R, v, "right")], size=9)
        y += 12.5
    p.line(L, 172, R, 172, 0.8)
    # bill to
    p.text(L, 196, "Bill to", "sans-bold", 10)
    y = 211
    for t in (BUYER["name"], BUYER["attn"], BUYER["street"],
              f"{BUYER['city']}, {BUYER['country']}", f"VAT ID: {BUYER['vat_id']}"):
        p.text(L, y, t, size=9.5)
        y += 13

    # ruled line-item table
    top = 290.0
    rowh = 22.0
    cols = [L, 330.0, 400.0, 470.0, R]  # boundaries
    p.box(L, top, R - L, rowh, 0.85)
    pad = 6.0
    hdr = [(cols[0] + pad, "Description"), (cols[2] - pad, "Quantity", "right"),
           (cols[3] - pad, "Unit price", "right"), (cols[4] - pad, "Amount", "right")]
    p.row(top + 15, [(c[0], c[1], c[2] if len(c) > 2 else "left", "sans-bold") for c in hdr],
          size=9.5)
    for i, (d, q, u, a) in enumerate(items):
        yb = top + rowh * (i + 1) + 15
        p.row(yb, [(cols[0] + pad, d), (cols[2] - pad, str(q), "right"),
                   (cols[3] - pad, money(u), "right"), (cols[4] - pad, money(a), "right")],
              size=9.5)
    nrows = len(items) + 1
    bottom = top + rowh * nrows
    for r in range(nrows + 1):
        p.line(L, top + rowh * r, R, top + rowh * r, 1.0 if r in (0, 1, nrows) else 0.5)
    for x in (cols[0], cols[2], cols[3], cols[4]):
        p.line(x, top, x, bottom, 0.5)

    # totals
    y = bottom + 24
    for k, v, f in (("Subtotal", money(subtotal), "sans"),
                     (f"VAT {inv['vat_rate']}%", money(tax), "sans"),
                     (f"Total due ({inv['currency']})", money(total), "sans-bold")):
        p.row(y, [(cols[2] - pad, k, "right", f), (cols[4] - pad, v, "right", f)], size=10)
        y += 16
    p.line(cols[2] - 90, y - 27, R, y - 27, 0.5)

    # payment
    y += 22
    p.text(L, y, "Payment", "sans-bold", 10)
    y += 15
    p.text(L, y, f"Payment terms: {inv['terms']}", size=9.5)
    y += 13
    p.text(L, y, f"Please quote invoice number {inv['number']} with your payment.", size=9.5)
    y += 13
    p.text(L, y, f"IBAN: {group4(IBAN)}", size=9.5)
    y += 13
    p.text(L, y, "Account holder: Nordvik Instruments B.V.", size=9.5)

    # footer
    p.line(L, H - 60, R, H - 60, 0.5)
    p.text(W / 2, H - 46,
           f"{SELLER['name']} | Chamber of Commerce {SELLER['coc']} | {SELLER['web']}",
           size=8, align="center")

    expected = {
        "invoice_number": inv["number"],
        "invoice_date": inv["date"].isoformat(),
        "due_date": inv["due"].isoformat(),
        "order_reference": inv["order_ref"],
        "currency": inv["currency"],
        "seller": {
            "name": SELLER["name"],
            "address": f"{SELLER['street']}, {SELLER['city']}, {SELLER['country']}",
            "vat_id": SELLER["vat_id"],
        },
        "buyer": {
            "name": BUYER["name"],
            "address": f"{BUYER['street']}, {BUYER['city']}, {BUYER['country']}",
            "vat_id": BUYER["vat_id"],
        },
        "line_items": [{"description": d, "quantity": q, "unit_price": u, "amount": a}
                       for d, q, u, a in items],
        "subtotal": subtotal,
        "tax_rate": inv["vat_rate"],
        "tax": tax,
        "total": total,
        "payment_terms": inv["terms"],
        "iban": IBAN,
    }
    return [p], expected


def build_mixed(fonts: Fonts) -> tuple[list[Page], dict]:
    W, H = A4
    L, R = 64.0, W - 64.0
    letter_date = _dt.date(2024, 4, 2)
    dn_date = _dt.date(2024, 3, 28)
    dn_items = [("VS-200", "Vibration sensor VS-200, calibrated", 12),
                ("DL-8", "Data logger DL-8 (8 channels)", 3),
                ("MK-4", "Mounting kit MK-4, stainless", 12),
                ("CB-10", "Sensor cable CB-10, 10 m", 24)]

    # page 1: cover letter (born-digital)
    p1 = Page(W, H, fonts)
    p1.text(L, 80, SELLER["name"], "serif-bold", 16)
    p1.text(L, 96, f"{SELLER['street']} | {SELLER['city']} | {SELLER['country']}", "serif", 9)
    p1.line(L, 106, R, 106, 0.6)
    y = 140
    for t in (BUYER["name"], "Attn: Ms. Ingrid Vos", BUYER["street"], BUYER["city"],
              BUYER["country"]):
        p1.text(L, y, t, "serif", 10.5)
        y += 14
    p1.text(R, 140, f"Amsterdam, {long_date(letter_date)}", "serif", 10.5, align="right")
    y += 22
    p1.text(L, y, "Subject: Delivery of your order PO-88213", "serif-bold", 11)
    y += 28
    p1.text(L, y, "Dear Ms. Vos,", "serif", 10.5)
    y += 22
    body = [
        "Thank you for your order PO-88213. We are pleased to confirm that the equipment left "
        "our Amsterdam warehouse on 28 March 2024 and was delivered to your Rotterdam depot by "
        "our carrier, Rijnmond Express, in four packages.",
        "A copy of the signed delivery note DN-55120 is enclosed as page 2 of this letter. "
        "Please check the quantities against your own goods receipt; the on-site installation "
        "will be scheduled separately by our field service team.",
        "Invoice INV-2024-00417 was sent to your accounts payable department on 14 March 2024. "
        "Our returns and support arrangements are summarised in Annex A on page 3.",
        "Should you have any questions about this delivery, please do not hesitate to contact "
        "me directly.",
    ]
    for para in body:
        y = p1.paragraph(L, y, para, "serif", 10.5, R - L) + 8
    y += 10
    p1.text(L, y, "Kind regards,", "serif", 10.5)
    y += 40
    p1.text(L, y, "Pieter Janssen", "serif-bold", 10.5)
    y += 14
    p1.text(L, y, "Head of Customer Operations", "serif", 10.5)
    y += 30
    p1.text(L, y, "Enclosures: delivery note DN-55120; Annex A (returns and support)", "serif-italic",
            9.5)
    p1.text(W / 2, H - 40, "Page 1 of 3", "serif", 8.5, align="center")

    # page 2: delivery note (scanned, image-only)
    p2 = Page(W, H, fonts, scanned=True, scan_mode="bilevel")
    p2.row(90, [(L, "Nordvik Instruments B.V.", "left", "sans-bold"),
                (R, "DELIVERY NOTE", "right", "sans-bold")], size=16)
    p2.text(L, 110, f"{SELLER['street']}, {SELLER['city']}", size=10)
    y = 150
    for k, v in (("Delivery note no.:", "DN-55120"), ("Delivery date:", long_date(dn_date)),
                 ("Order reference:", "PO-88213"), ("Carrier:", "Rijnmond Express"),
                 ("Packages:", "4")):
        p2.row(y, [(L, k, "left", "sans-bold"), (L + 130, v)], size=11)
        y += 17
    y += 14
    p2.text(L, y, "Ship to:", "sans-bold", 11)
    y += 17
    for t in (BUYER["name"], BUYER["street"], BUYER["city"]):
        p2.text(L, y, t, size=11)
        y += 16
    top = y + 20
    rowh = 26.0
    cols = [L, L + 90, R - 90, R]
    p2.row(top + 18, [(cols[0] + 8, "Item", "left", "sans-bold"),
                      (cols[1] + 8, "Description", "left", "sans-bold"),
                      (cols[3] - 8, "Quantity", "right", "sans-bold")], size=11)
    for i, (code, desc, q) in enumerate(dn_items):
        p2.row(top + rowh * (i + 1) + 18,
               [(cols[0] + 8, code), (cols[1] + 8, desc), (cols[3] - 8, str(q), "right")],
               size=11)
    n = len(dn_items) + 1
    for r in range(n + 1):
        p2.line(L, top + rowh * r, R, top + rowh * r, 1.0)
    for x in cols:
        p2.line(x, top, x, top + rowh * n, 1.0)
    y = top + rowh * n + 40
    p2.text(L, y, "Goods received in good condition.", size=11)
    y += 40
    p2.row(y, [(L, "Received by: M. de Graaf"), (R, "Date: 28 March 2024", "right")], size=11)
    p2.line(L, y + 14, L + 200, y + 14, 0.6)

    # page 3: annex (born-digital)
    p3 = Page(W, H, fonts)
    p3.text(L, 80, "Annex A: Returns and support", "serif-bold", 15)
    p3.line(L, 90, R, 90, 0.6)
    y = 120
    annex = [
        ("Returns", "Goods may be returned within 14 days of delivery if they are unused and in "
                    "their original packaging. Please register every return with our support "
                    "desk before shipping it back, quoting the delivery note number."),
        ("Warranty", "All sensors and data loggers carry a warranty of 24 months from the "
                     "delivery date. The warranty does not cover damage caused by incorrect "
                     "mounting or by cables that were not supplied by us."),
        ("Support", "Our support desk is open on working days from 08:30 to 17:30. Write to "
                    "support@nordvik-instruments.example or call +31 20 555 0199."),
    ]
    for head, text in annex:
        p3.text(L, y, head, "serif-bold", 11.5)
        y += 17
        y = p3.paragraph(L, y, text, "serif", 10.5, R - L) + 14
    p3.text(W / 2, H - 40, "Page 3 of 3", "serif", 8.5, align="center")

    expected = {
        "sender": {"name": SELLER["name"],
                   "address": f"{SELLER['street']}, {SELLER['city']}, {SELLER['country']}"},
        "recipient": {"name": BUYER["name"], "contact_person": "Ingrid Vos",
                      "address": f"{BUYER['street']}, {BUYER['city']}, {BUYER['country']}"},
        "letter_date": letter_date.isoformat(),
        "subject": "Delivery of your order PO-88213",
        "order_reference": "PO-88213",
        "signatory": {"name": "Pieter Janssen", "title": "Head of Customer Operations"},
        "delivery_note": {
            "number": "DN-55120",
            "date": dn_date.isoformat(),
            "carrier": "Rijnmond Express",
            "package_count": 4,
            "received_by": "M. de Graaf",
            "items": [{"item_code": c, "description": d, "quantity": q} for c, d, q in dn_items],
        },
        "return_window_days": 14,
        "warranty_months": 24,
        "support_email": "support@nordvik-instruments.example",
        "support_phone": "+31 20 555 0199",
    }
    return [p1, p2, p3], expected


TWO_COL_PARAS = [
    [  # column 1
        "The first tidal turbine on the Northern Shelf was lowered into the Skerry Channel in "
        "November 2019, after three failed attempts that autumn. Engineers still call that "
        "night the longest slack tide of their careers.",
        "Column one, paragraph two: the blades were designed for a peak current of 3.2 metres "
        "per second, yet the instruments logged surges of 4.1 metres per second during the "
        "February storms. Nobody on the design team had expected the channel to behave like "
        "a river in flood.",
        "Maintenance proved harder than generation. Divers could work only during the forty "
        "minutes of slack water at each turn of the tide, so a routine bearing inspection "
        "often stretched across a whole week.",
        "By the end of the first winter the turbine had delivered 1.9 gigawatt hours to the "
        "island grid, roughly a third of what the feasibility study had promised.",
    ],
    [  # column 2
        "Column two begins with the second winter, when the operator replaced the single large "
        "machine with an array of seven smaller turbines, each rated at 1.5 megawatts, for a "
        "total installed capacity of 10.5 megawatts.",
        "The smaller machines could be lifted by a modest crane barge instead of a heavy-lift "
        "vessel, which cut the cost of each retrieval by almost two thirds.",
        "Seabed scour around the foundations, the problem that had worried the regulators most, "
        "turned out to be negligible. Grey seals, on the other hand, learned to rest in the "
        "lee of the nacelles within a single season.",
        "After five winters the array has exported 61 gigawatt hours. The final sentence of "
        "column two is this one, and it closes the article.",
    ],
]


def build_two_column(fonts: Fonts) -> tuple[list[Page], dict, dict]:
    W, H = LETTER
    p = Page(W, H, fonts)
    L, R = 54.0, W - 54.0
    # running header
    p.row(40, [(L, "Coastal Engineering Review"), (R, "Volume 12, Issue 3", "right")], size=8.5,
          font="sans")
    p.line(L, 47, R, 47, 0.5)
    title = "Tidal Energy on the Northern Shelf: Lessons from Five Winters"
    tsize = 19.0
    while fonts.width(title, "serif-bold", tsize) > R - L:
        tsize -= 0.5
    p.text(W / 2, 92, title, "serif-bold", tsize, align="center")
    byline = "Marguerite Okonkwo-Hale and Tomas Rydberg | Published 18 March 2024"
    p.text(W / 2, 114, byline, "serif-italic", 10.5, align="center")
    p.line(L, 128, R, 128, 0.5)
    gap = 24.0
    colw = (R - L - gap) / 2
    xs = [L, L + colw + gap]
    paragraphs = []
    for ci, paras in enumerate(TWO_COL_PARAS):
        y = 152.0
        for para in paras:
            y = p.paragraph(xs[ci], y, para, "serif", 10.5, colw, leading=14) + 9
            paragraphs.append({"column": ci + 1, "text": para})
    # footer
    p.line(L, H - 48, R, H - 48, 0.5)
    p.row(H - 36, [(L, "Coastal Engineering Review 12(3)"), (R, "Page 1 of 1", "right")],
          size=8.5)
    structure = {
        "header": "Coastal Engineering Review Volume 12, Issue 3",
        "title": title,
        "byline": byline,
        "paragraphs": paragraphs,
        "footer": "Coastal Engineering Review 12(3) Page 1 of 1",
    }
    expected = {
        "title": title,
        "authors": ["Marguerite Okonkwo-Hale", "Tomas Rydberg"],
        "publication": "Coastal Engineering Review",
        "volume": 12,
        "issue": 3,
        "publication_date": "2024-03-18",
        "first_installation_year": 2019,
        "turbine_count": 7,
        "installed_capacity_mw": 10.5,
        "energy_exported_gwh": 61,
    }
    return [p], structure, expected


TABLE_ROWS = [
    ("Part-0013", 3.50, 120, "A-04", "OK"),
    ("Part-0027", 12.75, 8, "A-04", "LOW"),
    ("Part-0031", 0.95, 1450, "A-05", "OK"),
    ("Part-0102", 104.00, 2, "A-07", "REORDER"),
    ("Part-0110", 7.20, 36, "A-07", "OK"),
    ("Part-0245", 1020.00, 1, "A-09", "HOLD"),
    ("Part-0388", 0.05, 10000, "A-11", "OK"),
]


def build_table(fonts: Fonts) -> tuple[list[Page], dict]:
    W, H = A4
    p = Page(W, H, fonts)
    L = 60.0
    heading = "Bin audit: small parts, aisle A"
    p.text(L, 84, heading, "sans-bold", 16)
    intro = ("Counted on 7 March 2024 by the night shift. Quantities are pieces on the shelf; "
             "unit prices are in EUR excluding VAT. Parts marked HOLD are quarantined pending "
             "inspection and must not be picked.")
    y = p.paragraph(L, 110, intro, "sans", 10, W - 2 * L, leading=14)
    top = y + 14
    header = ("Part", "Unit price", "Qty", "Bin", "Status")
    size = 10
    pad = 3.0
    # tight columns: just wide enough for the widest cell plus small padding, so adjacent
    # cells would run together ("Part-00133.50") if a reader dropped the spacing
    cells = [header] + [(a, money(b), f"{c:,}", d, e) for a, b, c, d, e in TABLE_ROWS]
    widths = [max(fonts.width(r[i], "sans-bold" if r is header else "sans", size)
                  for r in cells) + 2 * pad for i in range(5)]
    xs = [L]
    for w in widths:
        xs.append(xs[-1] + w)
    rowh = 18.0
    numeric = {1, 2}
    for ri, r in enumerate(cells):
        yb = top + rowh * ri + 12.5
        f = "sans-bold" if ri == 0 else "sans"
        row = []
        for ci, t in enumerate(r):
            if ci in numeric and ri > 0:
                row.append((xs[ci + 1] - pad, t, "right", f))
            else:
                row.append((xs[ci] + pad, t, "left", f))
        p.row(yb, row, size=size)
    n = len(cells)
    for ri in range(n + 1):
        p.line(xs[0], top + rowh * ri, xs[-1], top + rowh * ri, 0.6)
    for x in xs:
        p.line(x, top, x, top + rowh * n, 0.6)
    p.text(L, top + rowh * n + 24, "Checked by: R. Achterberg, stock controller", "sans", 9)
    expected = {
        "title": heading,
        "count_date": "2024-03-07",
        "rows": [{"part": a, "unit_price": b, "quantity": c, "bin": d, "status": e}
                 for a, b, c, d, e in TABLE_ROWS],
    }
    return [p], expected


RECEIPT_ITEMS = [("Flat white", 2, 3.80), ("Blueberry muffin", 1, 3.20),
                 ("Sparkling water 0.5 l", 1, 2.50), ("Club sandwich", 1, 8.90)]


def build_receipt(fonts: Fonts) -> tuple[list[Page], dict]:
    mm = 72 / 25.4
    W, H = 80 * mm, 160 * mm
    p = Page(W, H, fonts, scanned=True)
    L, R, C = 5 * mm, W - 5 * mm, W / 2
    f, fb, s = "mono", "mono-bold", 9.0
    p.text(C, 34, "HARBOUR LIGHTS COFFEE", fb, 11, align="center")
    p.text(C, 48, "27 Quay Street, Galway", f, s, align="center")
    p.text(C, 60, "VAT No. IE 9876543 W", f, s, align="center")
    p.row(82, [(L, "05/03/2024"), (R, "14:27", "right")], size=s, font=f)
    p.row(94, [(L, "Receipt 0419-0077"), (R, "Till 2", "right")], size=s, font=f)
    p.line(L, 101, R, 101, 0.6)
    y = 116
    total = 0.0
    for name, q, price in RECEIPT_ITEMS:
        amt = round(q * price, 2)
        total += amt
        label = f"{q} x {name}"
        p.row(y, [(L, label), (R, money(amt), "right")], size=s, font=f)
        y += 13
    total = round(total, 2)
    p.line(L, y - 5, R, y - 5, 0.6)
    y += 10
    p.row(y, [(L, "TOTAL EUR", "left", fb), (R, money(total), "right", fb)], size=10.5, font=f)
    y += 16
    vat = round(total - total / 1.135, 2)
    p.row(y, [(L, "incl. VAT 13.5%"), (R, money(vat), "right")], size=s, font=f)
    y += 13
    p.row(y, [(L, "Paid by card"), (R, money(total), "right")], size=s, font=f)
    y += 24
    p.text(C, y, "Thank you, see you soon!", f, s, align="center")
    expected = {
        "merchant": "Harbour Lights Coffee",
        "merchant_address": "27 Quay Street, Galway",
        "date": "2024-03-05",
        "time": "14:27",
        "currency": "EUR",
        "items": [{"description": n, "quantity": q, "amount": round(q * pr, 2)}
                  for n, q, pr in RECEIPT_ITEMS],
        "tax": vat,
        "total": total,
        "payment_method": "card",
    }
    return [p], expected


def build_encrypted(fonts: Fonts) -> list[Page]:
    W, H = A4
    p = Page(W, H, fonts)
    L = 64.0
    p.text(L, 90, "Board memo: confidential", "sans-bold", 16)
    y = 120
    for para in (
        "This page is the password-protected sample. Its text is encrypted with the user "
        "password secret and cannot be read without it.",
        "Budget code: TERN-7731. Approved by the board on 9 February 2024.",
    ):
        y = p.paragraph(L, y, para, "sans", 11, W - 2 * L, leading=15) + 10
    return [p]


# ---------------------------------------------------------------------------------------------
# Ground truth files
# ---------------------------------------------------------------------------------------------


def dump_json(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_words(path: Path, pages: list[Page]) -> None:
    """One printed line per text line, in reading order; pages separated by a form feed line."""
    blocks = ["\n".join(t for t, _ in pg.gt_lines) + "\n" for pg in pages]
    path.write_text("\f\n".join(blocks), encoding="utf-8")


def write_layout(path: Path, name: str, pages: list[Page]) -> None:
    dump_json(path, {
        "document": name,
        "units": "PDF points, origin top-left of the page; bbox = [x0, y0, x1, y1]",
        "pages": [{
            "number": i + 1,
            "width": round(pg.width, 2),
            "height": round(pg.height, 2),
            "image_only": pg.scanned,
            "lines": [{"text": t, "bbox": [round(v, 1) for v in b]} for t, b in pg.gt_lines],
        } for i, pg in enumerate(pages)],
    })


# ---------------------------------------------------------------------------------------------
# Schemas
# ---------------------------------------------------------------------------------------------

S2020 = "https://json-schema.org/draft/2020-12/schema"


def xc(method: str, note: str, **kw) -> dict:
    d = {"method": method}
    d.update(kw)
    d["note"] = note
    return d


NUM = lambda tol=0.01: xc("numeric", "parse locale formats ('1.234,56', '1,234.56'), strip "  # noqa: E731
                          "currency; equal within abs_tol", abs_tol=tol)
DATE = xc("date", "normalize both sides to ISO 8601 YYYY-MM-DD, then exact")
IDENT = xc("identifier", "remove whitespace, '.', '-'; strip leading '#'; case-insensitive exact")
FUZZY = lambda th=0.85: xc("fuzzy", "NFKC, collapse whitespace, case-fold; normalized "  # noqa: E731
                           "Levenshtein similarity >= threshold", threshold=th)
EXACT_CI = xc("exact-ci", "case-insensitive exact")


def prop(types, description, compare, **extra) -> dict:
    d = {"type": types, "description": description}
    d.update(extra)
    d["x-compare"] = compare
    return d


def obj(properties: dict, required=None, description=None, **extra) -> dict:
    d = {"type": "object"}
    if description:
        d["description"] = description
    d["properties"] = properties
    d["required"] = list(properties) if required is None else required
    d["additionalProperties"] = False
    d.update(extra)
    return d


def schema_doc(sid: str, title: str, description: str, body: dict) -> dict:
    return {"$schema": S2020, "$id": f"urn:docextract:samples:{sid}", "title": title,
            "description": description, **body}


def party(what: str) -> dict:
    return obj({
        "name": prop("string", f"Legal name of the {what} company as printed.", FUZZY(0.85)),
        "address": prop(["string", "null"], f"Postal address of the {what} on one line: street, "
                        "postcode and city, country.", FUZZY(0.8)),
        "vat_id": prop(["string", "null"], f"VAT identification number of the {what}, "
                       "e.g. NL859372614B01; null if not printed.", IDENT),
    }, required=["name", "address", "vat_id"], description=f"The {what}.",
        **{"x-compare": xc("fields", "compare each property with its own rule")})


def invoice_schema() -> dict:
    item = obj({
        "description": prop("string", "Text of the line item as printed.", FUZZY(0.85)),
        "quantity": prop("number", "Quantity billed.", NUM(0.001)),
        "unit_price": prop("number", "Price of one unit, without currency symbol.", NUM()),
        "amount": prop("number", "Line total (quantity times unit price).", NUM()),
    }, description="One row of the invoice's item table.")
    return schema_doc("invoice", "Invoice", "Key fields of a commercial invoice.", obj({
        "invoice_number": prop("string", "The invoice number, e.g. INV-2024-00417.", IDENT),
        "invoice_date": prop("string", "Date the invoice was issued, as YYYY-MM-DD.", DATE,
                             format="date"),
        "due_date": prop(["string", "null"], "Payment due date as YYYY-MM-DD; null if not "
                         "printed.", DATE, format="date"),
        "order_reference": prop(["string", "null"], "The buyer's purchase order number, "
                                "null if not printed.", IDENT),
        "currency": prop("string", "ISO 4217 currency code of the amounts.", EXACT_CI,
                         enum=["EUR", "USD", "GBP", "CHF", "SEK", "DKK", "NOK", "PLN", "CZK",
                               "JPY", "CAD", "AUD"]),
        "seller": party("seller (issuer of the invoice)"),
        "buyer": party("buyer (the customer billed)"),
        "line_items": {
            "type": "array",
            "description": "The rows of the item table, in printed order.",
            "items": item,
            "maxItems": 20,
            "x-compare": xc("line-items", "match predicted rows to expected rows one-to-one on "
                            "description similarity; score per-field with the item rules; "
                            "report precision/recall over rows; row order is not scored"),
        },
        "subtotal": prop(["number", "null"], "Total before tax.", NUM()),
        "tax_rate": prop(["number", "null"], "VAT / sales-tax rate in percent, e.g. 21.",
                         NUM(0.001)),
        "tax": prop(["number", "null"], "Tax amount (VAT).", NUM()),
        "total": prop("number", "Total amount due, including tax.", NUM()),
        "payment_terms": prop(["string", "null"], "Payment terms sentence as printed, e.g. "
                              "'Net 30 days'.", FUZZY(0.7)),
        "iban": prop(["string", "null"], "IBAN of the seller's bank account; null if not "
                     "printed.", IDENT),
    }))


def receipt_schema() -> dict:
    item = obj({
        "description": prop("string", "Name of the item as printed.", FUZZY(0.8)),
        "quantity": prop(["number", "null"], "Number of units; null if not printed.",
                         NUM(0.001)),
        "amount": prop("number", "Price paid for this line.", NUM()),
    }, description="One purchased item.")
    return schema_doc("receipt", "Receipt", "Key fields of a shop or restaurant receipt.", obj({
        "merchant": prop("string", "Name of the shop or restaurant.", FUZZY(0.8)),
        "merchant_address": prop(["string", "null"], "Address of the merchant on one line.",
                                 FUZZY(0.8)),
        "date": prop("string", "Date of purchase as YYYY-MM-DD (receipts often print it "
                     "day-first, e.g. 05/03/2024 is 5 March 2024).", DATE, format="date"),
        "time": prop(["string", "null"], "Time of purchase as HH:MM; null if not printed.",
                     xc("exact", "exact after trimming"), pattern="^[0-2][0-9]:[0-5][0-9]$"),
        "currency": prop(["string", "null"], "ISO 4217 currency code.", EXACT_CI,
                         enum=["EUR", "USD", "GBP", "CHF", "MYR", "SEK", "DKK", None]),
        "items": {
            "type": "array",
            "description": "Items bought, in printed order.",
            "items": item,
            "maxItems": 30,
            "x-compare": xc("line-items", "one-to-one matching of rows on description; "
                            "per-field rules inside rows; row precision/recall"),
        },
        "tax": prop(["number", "null"], "Tax amount included in the total; null if not "
                    "printed.", NUM()),
        "total": prop("number", "Total amount paid.", NUM()),
        "payment_method": prop(["string", "null"], "How it was paid.", EXACT_CI,
                               enum=["cash", "card", "other", None]),
    }, required=["merchant", "merchant_address", "date", "time", "currency", "items", "tax",
                 "total", "payment_method"]))


def letter_schema() -> dict:
    return schema_doc(
        "letter", "Cover letter with enclosed delivery note",
        "Fields of a business letter (page 1), the delivery note it encloses (a scanned page) "
        "and its annex with returns and support terms.",
        obj({
            "sender": obj({
                "name": prop("string", "Company that wrote the letter.", FUZZY(0.85)),
                "address": prop(["string", "null"], "Sender's address on one line.",
                                FUZZY(0.8)),
            }, description="Who sent the letter.",
                **{"x-compare": xc("fields", "compare each property with its own rule")}),
            "recipient": obj({
                "name": prop("string", "Company the letter is addressed to.", FUZZY(0.85)),
                "contact_person": prop(["string", "null"], "Person the letter is addressed "
                                       "to, without title (Mr/Ms).", FUZZY(0.8)),
                "address": prop(["string", "null"], "Recipient's address on one line.",
                                FUZZY(0.8)),
            }, description="Who receives the letter.",
                **{"x-compare": xc("fields", "compare each property with its own rule")}),
            "letter_date": prop("string", "Date of the letter as YYYY-MM-DD.", DATE,
                                format="date"),
            "subject": prop("string", "Subject line of the letter, without 'Subject:'.",
                            FUZZY(0.8)),
            "order_reference": prop(["string", "null"], "Purchase order number the letter is "
                                    "about.", IDENT),
            "signatory": obj({
                "name": prop("string", "Name of the person who signed.", FUZZY(0.85)),
                "title": prop(["string", "null"], "Job title of the signatory.", FUZZY(0.8)),
            }, description="Who signed the letter.",
                **{"x-compare": xc("fields", "compare each property with its own rule")}),
            "delivery_note": obj({
                "number": prop("string", "Delivery note number, e.g. DN-55120.", IDENT),
                "date": prop("string", "Delivery date as YYYY-MM-DD.", DATE, format="date"),
                "carrier": prop(["string", "null"], "Transport company.", FUZZY(0.8)),
                "package_count": prop(["integer", "null"], "Number of packages delivered.",
                                      NUM(0)),
                "received_by": prop(["string", "null"], "Name of the person who received "
                                    "the goods.", FUZZY(0.8)),
                "items": {
                    "type": "array",
                    "description": "Rows of the delivery note's item table.",
                    "maxItems": 10,
                    "items": obj({
                        "item_code": prop(["string", "null"], "Short item code, e.g. VS-200.",
                                          IDENT),
                        "description": prop("string", "Item description.", FUZZY(0.8)),
                        "quantity": prop("number", "Quantity delivered.", NUM(0.001)),
                    }, description="One delivered item."),
                    "x-compare": xc("line-items", "one-to-one matching of rows on "
                                    "description; per-field rules inside rows; row "
                                    "precision/recall"),
                },
            }, description="The enclosed delivery note (a scanned page).",
                **{"x-compare": xc("fields", "compare each property with its own rule")}),
            "return_window_days": prop(["integer", "null"], "Days after delivery within which "
                                       "goods may be returned.", NUM(0)),
            "warranty_months": prop(["integer", "null"], "Warranty period in months.", NUM(0)),
            "support_email": prop(["string", "null"], "E-mail address of the support desk.",
                                  EXACT_CI),
            "support_phone": prop(["string", "null"], "Telephone number of the support desk.",
                                  xc("digits", "compare digit strings")),
        }))


def table_schema() -> dict:
    row = obj({
        "part": prop("string", "Part number, e.g. Part-0013.", IDENT),
        "unit_price": prop("number", "Unit price in EUR.", NUM()),
        "quantity": prop("integer", "Quantity on the shelf (pieces).", NUM(0)),
        "bin": prop("string", "Storage bin, e.g. A-04.", IDENT),
        "status": prop("string", "Stock status.", EXACT_CI,
                       enum=["OK", "LOW", "REORDER", "HOLD"]),
    }, description="One row of the table (not the header row).")
    return schema_doc("table", "Stock table", "The rows of a stock-count table, as objects.", obj({
        "title": prop(["string", "null"], "Heading above the table.", FUZZY(0.8)),
        "count_date": prop(["string", "null"], "Date of the count as YYYY-MM-DD.", DATE,
                           format="date"),
        "rows": {
            "type": "array",
            "description": "Every data row of the table, in printed order.",
            "items": row,
            "maxItems": 20,
            "x-compare": xc("line-items", "one-to-one matching of rows on part; per-field "
                            "rules inside rows; row precision/recall"),
        },
    }))


def article_schema() -> dict:
    return schema_doc("article", "Journal article", "Bibliographic facts and key figures of a "
                      "short magazine article.", obj({
        "title": prop("string", "Title of the article.", FUZZY(0.85)),
        "authors": {
            "type": "array",
            "description": "Author names in printed order.",
            "items": {"type": "string", "description": "One author's full name."},
            "maxItems": 6,
            "x-compare": xc("set", "multiset F1 after fuzzy matching of names",
                            element=FUZZY(0.85)),
        },
        "publication": prop(["string", "null"], "Name of the journal or magazine.", FUZZY(0.8)),
        "volume": prop(["integer", "null"], "Volume number.", NUM(0)),
        "issue": prop(["integer", "null"], "Issue number.", NUM(0)),
        "publication_date": prop(["string", "null"], "Publication date as YYYY-MM-DD.", DATE,
                                 format="date"),
        "first_installation_year": prop(["integer", "null"], "Year the first turbine was "
                                        "installed.", NUM(0)),
        "turbine_count": prop(["integer", "null"], "Number of turbines in the array.", NUM(0)),
        "installed_capacity_mw": prop(["number", "null"], "Total installed capacity in "
                                      "megawatts.", NUM(0.01)),
        "energy_exported_gwh": prop(["number", "null"], "Energy exported after five winters, "
                                    "in gigawatt hours.", NUM(0.01)),
    }))


SCHEMAS = {
    "invoice": invoice_schema,
    "receipt": receipt_schema,
    "letter": letter_schema,
    "table": table_schema,
    "article": article_schema,
}


# ---------------------------------------------------------------------------------------------
# Bad files
# ---------------------------------------------------------------------------------------------

NO_PAGES_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
)


def _with_xref(body: bytes) -> bytes:
    offs, pos = [], 0
    while True:
        i = body.find(b" 0 obj\n", pos)
        if i < 0:
            break
        start = body.rfind(b"\n", 0, i) + 1
        offs.append(start)
        pos = i + 1
    xref = len(body)
    out = body + f"xref\n0 {len(offs) + 1}\n0000000000 65535 f \n".encode()
    for o in offs:
        out += f"{o:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(offs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
            .encode())
    return out


def write_bad(bad: Path, invoice_pdf: Path) -> dict:
    bad.mkdir(parents=True, exist_ok=True)
    inv = invoice_pdf.read_bytes()
    files = {}
    (bad / "empty.pdf").write_bytes(b"")
    files["empty.pdf"] = "0 bytes."
    (bad / "truncated.pdf").write_bytes(inv[: len(inv) // 2])
    files["truncated.pdf"] = "invoice.pdf cut at half its bytes (no xref, no trailer, no %%EOF)."
    (bad / "not-a-pdf.pdf").write_text(
        "This is a plain text file with a .pdf extension.\nIt is not a PDF document.\n",
        encoding="utf-8")
    files["not-a-pdf.pdf"] = "a short UTF-8 text file."
    (bad / "no-pages.pdf").write_bytes(_with_xref(NO_PAGES_PDF))
    files["no-pages.pdf"] = "a structurally valid PDF whose page tree has zero pages."
    rng = random.Random(1234)
    (bad / "garbage.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + rng.randbytes(2048))
    files["garbage.pdf"] = "a %PDF-1.7 header followed by 2 KiB of random bytes."
    img = Image.new("L", (64, 32), 255)
    ImageDraw.Draw(img).rectangle([8, 8, 56, 24], fill=0)
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    (bad / "png-as-pdf.pdf").write_bytes(buf.getvalue())
    files["png-as-pdf.pdf"] = "a 64x32 PNG image renamed to .pdf."
    return files


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def validate(expected: dict, schema: dict, name: str) -> list[str]:
    from jsonschema import Draft202012Validator, FormatChecker

    Draft202012Validator.check_schema(schema)
    v = Draft202012Validator(schema, format_checker=FormatChecker())
    errs = [f"{name}: {'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in v.iter_errors(expected)]
    # every property needs a description and an x-compare annotation
    def walk(node, path):
        if isinstance(node, dict):
            for k, sub in (node.get("properties") or {}).items():
                if "description" not in sub:
                    errs.append(f"{name}: schema {path}/{k} has no description")
                if "x-compare" not in sub:
                    errs.append(f"{name}: schema {path}/{k} has no x-compare")
                walk(sub, f"{path}/{k}")
            if isinstance(node.get("items"), dict):
                walk(node["items"], path + "[]")
    walk(schema, "")
    return errs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="samples", help="output folder for samples")
    ap.add_argument("--schemas", default=None,
                    help="output folder for schemas (default: schemas/ beside --out)")
    args = ap.parse_args(argv)
    out = Path(args.out)
    schemas_dir = Path(args.schemas) if args.schemas else out.resolve().parent / "schemas"
    exp = out / "expected"
    for d in (out, exp, schemas_dir):
        d.mkdir(parents=True, exist_ok=True)

    fonts = Fonts()
    if not fonts.use_dejavu:
        print("make_samples: DejaVu fonts not found; falling back to built-in fonts "
              "(output will differ from the committed files)", file=sys.stderr)

    schemas = {k: f() for k, f in SCHEMAS.items()}
    for k, s in schemas.items():
        dump_json(schemas_dir / f"{k}.schema.json", s)

    manifest = []
    errors: list[str] = []

    def record(pdf, pages, schema=None, expected=None, extra=None, note=""):
        m = {"file": pdf, "pages": len(pages),
             "image_only_pages": [i + 1 for i, p in enumerate(pages) if p.scanned],
             "schema": f"schemas/{schema}.schema.json" if schema else None,
             "expected": f"expected/{expected}.json" if expected else None,
             "words": f"expected/{(expected or Path(pdf).stem)}.words.txt",
             "layout": f"expected/{(expected or Path(pdf).stem)}.layout.json",
             "note": note}
        if extra:
            m.update(extra)
        manifest.append(m)

    # 1 + 2: invoice and its scanned twin
    pages, inv = build_invoice(fonts)
    write_pdf(out / "invoice.pdf", pages, f"Invoice {INVOICE['number']}",
              "Born-digital sample invoice")
    scanned = [Page(p.width, p.height, fonts, list(p.ops), list(p.gt_lines), True)
               for p in pages]
    write_pdf(out / "invoice-scanned.pdf", scanned, "Scanned invoice", "Image-only twin of "
              "invoice.pdf", seed=101)
    dump_json(exp / "invoice.json", inv)
    write_words(exp / "invoice.words.txt", pages)
    write_layout(exp / "invoice.layout.json", "invoice.pdf / invoice-scanned.pdf", pages)
    errors += validate(inv, schemas["invoice"], "invoice.json")
    record("invoice.pdf", pages, "invoice", "invoice", note="born-digital invoice")
    record("invoice-scanned.pdf", scanned, "invoice", "invoice",
           note="image-only 300 dpi twin of invoice.pdf "
           "(grayscale JPEG, rotated 0.7 degrees, noise, blur); same truth")

    # 3: mixed
    pages, mixed = build_mixed(fonts)
    write_pdf(out / "mixed.pdf", pages, "Delivery of order PO-88213",
              "Cover letter, scanned delivery note, annex", seed=202)
    dump_json(exp / "mixed.json", mixed)
    write_words(exp / "mixed.words.txt", pages)
    write_layout(exp / "mixed.layout.json", "mixed.pdf", pages)
    errors += validate(mixed, schemas["letter"], "mixed.json")
    record("mixed.pdf", pages, "letter", "mixed",
           note="page 1 and 3 born-digital, page 2 image-only (scanned delivery note)")

    # 4: two-column
    pages, structure, article = build_two_column(fonts)
    write_pdf(out / "two-column.pdf", pages, "Tidal Energy on the Northern Shelf",
              "Two-column article")
    dump_json(exp / "two-column.json", article)
    dump_json(exp / "two-column.paragraphs.json", structure)
    write_words(exp / "two-column.words.txt", pages)
    write_layout(exp / "two-column.layout.json", "two-column.pdf", pages)
    errors += validate(article, schemas["article"], "two-column.json")
    record("two-column.pdf", pages, "article", "two-column",
           extra={"paragraphs": "expected/two-column.paragraphs.json"},
           note="US Letter; full-width title, two columns, running header and footer")

    # 5: table
    pages, table = build_table(fonts)
    write_pdf(out / "table.pdf", pages, "Bin audit", "Ruled table sample")
    dump_json(exp / "table.json", table)
    write_words(exp / "table.words.txt", pages)
    write_layout(exp / "table.layout.json", "table.pdf", pages)
    errors += validate(table, schemas["table"], "table.json")
    record("table.pdf", pages, "table", "table", note="ruled 5x8 table with tight columns")

    # receipt (scanned, narrow page)
    pages, receipt = build_receipt(fonts)
    write_pdf(out / "receipt-scanned.pdf", pages, "Receipt", "Scanned till receipt", seed=303)
    dump_json(exp / "receipt.json", receipt)
    write_words(exp / "receipt.words.txt", pages)
    write_layout(exp / "receipt.layout.json", "receipt-scanned.pdf", pages)
    errors += validate(receipt, schemas["receipt"], "receipt.json")
    record("receipt-scanned.pdf", pages, "receipt", "receipt",
           note="80 x 160 mm image-only till receipt, day-first date")

    # 6: encrypted
    pages = build_encrypted(fonts)
    enc = pdfencrypt.StandardEncryption("secret", ownerPassword="owner-secret", canPrint=1,
                                        canModify=0, canCopy=1, canAnnotate=0, strength=128)
    write_pdf(out / "encrypted.pdf", pages, "Board memo", "Encrypted sample", encrypt=enc)
    write_words(exp / "encrypted.words.txt", pages)
    write_layout(exp / "encrypted.layout.json", "encrypted.pdf", pages)
    record("encrypted.pdf", pages, extra={"password": "secret", "owner_password": "owner-secret"},
           note="RC4 128-bit, user password 'secret'")

    bad = write_bad(out / "bad", out / "invoice.pdf")
    dump_json(out / "manifest.json", {
        "generator": "python3 scripts/make_samples.py --out samples",
        "fonts": fonts.description,
        "samples": manifest,
        "bad": [{"file": f"bad/{k}", "note": v} for k, v in bad.items()],
    })

    if errors:
        for e in errors:
            print("make_samples: INVALID:", e, file=sys.stderr)
        return 1
    total = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(f"make_samples: wrote {out} ({total / 1024:.0f} KiB) and {schemas_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
