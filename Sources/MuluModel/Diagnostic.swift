import MuluSupport
/// Something the parser or the validator has to say about the input, with where it came from.
public struct Diagnostic: Codable, Hashable, Sendable {
    /// How serious a diagnostic is.
    public enum Severity: String, Codable, Sendable {
        /// The input could not be read as it should; an entry may be incomplete.
        case error
        /// The entry was read, but something about it looks wrong.
        case warning
    }

    public var severity: Severity
    public var message: String
    /// 1-based page; text files count form feeds as page breaks.
    public var page: Int?
    /// 1-based line: in a text file the physical line, in a PDF the text line on its page.
    public var line: Int?
    /// 1-based column (characters) where known.
    public var column: Int?
    /// The input text the diagnostic is about, trimmed.
    public var excerpt: String?
    /// The row number the diagnostic concerns, where there is one.
    public var seq: Int?

    public init(
        _ severity: Severity, _ message: String, page: Int? = nil, line: Int? = nil,
        column: Int? = nil, excerpt: String? = nil, seq: Int? = nil
    ) {
        self.severity = severity
        self.message = message
        self.page = page
        self.line = line
        self.column = column
        self.excerpt = excerpt.map(Diagnostic.shortened)
        self.seq = seq
    }

    /// Excerpts longer than this many characters are cut, with `…` (a line of the notice may be
    /// megabytes long; a diagnostic quotes enough to find it).
    public static let maxExcerpt = 120

    public static func shortened(_ text: String) -> String {
        var count = 0
        for i in text.unicodeScalars.indices {
            if count == maxExcerpt { return String(text.unicodeScalars[..<i]) + "…" }
            count += 1
        }
        return text
    }

    /// The diagnostic as editors and compilers print one, followed by the excerpt.
    ///
    /// For a text notice, whose lines are the file's lines: `file:line:column: warning: message`.
    /// For a PDF (`byPage`), where a line number would mislead (no viewer numbers lines): the
    /// page as `file:p3:`, and the text line on that page in the message when the diagnostic
    /// names no row (a row's diagnostic names its row number, which a reader finds).
    public func formatted(file: String, byPage: Bool = false) -> String {
        var location = file
        var message = message
        if byPage {
            if let page { location += ":p\(page)" }
            if seq == nil, let line { message += " (text line \(line) of the page)" }
        } else {
            if let line { location += ":\(line)" }
            if line != nil, let column { location += ":\(column)" }
        }
        var text = "\(location): \(severity.rawValue): \(message)"
        if let excerpt, !excerpt.isEmpty { text += "\n    | \(excerpt)" }
        return text
    }
}
