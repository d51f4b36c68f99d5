#!/usr/bin/env python3
"""Converts a compiled catalogue's workbook to CSV with LibreOffice (headless) and checks that it
gives the rows of catalogue.csv: the same cells, booleans read as 是/否.

    check_libreoffice.py DIR [--png OUT.png]

With --png, also renders the workbook's first sheet to OUT.png (what LibreOffice shows).
Exits 1 when a row differs, 2 when LibreOffice is missing or fails.
"""
import csv, json, os, shutil, subprocess, sys, tempfile

def soffice(args, work):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        print("check_libreoffice: soffice is missing: run scripts/setup")
        sys.exit(2)
    profile = "file://" + os.path.join(work, "profile")
    result = subprocess.run([exe, f"-env:UserInstallation={profile}", "--headless", "--norestore"] + args,
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        print("check_libreoffice: soffice failed:", result.stdout, result.stderr)
        sys.exit(2)

def main():
    args = sys.argv[1:]
    png = None
    if "--png" in args:
        i = args.index("--png")
        png = args[i + 1]
        del args[i:i + 2]
    d = args[0]
    with open(os.path.join(d, "catalogue.csv"), newline="", encoding="utf-8-sig") as f:
        want = list(csv.reader(f))
    package = json.load(open(os.path.join(d, "datapackage.json"), encoding="utf-8"))
    fields = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    header = want[0]
    with tempfile.TemporaryDirectory() as work:
        # 44 = comma, 34 = double quote, 76 = UTF-8, 1 = from the first line.
        soffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", work,
                 os.path.join(d, "catalogue.xlsx")], work)
        with open(os.path.join(work, "catalogue.csv"), newline="", encoding="utf-8") as f:
            got = list(csv.reader(f))
        if png:
            # Calc's own PNG export needs the GUI packages: print to PDF, then its first page to PNG.
            soffice(["--convert-to", "pdf", "--outdir", work, os.path.join(d, "catalogue.xlsx")], work)
            subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile",
                            os.path.join(work, "catalogue.pdf"), os.path.join(work, "page")], check=True)
            shutil.copyfile(os.path.join(work, "page.png"), png)
            print(f"check_libreoffice: rendered {png}")
    problems = []
    titles = [fields.get(n, {}).get("title", n) for n in header]
    if got[0] != titles:
        problems.append(f"headings {got[0]} != {titles}")
    if len(got) != len(want):
        problems.append(f"{len(got) - 1} rows, catalogue.csv has {len(want) - 1}")
    for n, (g, w) in enumerate(zip(got[1:], want[1:]), start=1):
        expected = [{"true": "是", "false": "否"}.get(v, v) if fields.get(c, {}).get("type") == "boolean" else v
                    for c, v in zip(header, w)]
        if g != expected:
            problems.append(f"row {n}: {g} != {expected}")
    for p in problems[:20]:
        print("libreoffice:", p)
    if problems:
        print(f"check_libreoffice: {d}/catalogue.xlsx: {len(problems)} problem(s)")
        sys.exit(1)
    print(f"check_libreoffice: {d}/catalogue.xlsx: LibreOffice reads the {len(want) - 1} rows of catalogue.csv")

main()
