#!/usr/bin/env python3
"""Binds greyscale JPEG page images into a PDF without a text layer (one image per page).

    jpegs-to-pdf.py DPI OUT.pdf PAGE.jpg...

Used by scripts/make-scan-fixtures (ImageMagick's policy refuses to write PDF here). Each JPEG
is embedded as it is (DCTDecode), the page sized so the image is DPI dots per inch.
"""
import struct, sys

def jpeg_size(data):
    i = 2
    while i < len(data):
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            h, w = struct.unpack(">HH", data[i + 5:i + 9])
            return w, h, data[i + 9]
        i += 2 + length
    raise SystemExit("not a JPEG with a frame header")

dpi, out, pages = float(sys.argv[1]), sys.argv[2], sys.argv[3:]
objects = []
kids = []
for n, path in enumerate(pages):
    data = open(path, "rb").read()
    w, h, comps = jpeg_size(data)
    pw, ph = w * 72 / dpi, h * 72 / dpi
    base = 3 + n * 3
    space = "/DeviceGray" if comps == 1 else "/DeviceRGB"
    image = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 "
             b"/Filter /DCTDecode /Length %d >>\nstream\n" % (w, h, space.encode(), len(data))) + data + b"\nendstream"
    content = b"q %.3f 0 0 %.3f 0 0 cm /Im0 Do Q" % (pw, ph)
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.3f %.3f] /Resources << /XObject << /Im0 %d 0 R >> >> "
            b"/Contents %d 0 R >>" % (pw, ph, base + 1, base + 2))
    objects += [page, image, b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    kids.append(b"%d 0 R" % base)
body = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(pages)] + objects
pdf = bytearray(b"%PDF-1.4\n")
offsets = []
for i, obj in enumerate(body, 1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(body) + 1)
for o in offsets:
    pdf += b"%010d 00000 n \n" % o
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(body) + 1, xref)
open(out, "wb").write(pdf)
