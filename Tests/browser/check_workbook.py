#!/usr/bin/env python3
"""Checks a compiled catalogue's workbook with a real reader (openpyxl) against its CSV.

    check_workbook.py DIR

DIR holds catalogue.xlsx, catalogue.csv, datapackage.json and catalogue.json as `mulu compile`
writes them. Every cell of sheet 目录 is compared with the CSV: integers (by the CSV's Table
Schema in datapackage.json) must be number cells of the same value, booleans 是/否, the rest the
same text (an empty CSV field an empty cell). Also checked: the headings are the schema's titles,
the header row is frozen, the auto-filter covers the table, sheet 诊断 lists every diagnostic with
its page and line, sheet 说明 gives the title and the notice's SHA-256, and datapackage.json
lists the workbook with its size and hash. Exits 1 on the first kind of mismatch, printing all.
"""
import csv, hashlib, json, os, sys

import openpyxl

def main():
    d = sys.argv[1]
    problems = []
    with open(os.path.join(d, "catalogue.csv"), newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header, records = rows[0], rows[1:]
    package = json.load(open(os.path.join(d, "datapackage.json"), encoding="utf-8"))
    catalogue = json.load(open(os.path.join(d, "catalogue.json"), encoding="utf-8"))
    fields = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}

    path = os.path.join(d, "catalogue.xlsx")
    wb = openpyxl.load_workbook(path)
    if wb.sheetnames != ["目录", "诊断", "说明"]:
        problems.append(f"sheets {wb.sheetnames}")
    ws = wb["目录"]
    if ws.max_row != len(records) + 1 or ws.max_column != len(header):
        problems.append(f"目录 is {ws.max_row}x{ws.max_column}, CSV {len(records) + 1}x{len(header)}")
    got_header = [c.value for c in ws[1]]
    want_header = [fields.get(n, {}).get("title", n) for n in header]
    if got_header != want_header:
        problems.append(f"headings {got_header} != {want_header}")
    for r, record in enumerate(records, start=2):
        for c, (name, text) in enumerate(zip(header, record), start=1):
            cell = ws.cell(row=r, column=c)
            kind = fields.get(name, {}).get("type", "string")
            if text == "":
                want = None
            elif kind in ("integer", "number"):
                want = int(text) if kind == "integer" else float(text)
                if cell.data_type != "n":
                    problems.append(f"{cell.coordinate} ({name}) is {cell.data_type!r}, not a number")
            elif kind == "boolean":
                want = {"true": "是", "false": "否"}[text]
            else:
                want = text
            if cell.value != want:
                problems.append(f"{cell.coordinate} ({name}) = {cell.value!r}, CSV row {r - 1} has {text!r}")
    if ws.freeze_panes != "A2":
        problems.append(f"freeze_panes {ws.freeze_panes!r}, not A2")
    want_filter = f"A1:{openpyxl.utils.get_column_letter(len(header))}{len(records) + 1}"
    if ws.auto_filter.ref != want_filter:
        problems.append(f"auto-filter {ws.auto_filter.ref!r}, not {want_filter}")
    for c in range(1, len(header) + 1):
        width = ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width
        if not width or not (4 <= width <= 60):
            problems.append(f"column {c} width {width!r}")

    diagnostics = catalogue["diagnostics"]
    ds = wb["诊断"]
    if ds.max_row != len(diagnostics) + 1:
        problems.append(f"诊断 has {ds.max_row - 1} rows, catalogue.json {len(diagnostics)} diagnostics")
    for r, diag in enumerate(diagnostics, start=2):
        row = [c.value for c in ds[r]]
        if row[1] != diag.get("page") or row[2] != diag.get("line") or row[5] != diag["message"]:
            problems.append(f"诊断 row {r}: {row} vs {diag}")

    facts = {row[0].value: row[1].value for row in wb["说明"].iter_rows(min_row=2)}
    if facts.get("标题") != catalogue["title"] or facts.get("源文件 SHA-256") != catalogue["source"]["sha256"] \
            or facts.get("源文件") != catalogue["source"]["file"] or facts.get("条目数") != len(records):
        problems.append(f"说明: {facts}")

    data = open(path, "rb").read()
    resources = [r for r in package["resources"] if r.get("path") == "catalogue.xlsx"]
    if len(resources) != 1:
        problems.append("datapackage.json does not list catalogue.xlsx once")
    elif resources[0].get("bytes") != len(data) or resources[0].get("hash") != "sha256:" + hashlib.sha256(data).hexdigest():
        problems.append("datapackage.json: catalogue.xlsx's bytes or hash are wrong")

    for p in problems[:40]:
        print("workbook:", p)
    if problems:
        print(f"check_workbook: {path}: {len(problems)} problem(s)")
        sys.exit(1)
    print(f"check_workbook: {path}: {len(records)} rows x {len(header)} columns match the CSV")

main()
