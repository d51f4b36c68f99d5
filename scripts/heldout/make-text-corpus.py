#!/usr/bin/env python3
"""Held-out text corpus for mulu (stop 30): 40 ruled tables written as .fodt, printed to PDF by
LibreOffice, dumped with `pdftotext -layout`, each with STEM.expected.json (seq, industry, code,
name, training_text, assessment_text, urgent). Not part of the test path: five of them are
fixtures (Tests/MuluCoreTests/Fixtures/text/heldout-*). Needs soffice, pdftotext, fonts-noto-cjk.

  python3 scripts/heldout/make-text-corpus.py OUTDIR [STEM ...]
  scripts/heldout/check .build/release/mulu OUTDIR/*.txt"""
import json, os, random, shutil, subprocess, sys, tempfile, glob
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith('-') else os.path.join(os.getcwd(), 'heldout')
os.makedirs(OUT, exist_ok=True)
ENTRIES = json.load(open(os.path.join(ROOT, 'generated/changji-2024/catalogue.json')))['entries']

TRAIN = ["初级、中级：2160元/人", "初级：1600元/人", "中级、高级：3000元/人", "初级、中级、高级：2400元/人", "高级：3600元/人"]
ASSESS = ["初级或中级：160元/人", "中级或高级：300元/人", "初级或中级：200元/人", "高级：400元/人"]

HEADERS = {
    "std": ["序号", "所属行业", "职业（工种）代码", "职业（工种）名称", "培训补贴标准", "评价补贴标准", "是否急需紧缺"],
    "alt1": ["序号", "行业类别", "职业编码", "工种名称", "培训补贴标准", "鉴定补贴标准", "紧缺急需"],
    "alt2": ["序号", "所属行业", "职业编码", "职业（工种）名称", "培训补贴等级及标准", "鉴定补贴等级及标准", "紧缺急需"],
    "alt3": ["序号", "行业类别", "职业（工种）代码", "工种名称", "培训补贴", "鉴定补贴", "是否急需紧缺"],
}
ORDERS = {
    "std": [0, 1, 2, 3, 4, 5, 6],
    "name-code": [0, 1, 3, 2, 4, 5, 6],
    "urgent-mid": [0, 1, 2, 3, 6, 4, 5],
    "name-code-urgent-mid": [0, 1, 3, 2, 6, 4, 5],
    "industry-after-name": [0, 3, 2, 1, 4, 5, 6],
}
# widths (cm) of the logical columns seq, industry, code, name, training, assessment, urgency
WIDTHS = {
    "normal": [0.9, 2.2, 2.4, 2.8, 4.3, 4.1, 1.2],                 # 17.9 portrait, subsidies fit one line at 10pt
    "medium": [1.1, 2.6, 2.7, 3.0, 3.1, 2.9, 1.5],                 # 16.9 portrait, subsidies wrap
    "narrow": [0.9, 1.9, 2.7, 1.9, 4.0, 3.8, 1.4],                 # industries/names wrap 2-4 lines
    "vnarrow": [0.9, 1.5, 2.4, 1.6, 3.2, 3.0, 1.2],                # more wrapping, subsidies wrap too
    "wide": [1.3, 5.6, 3.2, 5.0, 4.4, 4.3, 1.9],                   # 25.7 landscape, nothing wraps
    "land-narrow": [1.2, 2.2, 3.0, 2.4, 6.2, 6.0, 2.2],            # landscape, names/industries wrap
    "subs-narrow": [1.0, 2.8, 2.6, 3.2, 3.1, 3.0, 1.3],            # subsidies wrap, names don't
}
TITLES = ["昌吉州2024年职业技能培训补贴目录", "昌吉州职业技能培训重点产业需求指导目录",
          "2024年度职业（工种）培训和评价补贴标准目录"]
NOTES = ["注：1. 标注“{m}”的为急需紧缺职业（工种），培训补贴标准上浮20%。",
         "2. 同一职业（工种）同一等级只能享受一次培训补贴和一次评价补贴。",
         "3. 本目录自发布之日起执行，有效期1年。"]


def select(cfg, rng):
    """Rows: ('slice', start, n) consecutive entries, or ('mix', n) some from each industry group."""
    kind = cfg["pick"][0]
    if kind == "slice":
        _, start, n = cfg["pick"]
        chosen = ENTRIES[start:start + n]
    else:
        n = cfg["pick"][1]
        groups = []
        for e in ENTRIES:
            if not groups or groups[-1][0] != e["industry"]:
                groups.append((e["industry"], []))
            groups[-1][1].append(e)
        quota = [max(1, min(len(g[1]), round(n * len(g[1]) / len(ENTRIES) * 0.5 + 2))) for g in groups]
        while sum(quota) > n:
            quota[quota.index(max(quota))] -= 1
        while sum(quota) < n:
            k = rng.randrange(len(groups))
            if quota[k] < len(groups[k][1]):
                quota[k] += 1
        chosen = []
        for (ind, es), q in zip(groups, quota):
            off = rng.randrange(0, len(es) - q + 1)
            chosen += es[off:off + q]
    def blocks(values, n, lo, hi, start):
        out, v = [], start
        while len(out) < n:
            out += [values[v % len(values)]] * rng.randint(lo, hi)
            v += rng.randint(1, len(values) - 1)
        return out[:n]
    n = len(chosen)
    t = blocks(TRAIN[:cfg.get("ntrain", 3)], n, 2, 9, rng.randrange(5))
    a = blocks(ASSESS[:cfg.get("nassess", 2)], n, 3, 11, rng.randrange(4))
    u = blocks([True, False], n, 1, 7, rng.randrange(2))
    return [dict(seq=i + 1, industry=e["industry"], code=e["code"], name=e["name"],
                 training_text=t[i], assessment_text=a[i], urgent=u[i]) for i, e in enumerate(chosen)]


KEYS = ["seq", "industry", "code", "name", "training_text", "assessment_text", "urgent"]


def spans(rows, key, within_industry):
    out, i = [0] * len(rows), 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and rows[j + 1][key] == rows[i][key] and \
                (not within_industry or rows[j + 1]["industry"] == rows[i]["industry"]):
            j += 1
        out[i] = j - i + 1
        i = j + 1
    return out


def document(cfg, rows):
    order = ORDERS[cfg.get("order", "std")]
    header = HEADERS[cfg.get("hdr", "std")]
    widths = cfg.get("widths", "normal")
    widths = WIDTHS[widths] if isinstance(widths, str) else widths
    size = cfg.get("size", 10)
    font = cfg.get("font", "Noto Sans CJK SC")
    valign = cfg.get("valign", "middle")
    ind_valign = cfg.get("ind_valign", valign)
    mark = cfg.get("mark", "*")
    landscape = cfg.get("landscape", False)
    merge = cfg.get("merge", ())        # logical columns merged over runs: 1, 4, 5, 6
    within = cfg.get("merge_within", True)
    align_left = cfg.get("left", ())     # logical columns left-aligned
    span = {c: spans(rows, KEYS[c], within and c != 1) for c in merge}

    def text(r, c):
        if c == 6:
            return mark if r["urgent"] else ""
        return str(r[KEYS[c]])

    def cell(c, txt, n=1, head=False):
        st = "HeadCell" if head else ("IndCell" if c == 1 else "Cell")
        ps = "H" if head else ("PL" if c in align_left else "P1")
        sp = f' table:number-rows-spanned="{n}"' if n > 1 else ""
        body = f'<text:p text:style-name="{ps}">{escape(txt)}</text:p>' if txt else f'<text:p text:style-name="{ps}"/>'
        return f'<table:table-cell table:style-name="{st}" office:value-type="string"{sp}>{body}</table:table-cell>'

    hrow = '<table:table-row table:style-name="Row">' + "".join(cell(c, header[c], head=True) for c in order) + "</table:table-row>"
    if cfg.get("repeat_header", True):
        hrow = f"<table:table-header-rows>{hrow}</table:table-header-rows>"
    body = []
    for i, r in enumerate(rows):
        cs = []
        for c in order:
            if c in span:
                if span[c][i] == 0:
                    cs.append("<table:covered-table-cell/>")
                else:
                    cs.append(cell(c, text(r, c), span[c][i]))
            else:
                cs.append(cell(c, text(r, c)))
        body.append('<table:table-row table:style-name="Row">' + "".join(cs) + "</table:table-row>")
    cols_style = "".join(f'<style:style style:name="Col{c}" style:family="table-column"><style:table-column-properties style:column-width="{widths[c]}cm"/></style:style>' for c in range(7))
    cols = "".join(f'<table:table-column table:style-name="Col{c}"/>' for c in order)
    pw, ph = ("29.7cm", "21cm") if landscape else ("21cm", "29.7cm")
    pre = []
    if cfg.get("attach", True):
        pre.append('<text:p text:style-name="Attach">附件2</text:p>')
    if cfg.get("title") is not None:
        pre.append(f'<text:p text:style-name="Title">{escape(TITLES[cfg["title"]])}</text:p>')
    if cfg.get("unit"):
        pre.append('<text:p text:style-name="Unit">单位：元/人</text:p>')
    post = []
    if cfg.get("notes"):
        post = [f'<text:p text:style-name="Note">{escape(s.format(m=mark))}</text:p>' for s in NOTES[:cfg["notes"]]]
    rule = cfg.get("rule", "0.5pt solid #000000")
    footer = cfg.get("footer", ("— ", " —"))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls><style:font-face style:name="{font}" svg:font-family="'{font}'"/></office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:orphans="1" fo:widows="1"/>
   <style:text-properties style:font-name="{font}" fo:font-size="{size}pt" style:font-name-asian="{font}"
    style:font-size-asian="{size}pt" style:font-name-complex="{font}" fo:language="zh" fo:country="CN"
    style:language-asian="zh" style:country-asian="CN" fo:hyphenate="false"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="PL">
   <style:page-layout-properties fo:page-width="{pw}" fo:page-height="{ph}" style:print-orientation="{'landscape' if landscape else 'portrait'}"
    fo:margin-top="2cm" fo:margin-bottom="1.2cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm"/>
   <style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.4cm"/></style:footer-style>
  </style:page-layout>
  <style:style style:name="Tbl" style:family="table">
   <style:table-properties style:width="{sum(widths):.2f}cm" table:align="center" style:may-break-between-rows="true"/>
  </style:style>
  {cols_style}
  <style:style style:name="Row" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
  <style:style style:name="Cell" style:family="table-cell">
   <style:table-cell-properties style:vertical-align="{valign}" fo:border="{rule}" fo:padding="0.05cm"/>
  </style:style>
  <style:style style:name="IndCell" style:family="table-cell">
   <style:table-cell-properties style:vertical-align="{ind_valign}" fo:border="{rule}" fo:padding="0.05cm"/>
  </style:style>
  <style:style style:name="HeadCell" style:family="table-cell">
   <style:table-cell-properties style:vertical-align="middle" fo:border="{rule}" fo:padding="0.08cm"/>
  </style:style>
  <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/></style:style>
  <style:style style:name="PL" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="start"/></style:style>
  <style:style style:name="H" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
  </style:style>
  <style:style style:name="Attach" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties fo:font-size="14pt" style:font-size-asian="14pt" fo:font-weight="bold" style:font-weight-asian="bold"/>
  </style:style>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center" fo:margin-top="0.2cm" fo:margin-bottom="0.3cm"/>
   <style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" fo:font-weight="bold" style:font-weight-asian="bold"/>
  </style:style>
  <style:style style:name="Unit" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="end" fo:margin-bottom="0.1cm"/>
  </style:style>
  <style:style style:name="Note" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-top="0.1cm"/>
  </style:style>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="PL">
   <style:footer><text:p text:style-name="Footer">{footer[0]}<text:page-number text:select-page="current">1</text:page-number>{footer[1]}</text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
  {''.join(pre)}
  <table:table table:name="Catalogue" table:style-name="Tbl">{cols}{hrow}{''.join(body)}</table:table>
  {''.join(post)}
 </office:text></office:body>
</office:document>
"""


def features(cfg, rows):
    f = [f"{len(rows)} rows", "widths=" + (cfg.get("widths", "normal") if isinstance(cfg.get("widths", "normal"), str) else "custom " + "/".join(map(str, cfg["widths"]))), f"valign={cfg.get('valign', 'middle')}"]
    m = cfg.get("merge", ())
    if 1 in m:
        f.append(f"industry merged (valign {cfg.get('ind_valign', cfg.get('valign', 'middle'))})")
    else:
        f.append("industry repeated each row")
    sub = [n for c, n in ((4, "training"), (5, "assessment"), (6, "urgency")) if c in m]
    if sub:
        f.append("merged " + "/".join(sub) + (" runs within industry" if cfg.get("merge_within", True) else " runs across industries"))
    f.append("header repeated" if cfg.get("repeat_header", True) else "header once")
    if cfg.get("attach", True): f.append("附件2")
    if cfg.get("title") is not None: f.append("title")
    if cfg.get("unit"): f.append("单位：元/人")
    if cfg.get("notes"): f.append(f"{cfg['notes']} note line(s)")
    f.append(f"{cfg.get('size', 10)}pt")
    if "Serif" in cfg.get("font", ""): f.append("serif font")
    f.append("landscape" if cfg.get("landscape") else "portrait")
    f.append(f"order={cfg.get('order', 'std')}")
    f.append(f"header={cfg.get('hdr', 'std')}")
    f.append(f"urgent mark {cfg.get('mark', '*')}")
    if cfg.get("left"): f.append("left-aligned " + ",".join(KEYS[c] for c in cfg["left"]))
    if cfg.get("extra"): f.append(cfg["extra"])
    if cfg.get("rule"): f.append(f"rule {cfg['rule'].split()[0]}")
    return "; ".join(f)


from configs import CONFIGS


def main():
    only = sys.argv[2:]
    soffice = shutil.which("soffice")
    readme = []
    with tempfile.TemporaryDirectory() as work:
        srcs = []
        for i, cfg in enumerate(CONFIGS):
            stem = cfg["stem"]
            rng = random.Random(1000 + i)
            rows = select(cfg, rng)
            readme.append(f"{stem}: {features(cfg, rows)}")
            if only and stem not in only:
                continue
            with open(os.path.join(OUT, stem + ".expected.json"), "w", encoding="utf-8") as f:
                json.dump(rows, f, ensure_ascii=False, indent=1)
                f.write("\n")
            src = os.path.join(OUT, "src", stem + ".fodt")
            os.makedirs(os.path.dirname(src), exist_ok=True)
            with open(src, "w", encoding="utf-8") as f:
                f.write(document(cfg, rows))
            srcs.append(src)
        subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless",
                        "--convert-to", "pdf:writer_pdf_Export", "--outdir", OUT] + srcs,
                       check=True, stdout=subprocess.DEVNULL)
        for src in srcs:
            stem = os.path.basename(src)[:-5]
            subprocess.run(["pdftotext", "-layout", os.path.join(OUT, stem + ".pdf"), os.path.join(OUT, stem + ".txt")], check=True)
    with open(os.path.join(OUT, "README.txt"), "w", encoding="utf-8") as f:
        f.write("Held-out text corpus for mulu: STEM.pdf (LibreOffice print of src/STEM.fodt), STEM.txt (pdftotext -layout STEM.pdf),\n"
                "STEM.expected.json (every row: seq, industry, code, name, training_text, assessment_text, urgent).\n"
                "Regenerate: python3 make-corpus.py   (configs.py holds the per-file settings)\n\n")
        f.write("\n".join(readme) + "\n")


if __name__ == "__main__":
    main()
