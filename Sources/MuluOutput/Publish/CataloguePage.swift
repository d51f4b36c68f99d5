import MuluSupport
import MuluModel
/// Builds a catalogue's `index.html`: the whole catalogue as one page people can read, search
/// and filter, with its diagnostics and a link to each data file.
///
/// The full table is in the HTML, so the page works with scripts off; a small inline script adds
/// a search box (name or code), an industry filter and an urgent-only filter, and counts the rows
/// shown. The table's columns are the CSV's (``PublishedTable``) less the parts a subsidy's text
/// already says in words (`*_levels`, `*_amount_yuan`, `*_any_of`).
public enum CataloguePage {
    /// What each data file beside the page is, by its name's ending.
    static func fileDescription(_ name: String) -> String {
        if name.hasSuffix(".xlsx") { return "Excel 工作簿" }
        if name.hasSuffix(".csv") { return "CSV 表格（UTF-8）" }
        if name == "datapackage.json" { return "数据包说明（Frictionless）" }
        if name.hasSuffix(".json") { return "JSON 数据" }
        if name.hasSuffix(".swift") { return "Swift 源文件" }
        return "文件"
    }

    /// True for a CSV column the page leaves out: a machine-readable part of a subsidy.
    static func isDetailColumn(_ name: String) -> Bool {
        ["_levels", "_amount_yuan", "_any_of", "_amounts"].contains { name.hasSuffix($0) }
    }

    /// The bytes of `index.html` for `catalogue`; `files` are the data files beside it, linked in order.
    public static func encode(_ catalogue: Catalogue, metadata: CatalogueMetadata, files: [String]) -> [UInt8] {
        Array(html(catalogue, metadata: metadata, files: files).utf8)
    }

    /// The page's HTML.
    public static func html(_ catalogue: Catalogue, metadata: CatalogueMetadata, files: [String]) -> String {
        let table = PublishedTable(catalogue: catalogue)
        let shown = table.columns.indices.filter { !isDetailColumn(table.columns[$0].name) }
        let industryColumn = table.index(of: "industry")
        let urgentColumn = table.index(of: "urgent")
        let h = MarkupText.html

        var b = "<header>\n<h1>\(h(catalogue.title))</h1>\n"
        let facts = [
            metadata.region, metadata.year > 0 ? "\(metadata.year)年" : "", metadata.attachment ?? "",
            "共 \(catalogue.entries.count) 条",
        ].filter { !$0.isEmpty }
        b += "<p class=\"facts\">\(facts.map(h).joined(separator: " · "))</p>\n"
        b += "<ul class=\"files\">\n"
        for file in files {
            b += "<li><a href=\"\(h(file))\" download>\(h(file))</a><small>\(h(fileDescription(file)))</small></li>\n"
        }
        b += "</ul>\n</header>\n<main>\n"

        // The controls do nothing without the script: it shows them.
        b += "<div class=\"controls\" id=\"controls\" hidden>\n"
        b += "<input type=\"search\" id=\"q\" placeholder=\"搜索职业名称或代码\" aria-label=\"搜索职业名称或代码\" autocomplete=\"off\">\n"
        if let industryColumn {
            var industries: [String] = []
            var seen = Set<String>()
            for row in table.rows where !row[industryColumn].isEmpty && seen.insert(row[industryColumn]).inserted {
                industries.append(row[industryColumn])
            }
            if !industries.isEmpty {
                b += "<select id=\"industry\" aria-label=\"行业\"><option value=\"\">全部行业</option>"
                for industry in industries { b += "<option>\(h(industry))</option>" }
                b += "</select>\n"
            }
        }
        if urgentColumn != nil {
            b += "<label><input type=\"checkbox\" id=\"urgent\"> 只看急需紧缺</label>\n"
        }
        b += "</div>\n"
        b += "<p class=\"count\" id=\"count\">共 \(table.rows.count) 条</p>\n"

        b += "<div class=\"table-wrap\">\n<table id=\"entries\" class=\"cards\">\n<thead><tr>"
        for c in shown { b += "<th scope=\"col\">\(h(table.columns[c].title))</th>" }
        b += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            b += "<tr"
            if let industryColumn { b += " data-industry=\"\(h(row[industryColumn]))\"" }
            if let urgentColumn { b += " data-urgent=\"\(row[urgentColumn] == "true" ? "1" : "0")\"" }
            b += ">"
            for c in shown {
                let column = table.columns[c]
                var classes: [String] = []
                if column.name == "code" { classes.append("code") }
                if column.name == "name" { classes.append("name") }
                if column.kind == .number { classes.append("num") }
                if column.kind == .boolean { classes.append(row[c] == "true" ? "yes" : "no") }
                let classAttribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                b += "<td\(classAttribute) data-label=\"\(h(column.title))\">\(h(table.display(row[c], column: c)))</td>"
            }
            b += "</tr>\n"
        }
        b += "</tbody>\n</table>\n</div>\n"

        b += diagnosticsSection(catalogue.diagnostics)
        b += "</main>\n<footer>\n"
        b += "<p>来源：\(h(metadata.source.title))"
        if let publisher = metadata.source.publisher { b += "（\(h(publisher))）" }
        b += "。源文件 \(h(catalogue.source.file))，SHA-256 <code>\(h(catalogue.source.sha256))</code>。"
        b += "许可：\(h(metadata.licence.title))。由 mulu 从发布的附件编制。</p>\n</footer>\n"
        return PageLayout.document(title: catalogue.title, body: b, script: script)
    }

    /// The diagnostics as a list, each with its page, line and row, or a line saying there are none.
    static func diagnosticsSection(_ diagnostics: [Diagnostic]) -> String {
        let h = MarkupText.html
        var b = "<section class=\"diagnostics\" id=\"diagnostics\">\n<h2>诊断（\(diagnostics.count)）</h2>\n"
        if diagnostics.isEmpty { return b + "<p>无诊断：每一行都已读取。</p>\n</section>\n" }
        b += "<ol>\n"
        for d in diagnostics {
            let severity = d.severity == .error ? "错误" : "警告"
            var place: [String] = []
            if let page = d.page { place.append("第\(page)页") }
            if let line = d.line { place.append("第\(line)行") }
            if let seq = d.seq { place.append("序号 \(seq)") }
            b += "<li><span class=\"sev \(d.severity.rawValue)\">\(severity)</span>"
            if !place.isEmpty { b += "<span class=\"where\">\(place.joined(separator: " "))</span>" }
            b += h(d.message)
            if let excerpt = d.excerpt, !excerpt.isEmpty { b += "<span class=\"excerpt\">原文：\(h(excerpt))</span>" }
            b += "</li>\n"
        }
        return b + "</ol>\n</section>\n"
    }

    /// Search (code or name, spaces ignored), industry and urgent filters, and the row count.
    static let script = """
        (function () {
          var q = document.getElementById("q"), industry = document.getElementById("industry"),
              urgent = document.getElementById("urgent"), count = document.getElementById("count");
          var rows = Array.prototype.slice.call(document.querySelectorAll("#entries tbody tr"));
          function text(row, selector) { var cell = row.querySelector(selector); return cell ? cell.textContent : ""; }
          function norm(s) { return s.replace(/\\s+/g, "").toLowerCase(); }
          rows.forEach(function (row) { row.searchText = norm(text(row, ".code") + "|" + text(row, ".name")); });
          function apply() {
            var t = norm(q.value), i = industry ? industry.value : "", u = urgent ? urgent.checked : false, shown = 0;
            rows.forEach(function (row) {
              var ok = (!t || row.searchText.indexOf(t) >= 0) && (!i || row.getAttribute("data-industry") === i)
                && (!u || row.getAttribute("data-urgent") === "1");
              row.hidden = !ok;
              if (ok) { shown++; }
            });
            count.textContent = shown === rows.length ? "共 " + rows.length + " 条" : "显示 " + shown + " / " + rows.length + " 条";
          }
          document.getElementById("controls").hidden = false;
          q.addEventListener("input", apply);
          if (industry) { industry.addEventListener("change", apply); }
          if (urgent) { urgent.addEventListener("change", apply); }
          apply();
        })();

        """
}
