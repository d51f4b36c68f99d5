import MuluSupport
import MuluModel
import MuluOutput
/// Builds the web page of a diff (`mulu diff --format html`): the counts, then one table of every
/// added, removed and changed row, highlighted as daff highlights a table diff (a column of
/// marks, green added rows, red removed rows struck through, changed cells old → new).
///
/// Self-contained like ``CataloguePage``; works with scripts off, and a small script adds
/// check boxes to show or hide each kind of change.
public enum DiffPage {
    /// The page's HTML.
    public static func html(_ diff: CatalogueDiff, sides: DiffSides = .unnamed) -> String {
        let h = MarkupText.html
        let table = DiffTable(diff)
        let title = "目录变更：\(sides.old.name) → \(sides.new.name)"
        var b = "<header>\n<h1>\(h(title))</h1>\n"
        for (label, side) in [("旧", sides.old), ("新", sides.new)] where !side.title.isEmpty {
            b += "<p class=\"facts\">\(label)：\(h(side.title))（\(h(side.name))）</p>\n"
        }
        b += "</header>\n<main>\n"
        b += "<p id=\"summary\"><strong>\(h(diff.isEmpty ? "无差异 (no differences)" : diff.summary))</strong>"
        b += "，未变 \(diff.unchangedCount) 条。</p>\n"
        if !diff.isEmpty {
            b += "<p class=\"legend\"><span class=\"added-key\" style=\"background:var(--add)\">+++ 新增</span>"
            b += "<span style=\"background:var(--del)\">--- 删除</span>"
            b += "<span style=\"background:var(--mod)\">→ 变更</span>"
            b += "<span style=\"background:var(--mod-cell)\">旧值 → 新值</span></p>\n"
            b += "<div class=\"controls\" id=\"controls\" hidden>"
            for kind in [DiffTable.Kind.added, .removed, .changed] {
                b += "<label><input type=\"checkbox\" class=\"kind\" value=\"\(kind.rawValue)\" checked> \(kind.label)</label>"
            }
            b += "</div>\n"
            b += "<div class=\"table-wrap\">\n<table id=\"changes\" class=\"cards\">\n<thead><tr>"
            for heading in DiffTable.headings { b += "<th scope=\"col\">\(h(heading))</th>" }
            b += "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                b += "<tr class=\"\(row.kind.rawValue)\" data-kind=\"\(row.kind.rawValue)\">"
                b += "<td class=\"mark\" data-label=\"@@\" title=\"\(row.kind.label)\">\(h(row.kind.mark))</td>"
                b += "<td class=\"num\" data-label=\"序号\">\(row.seq)</td>"
                for (field, cell) in zip(DiffTable.fields, row.cells) {
                    let classes = (field == .code ? ["code"] : []) + (field == .name ? ["name"] : [])
                    switch cell {
                    case .value(let v):
                        let c = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                        b += "<td\(c) data-label=\"\(h(field.label))\">\(h(v))</td>"
                    case .changed(let old, let new):
                        let c = (classes + ["changed-cell"]).joined(separator: " ")
                        b += "<td class=\"\(c)\" data-label=\"\(h(field.label))\"><del>\(h(old))</del> → <ins>\(h(new))</ins></td>"
                    }
                }
                b += "</tr>\n"
            }
            b += "</tbody>\n</table>\n</div>\n"
        }
        b += "</main>\n<footer>\n<p>按代码与名称匹配，不按序号：先同代码同名称，再同代码（更名），再同名称（改码）；序号变动不算变更。由 mulu 生成。</p>\n</footer>\n"
        return PageLayout.document(title: title, body: b, script: diff.isEmpty ? nil : script)
    }

    /// The bytes of the page.
    public static func encode(_ diff: CatalogueDiff, sides: DiffSides = .unnamed) -> [UInt8] {
        Array(html(diff, sides: sides).utf8)
    }

    /// Shows or hides each kind of row by its check box.
    static let script = """
        (function () {
          var boxes = Array.prototype.slice.call(document.querySelectorAll("input.kind"));
          var rows = Array.prototype.slice.call(document.querySelectorAll("#changes tbody tr"));
          function apply() {
            var on = {};
            boxes.forEach(function (box) { on[box.value] = box.checked; });
            rows.forEach(function (row) { row.hidden = !on[row.getAttribute("data-kind")]; });
          }
          boxes.forEach(function (box) { box.addEventListener("change", apply); });
          document.getElementById("controls").hidden = false;
          apply();
        })();

        """
}
