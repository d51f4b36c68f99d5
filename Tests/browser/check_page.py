#!/usr/bin/env python3
"""Loads mulu's pages in headless Chromium (Selenium, /usr/bin/chromedriver) and checks them as
a reader uses them, taking a screenshot of each.

    check_page.py catalogue PAGE CSV SCREENSHOT.png [--search 电工]
    check_page.py diff PAGE DIFF.json SCREENSHOT.png

catalogue: the HTML itself (scripts off) holds one table row per CSV record; in the browser the
table has as many rows, each with the record's code and name; typing the search text (default
电工) in the search box leaves exactly the rows whose name or code holds it; the urgent filter
leaves exactly the urgent rows; the industry filter leaves exactly that industry's rows; clearing
them shows every row again; the page loads nothing from the network.

diff: one row per added, removed and changed entry of the JSON report, marked +++, --- and →,
each changed field's cell showing old → new.

Exits 1 on any mismatch.
"""
import csv, html.parser, json, os, sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

problems = []

def expect(ok, message):
    if not ok:
        problems.append(message)

class RowCounter(html.parser.HTMLParser):
    """Counts <tr> inside <tbody> of the table with the given id, from the HTML alone."""
    def __init__(self, table_id):
        super().__init__()
        self.table_id, self.in_table, self.in_body, self.rows = table_id, False, False, 0
    def handle_starttag(self, tag, attrs):
        if tag == "table" and dict(attrs).get("id") == self.table_id:
            self.in_table = True
        elif tag == "tbody" and self.in_table:
            self.in_body = True
        elif tag == "tr" and self.in_body:
            self.rows += 1
    def handle_endtag(self, tag):
        if tag == "tbody":
            self.in_body = False
        elif tag == "table":
            self.in_table = False

def browser(width, height):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--lang=zh-CN"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)

def visible_rows(driver, table_id):
    return driver.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll('#' + arguments[0] + ' tbody tr'),"
        " function (r) { return r.offsetParent !== null; }).map(function (r) {"
        " return Array.prototype.map.call(r.cells, function (c) { return c.textContent; }); });", table_id)

def screenshot(driver, path, height=None):
    height = height or min(6000, driver.execute_script("return document.documentElement.scrollHeight") + 160)
    driver.set_window_size(driver.get_window_size()["width"], height)
    driver.save_screenshot(path)
    print(f"screenshot: {path}")

def no_network(driver):
    """Every resource the page loaded is the page itself (file:) or inline."""
    names = driver.execute_script("return performance.getEntriesByType('resource').map(function (e) { return e.name; });")
    expect(not names, f"the page loaded resources: {names}")

def catalogue(page, csv_path, shot, search):
    with open(csv_path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    counter = RowCounter("entries")
    counter.feed(open(page, encoding="utf-8").read())
    expect(counter.rows == len(rows), f"the HTML holds {counter.rows} rows, the CSV {len(rows)}")
    driver = browser(1280, 900)
    try:
        driver.get("file://" + os.path.abspath(page))
        shown = visible_rows(driver, "entries")
        expect(len(shown) == len(rows), f"{len(shown)} rows shown, the CSV has {len(rows)}")
        headings = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "#entries thead th")]
        code_at, name_at = headings.index("职业（工种）代码"), headings.index("职业（项目）")
        expect([(r[code_at], r[name_at]) for r in shown] == [(r["code"], r["name"]) for r in rows],
               "the rows' codes and names differ from the CSV")
        no_network(driver)
        screenshot(driver, shot)
        driver.set_window_size(1280, 900)

        box = driver.find_element(By.ID, "q")
        box.send_keys(search)
        want = [(r["code"], r["name"]) for r in rows if search in r["name"] or search in r["code"]]
        got = [(r[code_at], r[name_at]) for r in visible_rows(driver, "entries")]
        expect(want and got == want, f"search {search!r}: {len(got)} rows shown, want {len(want)}: {got[:5]}")
        count = driver.find_element(By.ID, "count").text
        expect(f"{len(want)} / {len(rows)}" in count, f"count says {count!r} after search")
        screenshot(driver, shot.replace(".png", "-search.png"), 900)
        box.clear()
        box.send_keys(" ")  # clear() fires no input event: type, then erase
        box.send_keys("\b")
        expect(len(visible_rows(driver, "entries")) == len(rows), "clearing the search does not show every row")

        driver.find_element(By.ID, "urgent").click()
        want = [(r["code"], r["name"]) for r in rows if r["urgent"] == "true"]
        got = [(r[code_at], r[name_at]) for r in visible_rows(driver, "entries")]
        expect(got == want, f"urgent filter: {len(got)} rows shown, want {len(want)}")
        driver.find_element(By.ID, "urgent").click()

        select = Select(driver.find_element(By.ID, "industry"))
        industry = select.options[1].text
        select.select_by_visible_text(industry)
        want = [(r["code"], r["name"]) for r in rows if r["industry"] == industry]
        got = [(r[code_at], r[name_at]) for r in visible_rows(driver, "entries")]
        expect(want and got == want, f"industry {industry}: {len(got)} rows shown, want {len(want)}")
        select.select_by_index(0)
        expect(len(visible_rows(driver, "entries")) == len(rows), "clearing the filters does not show every row")

        # A phone: the rows become cards, nothing wider than the screen.
        driver.set_window_size(390, 844)
        overflow = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
        expect(not overflow, "on a 390 px wide screen the page scrolls sideways")
        driver.save_screenshot(shot.replace(".png", "-phone.png"))
    finally:
        driver.quit()
    return len(rows)

def display(entry, field):
    value = entry.get(field)
    if field in ("training", "assessment"):
        return value["text"] if value else "—"
    if field == "urgent":
        return {True: "是", False: "否"}.get(value, "")
    return value if value is not None else ""

LABELS = {"industry": "行业", "name": "名称", "code": "代码", "training": "培训补贴", "assessment": "鉴定补贴", "urgent": "急需紧缺"}

def diff(page, report_path, shot):
    report = json.load(open(report_path, encoding="utf-8"))
    total = len(report["added"]) + len(report["removed"]) + len(report["changed"])
    driver = browser(1280, 900)
    try:
        driver.get("file://" + os.path.abspath(page))
        rows = visible_rows(driver, "changes")
        expect(len(rows) == total, f"{len(rows)} rows shown, the report has {total}")
        headings = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "#changes thead th")]
        col = {h: i for i, h in enumerate(headings)}
        for mark, entries in (("+++", report["added"]), ("---", report["removed"])):
            got = sorted((r[col["代码"]], r[col["名称"]]) for r in rows if r[0] == mark)
            expect(got == sorted((e["code"], e["name"]) for e in entries), f"{mark} rows: {got}")
        changed = {int(r[col["序号"]]): r for r in rows if r[0] == "→"}
        expect(len(changed) == len(report["changed"]), f"{len(changed)} changed rows, the report has {len(report['changed'])}")
        for change in report["changed"]:
            row = changed.get(change["after"]["seq"])
            if row is None:
                problems.append(f"no changed row for seq {change['after']['seq']}")
                continue
            for field in change["fields"]:
                want = f"{display(change['before'], field)} → {display(change['after'], field)}"
                expect(row[col[LABELS[field]]] == want, f"seq {change['after']['seq']} {field}: {row[col[LABELS[field]]]!r} != {want!r}")
        highlighted = driver.execute_script(
            "return document.querySelectorAll('#changes td.changed-cell').length")
        expect(highlighted == sum(len(c["fields"]) for c in report["changed"]), f"{highlighted} highlighted cells")
        # Hiding the added rows leaves the others.
        driver.find_element(By.CSS_SELECTOR, "input.kind[value=added]").click()
        expect(len(visible_rows(driver, "changes")) == total - len(report["added"]), "hiding added rows")
        driver.find_element(By.CSS_SELECTOR, "input.kind[value=added]").click()
        no_network(driver)
        screenshot(driver, shot)
    finally:
        driver.quit()
    return total

def main():
    args = sys.argv[1:]
    search = "电工"
    if "--search" in args:
        i = args.index("--search")
        search = args[i + 1]
        del args[i:i + 2]
    kind, page, data, shot = args
    os.makedirs(os.path.dirname(os.path.abspath(shot)), exist_ok=True)
    count = catalogue(page, data, shot, search) if kind == "catalogue" else diff(page, data, shot)
    for p in problems[:40]:
        print("page:", p)
    if problems:
        print(f"check_page: {page}: {len(problems)} problem(s)")
        sys.exit(1)
    print(f"check_page: {page}: {count} rows, search, filters and screenshot ok")

main()
