/// Why a PDF could not be opened, read or rendered; one clear line naming the file.
public struct PDFError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The kind of failure, for callers that react differently (exit codes, hints).
    public enum Kind: Sendable, Equatable {
        /// The bytes do not start with a `%PDF-` header (within the first 1024 bytes).
        case notPDF
        /// Poppler could not parse the file (truncated, corrupt), or its text layer is inconsistent.
        case damaged
        /// The file is encrypted and no password was given.
        case encrypted
        /// The file is encrypted and the given password does not open it.
        case wrongPassword
        /// The document has pages but not a single glyph: a scan that needs OCR.
        case noTextLayer
        /// Most glyphs have no Unicode mapping, so the text cannot be read.
        case noUnicodeMapping
        /// The file has zero bytes.
        case empty
        /// Reading or writing a file (or a rendering surface) failed, or a page does not exist.
        case io
    }

    /// What went wrong.
    public let kind: Kind
    /// The file the error is about, as the caller named it.
    public let path: String
    /// A human-readable explanation, without the path.
    public let message: String

    /// Makes an error of `kind` about `path`.
    public init(_ kind: Kind, path: String, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    /// One line: `path: message`.
    public var description: String { "\(path): \(message)" }
}
