"""Checks one part of a ZIP archive: every entry's CRC, and that PART holds exactly the bytes of
EXPECTED.

  check_zip_part.py ARCHIVE PART EXPECTED
"""
import sys
import zipfile

archive, part, expected = sys.argv[1:4]
with zipfile.ZipFile(archive) as z:
    bad = z.testzip()
    if bad is not None:
        sys.exit(f"bad CRC or data: {bad}")
    data = z.read(part)
with open(expected, "rb") as f:
    want = f.read()
if data != want:
    first = next((i for i, (a, b) in enumerate(zip(data, want)) if a != b), min(len(data), len(want)))
    sys.exit(f"{part}: {len(data)} bytes, expected {len(want)}; first difference at {first}")
print(f"{part}: {len(data)} bytes ok")
