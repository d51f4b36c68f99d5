#!/usr/bin/env python3
"""Held-out corpus for mulu (stop 30): 33 ruled-table PDFs from LibreOffice Writer (.fodt),
Calc (.xlsx via openpyxl) and Chromium (.html), each with STEM.expected.json (seq, industry,
code, name, training_text, assessment_text, urgent). Not part of the test path: three of them are
fixtures (Tests/MuluCoreTests/Fixtures/heldout-*.pdf). Needs soffice, chromium, fonts-noto-cjk,
openpyxl and pypdf (.venv-validators).

  .venv-validators/bin/python scripts/heldout/make-pdf-corpus.py OUTDIR [STEM ...]
  scripts/heldout/check .build/release/mulu OUTDIR/*.pdf"""
import json, os, sys, random, subprocess, math, html
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith('-') else os.path.join(os.getcwd(), 'heldout')
os.makedirs(OUT, exist_ok=True)
SRC = os.path.join(OUT, 'src')
os.makedirs(SRC, exist_ok=True)
ENTRIES = json.load(open(os.path.join(ROOT, 'generated/changji-2024/catalogue.json')))['entries']
T = ["初级、中级：2160元/人", "初级：1600元/人", "中级、高级：3000元/人"]
A = ["初级或中级：160元/人", "中级或高级：300元/人"]
PAREN = {"电工": "电工（含高压电工）", "焊工": "焊工（含电焊、气焊）", "车工": "车工（数控方向）",
         "叉车司机": "叉车司机（特种设备作业）", "中式烹调师": "中式烹调师（含新疆特色菜）",
         "快递员": "快递员（含快件处理）", "农业技术员": "农业技术员（农艺方向）", "起重工": "起重工（含信号指挥）",
         "锅炉操作工": "锅炉操作工（工业锅炉）", "电焊工": "电焊工（熔化焊接与热切割）",
         "互联网营销师": "互联网营销师（直播销售）", "仓储管理员": "仓储管理员（冷链方向）",
         "家畜饲养员": "家畜饲养员（牛、羊）", "涂装工": "涂装工（含喷涂）", "水泥生产工": "水泥生产工（熟料煅烧）",
         "化学检验员": "化学检验员（化工方向）", "装配钳工": "装配钳工（机修钳工）", "铣工": "铣工（含普通铣床）",
         "缝纫工": "缝纫工（服装缝制）", "餐厅服务员": "餐厅服务员（中餐）", "电子商务师": "电子商务师（跨境电商）",
         "园艺工": "园艺工（设施园艺）", "污水处理工": "污水处理工（城镇污水）", "品酒师": "品酒师（葡萄酒）"}
LONG = {"高低压电器及成套设备装配工": "高低压电器及成套设备装配工（含智能配电柜装配、调试与检验）",
        "多工序数控机床操作调整工": "多工序数控机床操作调整工（含五轴联动加工中心操作与编程）",
        "工业机器人系统操作员": "工业机器人系统操作员（含工业机器人运维与离线编程）",
        "智能制造工程技术人员": "智能制造工程技术人员（含智能装备与产线开发、数字孪生应用）",
        "电线电缆金属导体挤制工": "电线电缆金属导体挤制工（含铜铝导体连续挤压包覆）",
        "无机化学反应生产工": "无机化学反应生产工（多晶硅产业链方向）",
        "变配电运行值班员": "变配电运行值班员（含新能源场站升压站运维）",
        "动物疫病防治员": "动物疫病防治员（含重大动物疫病强制免疫）",
        "土石方挖掘机司机": "土石方挖掘机司机（含履带式、轮式挖掘机）",
        "全媒体运营师": "全媒体运营师（含短视频内容策划与账号运营）",
        "数控机加生产线操作工": "数控机加生产线操作工（含自动化上下料系统）",
        "道路货运汽车驾驶员": "道路货运汽车驾驶员（含危险货物道路运输）",
        "中式面点师": "中式面点师（含新疆特色馕制作）",
        "农作物植保员": "农作物植保员（含植保无人机飞防作业）"}
REMARKS = ["需持证上岗", "新增职业", "限企业新型学徒制", "含特种作业操作证培训", "面向脱贫劳动力",
           "2024年新增", "仅限二级以上院校实施", "按项目制培训"]
MARK = {'star': '*', 'yes': '是', 'tick': '✓', 'bstar': '★'}
DEFAULT_HEAD = dict(seq="序号", industry="所属行业", code="职业（工种）代码", name="职业（工种）名称",
                    training="培训补贴标准", assessment="评价补贴标准", urgent="是否急需紧缺", remark="备注")
ORDER = ["seq", "industry", "code", "name", "training", "assessment", "urgent"]
TITLE1 = "附件2"
TITLE2 = "昌吉州2024年职业技能培训需求指导目录"
NOTES = ["注：1. 培训补贴标准为每人每期最高补贴金额，同一职业（工种）同一等级只能享受一次。",
         "2. 标注“{m}”的为急需紧缺职业（工种），补贴标准可上浮20%。",
         "3. 本目录自公布之日起执行，有效期一年，由昌吉州人力资源和社会保障局负责解释。"]


def blocks(n, vals, rnd, lo, hi):
    out = []; v = rnd.randrange(len(vals))
    while len(out) < n:
        out += [vals[v % len(vals)]] * rnd.randint(lo, hi); v += rnd.randint(1, len(vals) - 1) if len(vals) > 2 else 1
    return out[:n]


def make_rows(n, seed, names=None, remark=False):
    rnd = random.Random(seed)
    idx = sorted(rnd.sample(range(len(ENTRIES)), n)) if n < len(ENTRIES) else list(range(len(ENTRIES)))
    if names:  # make sure the renamed rows are picked
        table = PAREN if names == 'paren' else {**PAREN, **LONG}
        want = [i for i, e in enumerate(ENTRIES) if e['name'] in table]
        want = rnd.sample(want, min(len(want), n // 3))
        rest = rnd.sample([i for i in range(len(ENTRIES)) if i not in want], n - len(want))
        idx = sorted(want + rest)
    tt = blocks(n, T, rnd, 2, 9); aa = blocks(n, A, rnd, 3, 11); uu = blocks(n, [True, False], rnd, 1, 7)
    rows = []
    for k, i in enumerate(idx):
        e = ENTRIES[i]; nm = e['name']
        if names == 'paren':
            nm = PAREN.get(nm, nm)
        elif names == 'long':
            nm = LONG.get(nm, PAREN.get(nm, nm))
        r = dict(seq=k + 1, industry=e['industry'], code=e['code'], name=nm,
                 training_text=tt[k], assessment_text=aa[k], urgent=uu[k])
        if remark:
            r['remark'] = REMARKS[rnd.randrange(len(REMARKS))] if rnd.random() < 0.3 else ''
        rows.append(r)
    return rows


def cell_text(r, key, mark):
    return dict(seq=str(r['seq']), industry=r['industry'], code=r['code'], name=r['name'],
                training=r['training_text'], assessment=r['assessment_text'],
                urgent=mark if r['urgent'] else '', remark=r.get('remark', ''))[key]


def ind_spans(rows):
    out = [0] * len(rows); i = 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and rows[j + 1]['industry'] == rows[i]['industry']:
            j += 1
        out[i] = j - i + 1; i = j + 1
    return out


def edges(s, ri, ci, nr, nc, span=1):
    """Borders (top, bottom, left, right) of a cell; ri = -1 header, span = rows covered."""
    inner, outer, hdr = s['inner'], s['outer'], s.get('header_rule', s['inner'])
    last = ri + span - 1 == nr - 1
    N = 'none'
    # Per style: rules between rows, rules between columns, outer left and right sides.
    rows_ruled, cols_ruled, sides = {
        'full': (True, True, True), 'hrules': (True, False, False), 'frame': (False, False, True),
        'threeline': (False, False, False), 'vrules': (False, True, True),
    }[s['rules']]
    top = outer if ri == -1 else N
    bottom = outer if last else (hdr if ri == -1 else (inner if rows_ruled else N))
    left = outer if sides and ci == 0 else N
    right = (outer if ci == nc - 1 else (inner if cols_ruled else N)) if sides else N
    return top, bottom, left, right


# ------------------------------------------------------------------ Writer
def writer(stem, s, rows):
    cols = s['cols']; nc = len(cols); nr = len(rows)
    head = {**DEFAULT_HEAD, **s.get('head', {})}
    font = s.get('font', 'Noto Sans CJK SC'); size = s.get('size', 10); pad = s.get('pad', 0.1)
    land = s.get('landscape'); pw, ph = ('29.7cm', '21cm') if land else ('21cm', '29.7cm')
    mark = MARK[s['urg']]
    widths = s['widths']
    sp = ind_spans(rows) if s.get('merge') else [1] * nr
    styles = {}

    def cs(b, fill=None, va='middle'):
        key = (b, fill, va)
        if key not in styles:
            styles[key] = f'CE{len(styles)}'
        return styles[key]

    def cell(text, style, para='P', rs=1):
        a = f' table:number-rows-spanned="{rs}"' if rs > 1 else ''
        ps = ''.join(f'<text:p text:style-name="{para}">{escape(t)}</text:p>' for t in text.split('\n'))
        return f'<table:table-cell table:style-name="{style}" office:value-type="string"{a}>{ps}</table:table-cell>'

    body = []
    hrow = '<table:table-row table:style-name="HR">' + ''.join(
        cell(head[k], cs(edges(s, -1, c, nr, nc), s.get('fill')), 'PH') for c, k in enumerate(cols)) + '</table:table-row>'
    body.append(f'<table:table-header-rows>{hrow}</table:table-header-rows>' if s.get('repeat', True) else hrow)
    for i, r in enumerate(rows):
        cells = []
        for c, k in enumerate(cols):
            if k == 'industry' and sp[i] == 0:
                cells.append('<table:covered-table-cell/>'); continue
            span = sp[i] if k == 'industry' else 1
            va = s.get('ind_valign', 'middle') if k == 'industry' else s.get('valign', 'middle')
            para = 'PL' if k in s.get('left', ('name', 'training', 'assessment', 'remark')) else 'P'
            cells.append(cell(cell_text(r, k, mark), cs(edges(s, i, c, nr, nc, span), None, va), para, span))
        body.append('<table:table-row table:style-name="R">' + ''.join(cells) + '</table:table-row>')

    cstyles = ''
    for (b, fill, va), n in styles.items():
        t, bo, l, ri = b
        bg = f' fo:background-color="{fill}"' if fill else ''
        cstyles += (f'<style:style style:name="{n}" style:family="table-cell"><style:table-cell-properties fo:border-top="{t}" '
                    f'fo:border-bottom="{bo}" fo:border-left="{l}" fo:border-right="{ri}" fo:padding="{pad}cm" style:vertical-align="{va}"{bg}/></style:style>')
    colst = ''.join(f'<style:style style:name="C{i}" style:family="table-column"><style:table-column-properties style:column-width="{w}cm"/></style:style>' for i, w in enumerate(widths))
    colel = ''.join(f'<table:table-column table:style-name="C{i}"/>' for i in range(nc))
    footer = ''
    if s.get('footer') == 'dash':
        footer = '<style:footer><text:p text:style-name="F">- <text:page-number text:select-page="current">1</text:page-number> -</text:p></style:footer>'
    elif s.get('footer') == 'pageof':
        footer = ('<style:footer><text:p text:style-name="F">第 <text:page-number text:select-page="current">1</text:page-number> 页 共 '
                  '<text:page-count>1</text:page-count> 页</text:p></style:footer>')
    pre = post = ''
    if s.get('title'):
        pre = f'<text:p text:style-name="Att">{TITLE1}</text:p><text:p text:style-name="Title">{TITLE2}</text:p>'
        if s.get('unit'):
            pre += '<text:p text:style-name="Unit">单位：元/人</text:p>'
    if s.get('notes'):
        post = ''.join(f'<text:p text:style-name="Note">{escape(t.format(m=mark))}</text:p>' for t in NOTES)
    split = 'auto' if s.get('split') else 'always'
    doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="F1" svg:font-family="'{font}'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="F1" fo:font-size="{size}pt" style:font-name-asian="F1" style:font-size-asian="{size}pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/><style:paragraph-properties fo:orphans="1" fo:widows="1"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="PM"><style:page-layout-properties fo:page-width="{pw}" fo:page-height="{ph}" style:print-orientation="{'landscape' if land else 'portrait'}" fo:margin-top="{s.get('mt', 2.0)}cm" fo:margin-bottom="1.5cm" fo:margin-left="{s.get('ml', 1.8)}cm" fo:margin-right="{s.get('ml', 1.8)}cm"/><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="{sum(widths):.2f}cm" table:align="center" style:may-break-between-rows="true" fo:margin-top="0.2cm" fo:margin-bottom="0.3cm"/></style:style>
{colst}
<style:style style:name="R" style:family="table-row"><style:table-row-properties fo:keep-together="{split}"/></style:style>
<style:style style:name="HR" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
{cstyles}
<style:style style:name="P" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="PL" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="{s.get('talign', 'start')}"/></style:style>
<style:style style:name="PH" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="F" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/></style:style>
<style:style style:name="Att" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-top="0.3cm" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="18pt" style:font-size-asian="18pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Unit" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="Note" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.1cm"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PM">{footer}</style:master-page></office:master-styles>
<office:body><office:text>{pre}<table:table table:name="T1" table:style-name="Tbl">{colel}{''.join(body)}</table:table>{post}</office:text></office:body></office:document>'''
    p = f'{SRC}/{stem}.fodt'
    open(p, 'w').write(doc)
    soffice(p)


def soffice(p):
    r = subprocess.run(['soffice', '--headless', '--convert-to', 'pdf', '--outdir', OUT, p], capture_output=True, text=True, timeout=300)
    if r.returncode:
        print('soffice failed', p, r.stderr, file=sys.stderr)


# ------------------------------------------------------------------ Calc (xlsx)
def calc(stem, s, rows):
    import openpyxl
    from openpyxl.styles import Border, Side, Alignment, Font, PatternFill
    cols = s['cols']; nc = len(cols); nr = len(rows)
    head = {**DEFAULT_HEAD, **s.get('head', {})}
    font = s.get('font', 'Noto Sans CJK SC'); size = s.get('size', 10)
    mark = MARK[s['urg']]
    widths = s['widths']  # in character units
    sp = ind_spans(rows) if s.get('merge') else [1] * nr
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = '目录'

    def side(spec):
        return Side() if spec == 'none' else Side(style=spec, color='000000')

    def bd(e):
        t, b, l, r = e
        return Border(top=side(t), bottom=side(b), left=side(l), right=side(r))
    row0 = 1
    if s.get('title'):
        ws.cell(1, 1, TITLE1).font = Font(name=font, size=12)
        c = ws.cell(2, 1, TITLE2); c.font = Font(name=font, size=16, bold=True); c.alignment = Alignment(horizontal='center')
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=nc); ws.row_dimensions[2].height = 30
        row0 = 3
        if s.get('unit'):
            c = ws.cell(3, nc, '单位：元/人'); c.font = Font(name=font, size=size); c.alignment = Alignment(horizontal='right')
            row0 = 4
    hr = row0
    fill = PatternFill('solid', fgColor=s['fill'].lstrip('#')) if s.get('fill') else None
    for c, k in enumerate(cols):
        cell = ws.cell(hr, c + 1, head[k]); cell.font = Font(name=font, size=size, bold=True)
        cell.border = bd(edges(s, -1, c, nr, nc)); cell.alignment = Alignment(horizontal='center', vertical='center', wrap_text=True)
        if fill:
            cell.fill = fill
    for i, r in enumerate(rows):
        for c, k in enumerate(cols):
            cell = ws.cell(hr + 1 + i, c + 1)
            span = sp[i] if k == 'industry' else 1
            if k == 'industry' and sp[i] == 0:
                # covered: find the owning span for the border
                j = i
                while sp[j] == 0:
                    j -= 1
                e = edges(s, j, c, nr, nc, sp[j])
                cell.border = bd(e)
                continue
            v = cell_text(r, k, mark)
            cell.value = int(v) if k == 'seq' else (v or None)
            cell.font = Font(name=font, size=size)
            cell.border = bd(edges(s, i, c, nr, nc, span))
            va = s.get('ind_valign', 'center') if k == 'industry' else 'center'
            ha = 'left' if k in ('name', 'training', 'assessment', 'remark') else 'center'
            cell.alignment = Alignment(horizontal=ha, vertical=va, wrap_text=True, indent=s.get('indent', 0) if ha == 'left' else 0)
    for i, n in enumerate(sp):
        if n > 1:
            c = cols.index('industry') + 1
            ws.merge_cells(start_row=hr + 1 + i, start_column=c, end_row=hr + i + n, end_column=c)
    for c, w in enumerate(widths):
        ws.column_dimensions[chr(65 + c)].width = w

    def tw(t):
        return sum(size if ord(ch) > 0x2000 else size * 0.56 for ch in t)

    lh = size * 1.35
    for i, r in enumerate(rows):
        nl = max(max(1, math.ceil(tw(cell_text(r, k, mark)) / (widths[c] * 7 * 1.0 - 4))) for c, k in enumerate(cols) if k != 'industry' or sp[i] == 1)
        ws.row_dimensions[hr + 1 + i].height = nl * lh + s.get('extra_h', 4)
    nl = max(max(1, math.ceil(tw(head[k]) / (widths[c] * 7 - 4))) for c, k in enumerate(cols))
    ws.row_dimensions[hr].height = nl * lh + 6
    if s.get('notes'):
        for j, t in enumerate(NOTES):
            c = ws.cell(hr + nr + 2 + j, 1, t.format(m=mark)); c.font = Font(name=font, size=size)
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = ws.page_margins.bottom = 0.8
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = 'landscape' if s.get('landscape') else 'portrait'
    ws.print_options.horizontalCentered = True
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if s.get('repeat'):
        ws.print_title_rows = f'{hr}:{hr}'
    if s.get('footer') == 'pageof':
        ws.oddFooter.center.text = '第 &P 页 共 &N 页'
    elif s.get('footer') == 'dash':
        ws.oddFooter.center.text = '- &P -'
    p = f'{SRC}/{stem}.xlsx'
    wb.save(p)
    soffice(p)


# ------------------------------------------------------------------ Chromium
def chrome(stem, s, rows):
    cols = s['cols']; nc = len(cols); nr = len(rows)
    head = {**DEFAULT_HEAD, **s.get('head', {})}
    font = s.get('font', 'Noto Sans CJK SC'); size = s.get('size', 10); pad = s.get('pad', '2px 4px')
    mark = MARK[s['urg']]
    sp = ind_spans(rows) if s.get('merge') else [1] * nr
    def css_b(spec):
        return 'none' if spec == 'none' else spec
    H = []
    H.append('<table><colgroup>' + ''.join(f'<col style="width:{w}%">' for w in s['widths']) + '</colgroup>')
    def td(tag, text, e, cls='', rs=1):
        t, b, l, r = e
        st = f'border-top:{css_b(t)};border-bottom:{css_b(b)};border-left:{css_b(l)};border-right:{css_b(r)}'
        a = f' rowspan="{rs}"' if rs > 1 else ''
        return f'<{tag} class="{cls}" style="{st}"{a}>{html.escape(text)}</{tag}>'
    hrow = '<tr>' + ''.join(td('th', head[k], edges(s, -1, c, nr, nc)) for c, k in enumerate(cols)) + '</tr>'
    H.append(f'<thead>{hrow}</thead><tbody>' if s.get('repeat', True) else f'<tbody>{hrow}')
    for i, r in enumerate(rows):
        tds = []
        for c, k in enumerate(cols):
            if k == 'industry' and sp[i] == 0:
                continue
            span = sp[i] if k == 'industry' else 1
            cls = 'l' if k in ('name', 'training', 'assessment', 'remark') else 'c'
            if k == 'industry':
                cls += ' ind'
            tds.append(td('td', cell_text(r, k, mark), edges(s, i, c, nr, nc, span), cls, span))
        H.append('<tr>' + ''.join(tds) + '</tr>')
    H.append('</tbody></table>')
    pre = post = ''
    if s.get('title'):
        pre = f'<p class="att">{TITLE1}</p><h1>{TITLE2}</h1>' + ('<p class="unit">单位：元/人</p>' if s.get('unit') else '')
    if s.get('notes'):
        post = ''.join(f'<p class="note">{html.escape(t.format(m=mark))}</p>' for t in NOTES)
    foot = ''
    if s.get('footer') == 'dash':
        foot = '@bottom-center { content: "- " counter(page) " -"; font-size: 10pt; font-family: "Noto Sans CJK SC"; }'
    elif s.get('footer') == 'pageof':
        foot = '@bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-size: 10pt; font-family: "Noto Sans CJK SC"; }'
    css = f'''@page {{ size: A4 {'landscape' if s.get('landscape') else 'portrait'}; margin: 18mm 15mm; {foot} }}
body {{ font-family: '{font}', sans-serif; font-size: {size}pt; margin: 0; }}
h1 {{ text-align:center; font-size: 18pt; margin: 6pt 0 10pt 0; }}
p.att {{ margin:0; font-size: 14pt; }} p.unit {{ text-align:right; margin: 0 0 4pt 0; }} p.note {{ margin: 3pt 0; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; margin-bottom: 8pt; }}
th, td {{ padding: {pad}; vertical-align: {s.get('valign', 'middle')}; }}
th {{ text-align:center; {'background:' + s['fill'] + ';' if s.get('fill') else ''} }}
td.c {{ text-align:center; }} td.l {{ text-align:left; }}
td.ind {{ vertical-align: {s.get('ind_valign', 'middle')}; }}
tr {{ break-inside: avoid; }}
'''
    doc = f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>{css}</style></head><body>{pre}{"".join(H)}{post}</body></html>'
    p = f'{SRC}/{stem}.html'
    open(p, 'w').write(doc)
    out = f'{OUT}/{stem}.pdf'
    r = subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
                        f'--print-to-pdf={out}', 'file://' + p], capture_output=True, text=True, timeout=180)
    if not os.path.exists(out):
        print('chromium failed', stem, r.stderr[-800:], file=sys.stderr)


def hairline(pdf):
    """Rewrite rules to 0.05 pt: LibreOffice prints a 0.05pt border as `0.1 w`, Chromium floors any
    border to a 1px (0.75 pt) filled rectangle."""
    import re
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ContentStream, NameObject
    rd = PdfReader(pdf); wr = PdfWriter()
    for page in rd.pages:
        data = page.get_contents().get_data()
        data = re.sub(rb'(?<![0-9.])0?\.1 w\b', b'0.05 w', data)
        def thin(m):
            x, y, w, h = map(float, m.group(1).split())
            if abs(abs(h) - 1) < 1e-6 and abs(w) > 1.5:
                return b'%.4f %.4f %.4f %.4f re' % (x, y + 0.5 - 1 / 30, w, 1 / 15)
            if abs(abs(w) - 1) < 1e-6 and abs(h) > 1.5:
                return b'%.4f %.4f %.4f %.4f re' % (x + 0.5 - 1 / 30, y, 1 / 15, h)
            return m.group(0)
        data = re.sub(rb'([-0-9.]+ [-0-9.]+ [-0-9.]+ [-0-9.]+) re', thin, data)
        cs = ContentStream(None, rd); cs.set_data(data)
        page[NameObject('/Contents')] = wr._add_object(cs) if hasattr(wr, '_add_object') else cs
        wr.add_page(page)
    wr.write(pdf + '.tmp'); os.replace(pdf + '.tmp', pdf)


# ------------------------------------------------------------------ specs
S = {}
W7 = [1.0, 2.9, 2.5, 3.2, 3.3, 3.2, 1.5]           # cm, portrait Writer
W7L = [1.3, 4.6, 3.3, 5.0, 4.7, 4.5, 2.2]          # cm, landscape Writer
C7 = [4, 11, 11, 12, 14, 13, 6]                     # Calc char widths
H7 = [6, 17, 14, 17, 18, 18, 10]                    # Chromium %
HALT = dict(industry="行业类别", code="职业编码", name="工种名称", training="培训补贴", assessment="鉴定补贴", urgent="紧缺急需")
S0 = '0.5pt solid #000000'


def spec(stem, desc, **kw):
    kw.setdefault('cols', ORDER); kw['desc'] = desc
    S[stem] = kw


# Writer
spec('w01-frame-only', 'Writer; outer frame + header rule only, no inner rules; 45 rows; urgent *',
     backend='writer', n=45, seed=1, urg='star', rules='frame', inner=S0, outer='1pt solid #000000', widths=W7)
spec('w02-hrules-dashed', 'Writer; horizontal rules only, dashed between rows (solid top/bottom); 80 rows; header repeated; urgent ✓',
     backend='writer', n=80, seed=2, urg='tick', rules='hrules', inner='0.6pt dashed #000000', outer='1pt solid #000000', header_rule='0.8pt solid #000000', widths=W7)
spec('w03-vrules-only', 'Writer; column rules + frame only, no rules between data rows; 60 rows; urgent 是',
     backend='writer', n=60, seed=3, urg='yes', rules='vrules', inner=S0, outer=S0, widths=W7)
spec('w04-hairline-grey-header', 'Writer; all rules 0.05pt hairline (PDF rewritten from LO\'s 0.1 w to 0.05 w); header filled grey #C0C0C0, repeated; 177 rows; urgent ★',
     backend='writer', n=177, seed=4, urg='bstar', rules='full', inner='0.05pt solid #000000', outer='0.05pt solid #000000', fill='#C0C0C0', widths=W7, hairline=True)
spec('w05-dotted-inner', 'Writer; dotted inner rules, solid 1pt outer frame; 100 rows; urgent *',
     backend='writer', n=100, seed=5, urg='star', rules='full', inner='0.6pt dotted #000000', outer='1pt solid #000000', header_rule='0.6pt solid #000000', widths=W7)
spec('w06-big-padding-11pt', 'Writer; cell padding 0.35cm, font 11pt; header once (not repeated); 50 rows; urgent 是',
     backend='writer', n=50, seed=6, urg='yes', rules='full', inner=S0, outer=S0, pad=0.35, size=11, repeat=False, widths=[1.3, 2.1, 3.3, 2.4, 4.3, 3.7, 1.3], ml=1.1)
spec('w07-tight-8pt', 'Writer; zero cell padding, font 8pt; 177 rows; header repeated; urgent ✓',
     backend='writer', n=177, seed=7, urg='tick', rules='full', inner=S0, outer=S0, pad=0.0, size=8, widths=[0.8, 2.4, 2.1, 2.8, 2.8, 2.7, 1.2])
spec('w08-merged-top-break', 'Writer; industry merged, TOP-aligned, spanning page breaks; header repeated; 150 rows; urgent *',
     backend='writer', n=150, seed=8, urg='star', rules='full', inner=S0, outer=S0, merge=True, ind_valign='top', widths=W7)
spec('w09-merged-bottom-pageof', 'Writer; industry merged, BOTTOM-aligned over breaks; header once; footer "第 N 页 共 M 页"; 130 rows; urgent ★',
     backend='writer', n=130, seed=9, urg='bstar', rules='full', inner=S0, outer=S0, merge=True, ind_valign='bottom', repeat=False, footer='pageof', widths=W7)
spec('w10-hrules-merged-centre', 'Writer; horizontal rules only + industry merged centred over breaks; header repeated; 177 rows; urgent 是',
     backend='writer', n=177, seed=10, urg='yes', rules='hrules', inner=S0, outer='1pt solid #000000', merge=True, widths=W7)
spec('w11-title-notes-dash', 'Writer; title block (附件2, title, 单位：元/人), notes 注：1.–3. after table, footer "- N -"; 70 rows; urgent *',
     backend='writer', n=70, seed=11, urg='star', rules='full', inner=S0, outer=S0, title=True, unit=True, notes=True, footer='dash', widths=W7)
spec('w12-remarks', 'Writer; extra 备注 column, text in ~30% of rows; 9pt; 90 rows; urgent ✓',
     backend='writer', n=90, seed=12, urg='tick', rules='full', inner=S0, outer=S0, cols=ORDER + ['remark'], remark=True, size=9,
     widths=[0.9, 2.1, 2.6, 2.6, 3.0, 2.9, 1.1, 2.0], ml=1.5)
spec('w13-long-names', 'Writer; names with （…） and long names wrapping to 2–3 lines (narrow name column); 120 rows; urgent *',
     backend='writer', n=120, seed=13, urg='star', rules='full', inner=S0, outer=S0, names='long', widths=[1.0, 2.9, 2.5, 2.8, 3.4, 3.3, 1.5])
spec('w14-landscape-altwords', 'Writer; A4 landscape 11pt; header words 行业类别/职业编码/工种名称/培训补贴/鉴定补贴/紧缺急需; 177 rows; urgent 是',
     backend='writer', n=177, seed=14, urg='yes', rules='full', inner=S0, outer=S0, landscape=True, size=11, head=HALT, widths=W7L)
spec('w15-name-before-code', 'Writer; columns 序号 名称 代码 行业 培训 评价 急需 (名称 before 代码); 66 rows; urgent ★',
     backend='writer', n=66, seed=15, urg='bstar', rules='full', inner=S0, outer=S0,
     cols=["seq", "name", "code", "industry", "training", "assessment", "urgent"], widths=[1.0, 3.2, 2.5, 2.9, 3.3, 3.2, 1.5])
spec('w16-threeline', 'Writer; three-line table (1.5pt top/bottom, 0.75pt header rule, nothing else); title block; 40 rows; urgent *',
     backend='writer', n=40, seed=16, urg='star', rules='threeline', inner='none', outer='1.5pt solid #000000', header_rule='0.75pt solid #000000', title=True, widths=W7)
spec('w17-serif-dotted-hrules-merged-bottom', 'Writer; Noto Serif CJK 9pt; horizontal dotted rules only; industry merged bottom-aligned; 110 rows; urgent ✓',
     backend='writer', n=110, seed=17, urg='tick', rules='hrules', inner='0.5pt dotted #000000', outer='0.8pt solid #000000', header_rule='0.8pt solid #000000', merge=True, ind_valign='bottom', font='Noto Serif CJK SC', size=9, widths=W7)
spec('w18-mono-rows-split', 'Writer; Noto Sans Mono CJK 10pt; rows split across page breaks (rows 18 and 37 straddle pages 1/2, 2/3), cells top-aligned; narrow code column (codes wrap mid-code); names with （…）; header once; footer "- N -"; 100 rows; urgent 是',
     backend='writer', n=100, seed=18, urg='yes', rules='full', inner=S0, outer=S0, font='Noto Sans Mono CJK SC', split=True, repeat=False, footer='dash', names='paren',
     widths=[0.9, 2.0, 2.1, 2.2, 3.4, 3.3, 1.2], mt=2.4, valign='top')
# Calc
spec('c01-hair-grey-landscape', "Calc xlsx; 'hair' borders, grey header fill #D9D9D9, header repeated (print titles); landscape; 177 rows; urgent ★",
     backend='calc', n=177, seed=21, urg='bstar', rules='full', inner='hair', outer='hair', fill='#D9D9D9', repeat=True, landscape=True, widths=[5, 18, 13, 18, 19, 19, 8], size=10)
spec('c02-hrules-8pt', 'Calc xlsx; horizontal rules only (thin), 8pt; header once; 120 rows; urgent *',
     backend='calc', n=120, seed=22, urg='star', rules='hrules', inner='thin', outer='medium', size=8, widths=[4, 12, 11, 13, 13, 13, 6])
spec('c03-dashed-remarks', 'Calc xlsx; dashed inner borders, medium outer frame; 备注 column; 60 rows; urgent 是',
     backend='calc', n=60, seed=23, urg='yes', rules='full', inner='dashed', outer='medium', header_rule='thin', cols=ORDER + ['remark'], remark=True,
     widths=[4, 10, 10, 11, 12, 12, 5, 9], size=9)
spec('c04-merged-top-pageof', 'Calc xlsx; industry merged top-aligned over page breaks; header repeated; footer "第 N 页 共 M 页"; 177 rows; urgent ✓',
     backend='calc', n=177, seed=24, urg='tick', rules='full', inner='thin', outer='thin', merge=True, ind_valign='top', repeat=True, footer='pageof', widths=C7)
spec('c05-title-notes-serif', 'Calc xlsx; title block + 单位：元/人 + notes after table; Noto Serif CJK 11pt; 35 rows; urgent *',
     backend='calc', n=35, seed=25, urg='star', rules='full', inner='thin', outer='thin', title=True, unit=True, notes=True, font='Noto Serif CJK SC', size=11,
     widths=[4, 12, 11, 12, 14, 13, 6])
spec('c06-reordered-altwords-merged-bottom', 'Calc xlsx; columns 序号 工种名称 职业编码 行业类别 …, alt header words; industry merged bottom-aligned; footer "- N -"; 100 rows; urgent 是',
     backend='calc', n=100, seed=26, urg='yes', rules='full', inner='thin', outer='thin', head=HALT, merge=True, ind_valign='bottom', footer='dash',
     cols=["seq", "name", "code", "industry", "training", "assessment", "urgent"], widths=[4, 12, 11, 12, 14, 13, 6])
spec('c07-dotted-tall', 'Calc xlsx; dotted borders, tall rows with indent (large padding); 50 rows; urgent ★',
     backend='calc', n=50, seed=27, urg='bstar', rules='full', inner='dotted', outer='dotted', indent=1, extra_h=14, widths=[4, 11, 11, 12, 15, 14, 5])
# Chromium
spec('h01-threeline-thead', 'Chromium; three-line table (2px top/bottom, 1px header rule); thead repeated; 9pt; 90 rows; urgent *',
     backend='chrome', n=90, seed=31, urg='star', rules='threeline', inner='none', outer='2px solid #000', header_rule='1px solid #000', size=9, widths=H7)
spec('h02-frame-grey-dash', 'Chromium; outer frame + header rule only, grey header fill; thead repeated; footer "- N -"; 177 rows; urgent ✓',
     backend='chrome', n=177, seed=32, urg='tick', rules='frame', inner='1px solid #000', outer='1.5px solid #000', fill='#D0D0D0', footer='dash', widths=H7)
spec('h03-dotted-bigpad', 'Chromium; dotted inner rules, 10px/8px cell padding; 60 rows; urgent 是',
     backend='chrome', n=60, seed=33, urg='yes', rules='full', inner='1px dotted #000', outer='1px solid #000', pad='10px 8px', size=10, widths=[5, 13, 17, 15, 20, 20, 10])
spec('h04-hairline-pageof', 'Chromium; 0.05pt hairline rules everywhere (Chromium\'s 1px border rectangles thinned to 0.05pt in the PDF); footer "第 N 页 共 M 页"; 140 rows; urgent ★',
     backend='chrome', n=140, seed=34, urg='bstar', rules='full', inner='0.05pt solid #000', outer='0.05pt solid #000', footer='pageof', widths=H7, hairline=True)
spec('h05-landscape-rowspan-bottom', 'Chromium; A4 landscape 12pt; industry rowspan bottom-aligned over page breaks; thead repeated; 177 rows; urgent *',
     backend='chrome', n=177, seed=35, urg='star', rules='full', inner='1px solid #000', outer='1px solid #000', landscape=True, size=12, merge=True, ind_valign='bottom', widths=H7)
spec('h06-remarks-long-names', 'Chromium; 备注 column + names with （…） and long names wrapping; title block + notes; 130 rows; urgent ✓',
     backend='chrome', n=130, seed=36, urg='tick', rules='full', inner='1px solid #000', outer='1px solid #000', cols=ORDER + ['remark'], remark=True, names='long',
     title=True, unit=True, notes=True, size=9, widths=[5, 12, 15, 16, 17, 17, 6, 12])
spec('h07-name-first-altwords-dashed', 'Chromium; 名称 before 代码 + alt header words; dashed rules between rows, no column rules; thead once; 80 rows; urgent 是',
     backend='chrome', n=80, seed=37, urg='yes', rules='hrules', inner='1px dashed #000', outer='1.5px solid #000', header_rule='1.5px solid #000', head=HALT, repeat=False,
     cols=["seq", "industry", "name", "code", "training", "assessment", "urgent"], widths=H7)
spec('h08-merged-top-8pt-vrules', 'Chromium; column rules only (no row rules), industry rowspan top-aligned; 8pt; 177 rows; urgent *',
     backend='chrome', n=177, seed=38, urg='star', rules='vrules', inner='1px solid #000', outer='1px solid #000', size=8, merge=True, ind_valign='top', widths=H7)


def main():
    only = sys.argv[2:]
    readme = []
    for stem, s in S.items():
        rows = make_rows(s['n'], s['seed'], s.get('names'), s.get('remark'))
        if not only or stem in only:
            {'writer': writer, 'calc': calc, 'chrome': chrome}[s['backend']](stem, s, rows)
            if s.get('hairline'):
                hairline(f'{OUT}/{stem}.pdf')
            exp = [{k: r[k] for k in ('seq', 'industry', 'code', 'name', 'training_text', 'assessment_text', 'urgent')} for r in rows]
            json.dump(exp, open(f'{OUT}/{stem}.expected.json', 'w'), ensure_ascii=False, indent=1)
            print('made', stem, flush=True)
        readme.append(f'{stem}: {s["desc"]}')
    open(f'{OUT}/README.txt', 'w').write(
        'Held-out ruled-table corpus for mulu (generated by gen.py; sources in src/).\n'
        'Each STEM.pdf has STEM.expected.json (seq, industry, code, name, training_text, assessment_text, urgent).\n\n'
        + '\n'.join(readme) + '\n')


if __name__ == '__main__':
    main()
