import MuluSupport
import MuluModel
/// Builds the page that lists every compiled catalogue (`generated/index.html`), so a folder of
/// compiled catalogues can be served as it is: title (linking to the catalogue's page), region,
/// year, entry count, and links to its data files.
public enum CatalogueListPage {
    /// One catalogue on the list.
    public struct Item: Sendable, Hashable {
        /// Its id: the folder its files are in, beside the list page.
        public var id: String
        public var title: String
        public var region: String
        public var year: Int
        public var entryCount: Int
        /// Its files, relative to its folder (`index.html` is the title's link).
        public var files: [String]

        public init(id: String, title: String, region: String, year: Int, entryCount: Int, files: [String]) {
            self.id = id
            self.title = title
            self.region = region
            self.year = year
            self.entryCount = entryCount
            self.files = files
        }
    }

    /// The page's HTML; items sorted by year (newest first), then id.
    public static func html(_ items: [Item]) -> String {
        let h = MarkupText.html
        let sorted = items.sorted { $0.year != $1.year ? $0.year > $1.year : $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        var b = "<header>\n<h1>职业技能培训目录</h1>\n"
        b += "<p class=\"facts\">共 \(items.count) 份目录，由 mulu 从各地发布的通知附件编制为开放数据。</p>\n</header>\n<main>\n"
        b += "<div class=\"table-wrap\">\n<table id=\"catalogues\" class=\"cards\">\n<thead><tr>"
        for heading in ["目录", "地区", "年份", "条目", "数据文件"] { b += "<th scope=\"col\">\(heading)</th>" }
        b += "</tr></thead>\n<tbody>\n"
        for item in sorted {
            let folder = h(item.id)
            let page = item.files.contains("index.html") ? "\(folder)/index.html" : "\(folder)/"
            b += "<tr><td data-label=\"目录\"><a href=\"\(page)\">\(h(item.title))</a></td>"
            b += "<td data-label=\"地区\">\(h(item.region))</td>"
            b += "<td class=\"num\" data-label=\"年份\">\(item.year > 0 ? String(item.year) : "")</td>"
            b += "<td class=\"num\" data-label=\"条目\">\(item.entryCount)</td>"
            b += "<td data-label=\"数据文件\">"
            b += item.files.filter { $0 != "index.html" }.map { "<a href=\"\(folder)/\(h($0))\">\(h($0))</a>" }.joined(separator: " · ")
            b += "</td></tr>\n"
        }
        b += "</tbody>\n</table>\n</div>\n</main>\n"
        b += "<footer>\n<p>每份目录的页面可搜索、筛选；数据文件有 Excel 工作簿、CSV、JSON 与数据包说明（datapackage.json）。</p>\n</footer>\n"
        return PageLayout.document(title: "职业技能培训目录", body: b)
    }

    /// The bytes of the page.
    public static func encode(_ items: [Item]) -> [UInt8] { Array(html(items).utf8) }
}
