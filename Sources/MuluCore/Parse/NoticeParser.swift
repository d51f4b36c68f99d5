/// Parses a notice — text or PDF — into entries, sharing every stage after extraction.
public enum NoticeParser {
    /// A text notice in any encoding `TextDecoding` accepts.
    public static func parseText(_ bytes: [UInt8], path: String) throws -> ParsedNotice {
        let (utf8, encoding) = try TextDecoding.utf8(bytes, path: path)
        let pages = TextLayout.pages(utf8)
        let roles = LineClassifier.classify(pages)
        var notice: ParsedNotice
        if TextLayout.isColumnLayout(pages, roles: roles) {
            let recovery = TableRecovery(pages: pages, settings: .textLayout)
            notice = try finish(
                format: .text, pages: pages, roles: roles, rows: recovery.rows,
                unplaced: recovery.unplaced, path: path)
            notice.recovery = recovery
        } else {
            let (rows, unplaced) = DelimitedReader.rows(pages: pages, roles: roles)
            notice = try finish(format: .text, pages: pages, roles: roles, rows: rows, unplaced: unplaced, path: path)
        }
        notice.encoding = encoding
        return notice
    }

    /// A PDF notice, through its text layer (`PDFSource`).
    public static func parsePDF(_ bytes: [UInt8], path: String, password: String?) throws -> ParsedNotice {
        let (pages, emSize) = try PDFSource.pages(bytes, path: path, password: password)
        let recovery = TableRecovery(pages: pages, settings: .pdf(emSize: emSize))
        var notice = try finish(
            format: .pdf, pages: pages, roles: recovery.roles, rows: recovery.rows,
            unplaced: recovery.unplaced, path: path)
        notice.recovery = recovery
        return notice
    }

    /// Entries and diagnostics from rows; throws when there is no catalogue table at all.
    static func finish(
        format: Catalogue.Format, pages: [PageText], roles: [[LineRole]], rows: [RowRecord],
        unplaced: [UnplacedFragment], path: String
    ) throws -> ParsedNotice {
        let hasHeader = roles.contains { $0.contains(.header) }
        guard hasHeader else {
            throw MuluError(file: path, problem: "no catalogue table: no header with 序号, 代码, 职业 … found")
        }
        guard !rows.isEmpty else {
            throw MuluError(file: path, problem: "no catalogue rows: a header but no numbered row under it")
        }
        var (entries, diagnostics) = EntryBuilder.entries(from: rows)
        diagnostics += CatalogueValidator.validate(entries, places: rows.map { ($0.anchor.page, $0.anchor.line) })
        var title: String?
        for (p, page) in pages.enumerated() {
            for (i, line) in page.lines.enumerated() {
                switch roles[p][i] {
                case .title where title == nil:
                    title = FieldNormaliser.text(line.compactText)
                case .preamble:
                    diagnostics.append(Diagnostic(
                        .warning, "text before the table is not part of the catalogue",
                        page: page.number, line: line.line, column: line.fragments.first?.column,
                        excerpt: line.text))
                default:
                    break
                }
            }
        }
        // One diagnostic per line for what could not be placed in a row.
        var byLine: [String: (Diagnostic, Int)] = [:]
        var order: [String] = []
        for u in unplaced {
            let key = "\(u.fragment.page):\(u.fragment.line):\(u.reason)"
            if var (d, count) = byLine[key] {
                // Quote the line's fragments up to the excerpt length, not a megabyte of them.
                if let e = d.excerpt, e.unicodeScalars.count < Diagnostic.maxExcerpt {
                    d.excerpt = Diagnostic.shortened(e + " " + u.fragment.text)
                }
                count += 1
                byLine[key] = (d, count)
            } else {
                order.append(key)
                byLine[key] = (Diagnostic(
                    .warning, u.reason, page: u.fragment.page, line: u.fragment.line,
                    column: u.fragment.column, excerpt: u.fragment.text), 1)
            }
        }
        diagnostics += order.map { byLine[$0]!.0 }
        let sorted = diagnostics.enumerated().sorted { a, b in
            let ka = (a.element.page ?? 0, a.element.line ?? 0, a.element.column ?? 0, a.offset)
            let kb = (b.element.page ?? 0, b.element.line ?? 0, b.element.column ?? 0, b.offset)
            return ka < kb
        }.map(\.element)
        return ParsedNotice(
            format: format, title: title, entries: entries, diagnostics: sorted, pages: pages,
            roles: roles, recovery: nil, rows: rows, encoding: nil)
    }
}
