import MuluExtract

/// Pages of a text without form feeds, cut where its table header is printed again.
///
/// `pdftotext -layout -nopgbrk`, or pages pasted into one file, keep each page's header and page
/// mark but lose the form feed between pages. A merged cell is printed once on each page it spans,
/// centred on that page's part of it, so its rows are bounded page by page: read as one page, the
/// rows of a cell's part atop a page go to the value printed lower on the page before (or to the
/// next cell's). Cut at each header printed again, the text is read as its printed pages are.
public enum RepeatedHeaderPages {
    /// The spans with pages cut before each header printed again after rows — after the page mark
    /// just above it, with the blank lines between — or nil when the text has form feeds or its
    /// header is printed once. Line numbers stay those of the file.
    public static func spans(_ spans: [TextLayout.LineSpan], roles: [[LineRole]]) -> [TextLayout.LineSpan]? {
        guard roles.count == 1, let roles = roles.first, roles.count == spans.count else { return nil }
        var starts: [Int] = []
        // (Body lines before the first header are no rows of the table.)
        var seenHeader = false, rowsSinceHeader = false
        var k = 0
        while k < roles.count {
            switch roles[k] {
            case .header:
                if rowsSinceHeader {
                    // The page ends with its page mark and the blank lines around it.
                    var start = k
                    while start > 0, roles[start - 1] == .blank || roles[start - 1] == .pageMark { start -= 1 }
                    if let mark = (start..<k).last(where: { roles[$0] == .pageMark }) { start = mark + 1 }
                    else { start = k }
                    starts.append(start)
                }
                seenHeader = true
                rowsSinceHeader = false
                while k + 1 < roles.count, roles[k + 1] == .header { k += 1 }
            case .body:
                rowsSinceHeader = seenHeader
            default:
                break
            }
            k += 1
        }
        guard !starts.isEmpty else { return nil }
        var result = spans
        var page = 1
        var index = 0
        var next = 0
        for k in result.indices {
            if next < starts.count, k == starts[next] {
                page += 1
                index = 0
                next += 1
            }
            result[k].page = page
            result[k].index = index
            index += 1
        }
        return result
    }
}
