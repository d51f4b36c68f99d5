#!/usr/bin/env python3
"""Checks a diff workbook (`mulu diff --format xlsx`) with openpyxl against the JSON report.

    check_diff_workbook.py DIFF.xlsx DIFF.json

Sheet 变更 must hold one row per added (+++), removed (---) and changed (→) entry of the JSON
report, with its code and name, each changed field's cell `old → new`, highlighted (filled), the
header frozen and an auto-filter on. Exits 1 on any mismatch.
"""
import json, sys

import openpyxl

LABELS = {"industry": "行业", "name": "名称", "code": "代码", "training": "培训补贴", "assessment": "鉴定补贴", "urgent": "急需紧缺"}

def display(entry, field):
    value = entry.get(field)
    if field in ("training", "assessment"):
        return value["text"] if value else "—"
    if field == "urgent":
        return {True: "是", False: "否"}.get(value, "")
    return value if value is not None else ""

def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    report = json.load(open(sys.argv[2], encoding="utf-8"))
    problems = []
    ws = wb["变更"]
    header = [c.value for c in ws[1]]
    if header[:2] != ["@@", "序号"] or set(header[2:]) != set(LABELS.values()):
        problems.append(f"header {header}")
    col = {h: i for i, h in enumerate(header)}
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    by_mark = {}
    for row in rows:
        by_mark.setdefault(row[0], []).append(row)
    for mark, entries in (("+++", report["added"]), ("---", report["removed"])):
        got = sorted((r[col["代码"]], r[col["名称"]]) for r in by_mark.get(mark, []))
        want = sorted((e["code"], e["name"]) for e in entries)
        if got != want:
            problems.append(f"{mark} rows {got} != {want}")
    changed = by_mark.get("→", [])
    if len(changed) != len(report["changed"]):
        problems.append(f"{len(changed)} changed rows, report has {len(report['changed'])}")
    cells = {}
    for r, row in enumerate(ws.iter_rows(min_row=2), start=2):
        if row[0].value == "→":
            cells.setdefault((row[col["序号"]].value), row)
    for change in report["changed"]:
        row = cells.get(change["after"]["seq"])
        if row is None:
            problems.append(f"no changed row for seq {change['after']['seq']}")
            continue
        for field in change["fields"]:
            cell = row[col[LABELS[field]]]
            want = f"{display(change['before'], field)} → {display(change['after'], field)}"
            if cell.value != want:
                problems.append(f"{cell.coordinate}: {cell.value!r} != {want!r}")
            if cell.fill.fgColor.rgb in (None, "00000000"):
                problems.append(f"{cell.coordinate}: changed cell not highlighted")
    if ws.freeze_panes != "A2" or not ws.auto_filter.ref:
        problems.append(f"freeze {ws.freeze_panes!r} filter {ws.auto_filter.ref!r}")
    for p in problems[:40]:
        print("diff workbook:", p)
    if problems:
        print(f"check_diff_workbook: {len(problems)} problem(s)")
        sys.exit(1)
    print(f"check_diff_workbook: {len(rows)} rows match the report")

main()
