import MuluModel
import CPoppler

/// An open PDF document (poppler-glib), read from bytes the caller already holds.
///
/// The document owns its `PopplerDocument`; pages are taken and released per call. Not thread-safe:
/// use one instance from one thread at a time.
public final class PDFDocument {
    /// The poppler document; this object is its only Swift owner.
    let doc: OpaquePointer
    /// The file name used in errors.
    public let path: String
    /// The pixels `renderGrey` draws into, kept from page to page (a page of the same size needs
    /// no new memory, which the kernel would clear): its bytes and capacity.
    var renderBuffer: UnsafeMutableRawPointer?
    var renderCapacity = 0

    /// Opens a PDF from its bytes; `path` only names the file in errors, it is never read.
    public init(bytes: [UInt8], path: String, password: String? = nil) throws(PDFError) {
        self.path = path
        if bytes.isEmpty {
            throw PDFError(.empty, path: path, message: "empty file (0 bytes)")
        }
        guard Self.hasPDFHeader(bytes) else {
            throw PDFError(.notPDF, path: path, message: "not a PDF (no %PDF- header)")
        }
        let gbytes = bytes.withUnsafeBufferPointer { buffer in
            g_bytes_new(buffer.baseAddress, gsize(buffer.count))
        }
        defer { g_bytes_unref(gbytes) }
        var error: UnsafeMutablePointer<GError>? = nil
        let opened: OpaquePointer?
        if let password {
            // poppler-glib 22.12 crashes (NULL dereference) in poppler_document_new_from_bytes and
            // _new_from_data when a password is given but wrong: it retries with a stream the first
            // attempt already consumed. Its GInputStream path has no such retry, so with a password
            // we read the same GBytes through a memory stream (no copy).
            let stream = g_memory_input_stream_new_from_bytes(gbytes)
            defer { g_object_unref(UnsafeMutableRawPointer(stream)) }
            // PDF 2.0 (7.6.4.3.3): a password is at most 127 bytes of UTF-8, longer ones are cut.
            // Poppler 22.12 does not cut, and a 128-byte password smashes its stack in the
            // AES-256 check, so cut here, at a scalar boundary.
            opened = poppler_document_new_from_stream(
                stream, goffset(bytes.count), PDFDocument.truncatedPassword(password), nil, &error)
        } else {
            opened = poppler_document_new_from_bytes(gbytes, nil, &error)
        }
        if let error {
            defer { g_error_free(error) }
            if let opened { g_object_unref(UnsafeMutableRawPointer(opened)) }
            let detail = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
            if error.pointee.domain == mulu_poppler_error_quark(),
               error.pointee.code == mulu_poppler_error_encrypted() {
                if password == nil {
                    throw PDFError(.encrypted, path: path,
                                   message: "encrypted PDF: give the password with --password")
                }
                throw PDFError(.wrongPassword, path: path,
                               message: "encrypted PDF: the password given does not open it")
            }
            throw PDFError(.damaged, path: path, message: "damaged PDF: \(detail)")
        }
        guard let opened else {
            throw PDFError(.damaged, path: path, message: "damaged PDF: poppler could not open it")
        }
        doc = opened
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(doc))
        renderBuffer?.deallocate()
    }

    /// The number of pages.
    public var pageCount: Int {
        Int(poppler_document_get_n_pages(doc))
    }

    /// The program that wrote the PDF (its Info `Producer`: `LibreOffice 7.4`, `Skia/PDF m156`),
    /// or nil when it names none.
    public var producer: String? {
        guard let text = poppler_document_get_producer(doc) else { return nil }
        defer { g_free(text) }
        return String(cString: text)
    }

    /// The program the document was made with (its Info `Creator`: `Calc`, `Writer`), or nil
    /// when it names none.
    public var creator: String? {
        guard let text = poppler_document_get_creator(doc) else { return nil }
        defer { g_free(text) }
        return String(cString: text)
    }

    /// Every page's glyphs and size; throws when there is no usable text layer.
    ///
    /// Sizes and boxes are in the displayed space: for a page with `/Rotate 90` or `270`
    /// poppler-glib swaps its sides and turns the boxes (poppler 22.12; `RotatedPageTests`), as
    /// `renderGrey` and `renderPNG` draw it.
    ///
    /// Whitespace that poppler inserts between words and lines (space, tab, newline, no-break space,
    /// ideographic space, zero-width spaces, …) is dropped; every other Unicode scalar keeps its
    /// rectangle. Glyphs without a Unicode mapping (U+FFFD, private-use, control characters, which
    /// is what poppler reports for raw character codes, or boxes with no text at all) are counted
    /// and left out. Throws `.noTextLayer` when the document has pages but no glyph at all, and
    /// `.noUnicodeMapping` when at least half of the glyphs have no mapping.
    public func textPages() throws(PDFError) -> [PDFTextPage] {
        let count = pageCount
        let (pages, unmapped) = try textPages(0..<count)
        try checkTextLayer(pages, unmapped: unmapped)
        return pages
    }

    /// The glyphs and sizes of the pages with 0-based indices in `range`, and how many glyphs
    /// had no Unicode mapping; no check of the text layer as a whole (`checkTextLayer`).
    /// For reading a document's pages in parts, one `PDFDocument` per thread.
    public func textPages(_ range: Range<Int>) throws(PDFError) -> (pages: [PDFTextPage], unmapped: Int) {
        var pages: [PDFTextPage] = []
        pages.reserveCapacity(range.count)
        var unmapped = 0
        for index in range {
            pages.append(try textPage(index: index, unmapped: &unmapped))
        }
        return (pages, unmapped)
    }

    /// As `textPages(_:)`, each page also drawn in grey at `scale` (as `renderGrey` draws it) and
    /// handed to `drawn` with its text, before the next page is read.
    ///
    /// One pass of poppler over each page instead of two: drawing a page for the screen makes
    /// poppler-glib collect its text as well (a `TextPage` kept on the `PopplerPage`), which
    /// `poppler_page_get_text_layout` and `_get_text` then read instead of parsing the page again.
    public func textPages(
        _ range: Range<Int>, drawingAt scale: Double, _ drawn: (PDFTextPage, GreyBitmap) -> Void
    ) throws(PDFError) -> (pages: [PDFTextPage], unmapped: Int) {
        var pages: [PDFTextPage] = []
        pages.reserveCapacity(range.count)
        var unmapped = 0
        for index in range {
            guard let page = poppler_document_get_page(doc, Int32(index)) else {
                throw PDFError(.damaged, path: path, message: "damaged PDF: page \(index + 1) cannot be read")
            }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            let bitmap = try renderGrey(page, number: index + 1, scale: scale)
            let text = try textPage(page, index: index, unmapped: &unmapped)
            drawn(text, bitmap)
            pages.append(text)
        }
        return (pages, unmapped)
    }

    /// Throws `.noTextLayer` when the document has pages but no glyph at all, and
    /// `.noUnicodeMapping` when at least half of its glyphs have no mapping.
    public func checkTextLayer(_ pages: [PDFTextPage], unmapped: Int) throws(PDFError) {
        let count = pages.count
        let total = pages.reduce(0) { $0 + $1.glyphs.count }
        if count > 0 && total == 0 && unmapped == 0 {
            throw PDFError(.noTextLayer, path: path, message:
                "no text layer on any of its \(count) page(s) (a scanned PDF?): it needs OCR before mulu can read it")
        }
        if unmapped > 0 && unmapped * 2 >= total + unmapped {
            throw PDFError(.noUnicodeMapping, path: path, message:
                "\(unmapped) of \(total + unmapped) glyphs have no Unicode mapping (fonts without ToUnicode): the text cannot be read; it needs OCR or a better PDF export")
        }
    }

    /// Reads one page (0-based `index`), counting glyphs without a Unicode mapping into `unmapped`.
    private func textPage(index: Int, unmapped: inout Int) throws(PDFError) -> PDFTextPage {
        guard let page = poppler_document_get_page(doc, Int32(index)) else {
            throw PDFError(.damaged, path: path, message: "damaged PDF: page \(index + 1) cannot be read")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        return try textPage(page, index: index, unmapped: &unmapped)
    }

    /// Reads the open poppler page `page` (0-based `index`), as `textPage(index:unmapped:)`.
    private func textPage(_ page: OpaquePointer, index: Int, unmapped: inout Int) throws(PDFError) -> PDFTextPage {
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)

        var rects: UnsafeMutablePointer<PopplerRectangle>? = nil
        var rectCount: guint = 0
        let ok = poppler_page_get_text_layout(page, &rects, &rectCount)
        defer { g_free(rects) }
        let textPointer = poppler_page_get_text(page)
        defer { g_free(textPointer) }
        let number = index + 1
        guard ok != 0, let rects, rectCount > 0 else {
            return PDFTextPage(number: number, width: width, height: height, glyphs: [])
        }
        let text = textPointer.map { String(cString: $0) } ?? ""
        if text.isEmpty {
            // Boxes without any text: glyphs whose fonts map to nothing.
            unmapped += Int(rectCount)
            return PDFTextPage(number: number, width: width, height: height, glyphs: [])
        }
        var glyphs: [PDFGlyph] = []
        glyphs.reserveCapacity(Int(rectCount))
        var i = 0
        let n = Int(rectCount)
        // Whether the last scalar read was a line break (the start counts as one), and whether
        // the glyph appended last is the last scalar read.
        var afterBreak = true
        var lastIsGlyph = false
        for scalar in text.unicodeScalars {
            guard i < n else { i += 1; continue }
            let r = rects[i]
            i += 1
            if scalar == "\n" {
                if lastIsGlyph { glyphs[glyphs.count - 1].breakAfter = true }
                afterBreak = true
                lastIsGlyph = false
                continue
            }
            let followsBreak = afterBreak
            afterBreak = false
            lastIsGlyph = false
            if Self.isDropped(scalar) { continue }
            // (A mark from Word's symbol fonts, mapped to its font byte: the mark it prints.)
            var scalar = SymbolFontMarks.mark(scalar) ?? scalar
            if Self.isUnmapped(scalar) {
                unmapped += 1
                // A private-use glyph (a symbol font's mark, a missing ToUnicode entry) is kept
                // as U+FFFD: a cell holding it is read as unreadable, never as empty.
                guard scalar.value >= 0xE000 else { continue }
                scalar = "\u{FFFD}"
            }
            // A radical look-alike (`⼯` for `工`, the `Radicals` rule) is its ideograph.
            var glyph = PDFGlyph(scalar: Radicals.unified(scalar) ?? scalar, x0: r.x1, y0: r.y1, x1: r.x2, y1: r.y2)
            glyph.breakBefore = followsBreak
            glyphs.append(glyph)
            lastIsGlyph = true
        }
        if lastIsGlyph { glyphs[glyphs.count - 1].breakAfter = true }
        if i != n {
            throw PDFError(.damaged, path: path, message:
                "damaged text layer on page \(number): \(i) characters but \(n) character boxes")
        }
        return PDFTextPage(number: number, width: width, height: height, glyphs: glyphs)
    }

    /// Blanks (the `Blank` rule) that poppler inserts between words and lines.
    @inline(__always)
    static func isDropped(_ scalar: Unicode.Scalar) -> Bool { Blank.isBlank(scalar) }

    /// A glyph whose font has no Unicode mapping: poppler gives U+FFFD, a private-use scalar, or
    /// the raw character code, which for the low codes a subset font uses is a control character.
    @inline(__always)
    static func isUnmapped(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0) || v == 0xFFFD { return true }
        if v < 0xE000 { return false }
        return scalar.properties.generalCategory == .privateUse
    }

    /// Whether `%PDF-` occurs within the first 1024 bytes (as readers tolerate leading junk).
    public static func hasPDFHeader(_ bytes: [UInt8]) -> Bool {
        let magic: [UInt8] = Array("%PDF-".utf8)
        let limit = min(bytes.count, 1024)
        guard limit >= magic.count else { return false }
        for start in 0...(limit - magic.count) where bytes[start] == magic[0] {
            var match = true
            for k in 1..<magic.count where bytes[start + k] != magic[k] {
                match = false
                break
            }
            if match { return true }
        }
        return false
    }

    /// `password` cut to at most 127 bytes of UTF-8 without splitting a scalar.
    static func truncatedPassword(_ password: String) -> String {
        var out = String.UnicodeScalarView()
        var count = 0
        for u in password.unicodeScalars {
            let n = String(u).utf8.count
            guard count + n <= 127 else { break }
            out.append(u)
            count += n
        }
        return String(out)
    }
}
