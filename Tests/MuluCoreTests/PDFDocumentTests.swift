import Foundation
import Testing
@testable import MuluPDF

/// Reads a fixture's bytes (the way the CLI does: once, before handing them to `PDFDocument`).
private func bytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixture(name))))
}

/// Opens a fixture PDF.
private func open(_ name: String, password: String? = nil) throws -> PDFDocument {
    try PDFDocument(bytes: bytes(name), path: name, password: password)
}

/// The `PDFError` that `body` throws, or nil when it throws nothing (or something else).
private func pdfError(_ body: () throws -> Void) -> PDFError? {
    do {
        try body()
        return nil
    } catch {
        return error as? PDFError
    }
}

/// The glyphs of `page` that spell `word` consecutively, or nil.
private func find(_ word: String, in page: PDFTextPage) -> ArraySlice<PDFGlyph>? {
    let target = Array(word.unicodeScalars)
    let glyphs = page.glyphs
    guard glyphs.count >= target.count else { return nil }
    for start in 0...(glyphs.count - target.count) {
        if (0..<target.count).allSatisfy({ glyphs[start + $0].scalar == target[$0] }) {
            return glyphs[start..<(start + target.count)]
        }
    }
    return nil
}

/// Whether two coordinates agree within `tolerance` points.
private func near(_ a: Double, _ b: Double, _ tolerance: Double = 1.0) -> Bool {
    abs(a - b) <= tolerance
}

@Suite struct PDFDocumentTests {
    // MARK: Reading the real fixtures

    @Test func pageCountsAndSizes() throws {
        let a = try open("changji-2024-a.pdf")
        #expect(a.pageCount == 10)
        let aPages = try a.textPages()
        #expect(aPages.count == 10)
        #expect(aPages.map(\.number) == Array(1...10))
        #expect(near(aPages[0].width, 595.304, 0.01))
        #expect(near(aPages[0].height, 841.890, 0.01))

        let b = try open("changji-2024-b.pdf")
        #expect(b.pageCount == 8)
        let bPages = try b.textPages()
        #expect(bPages.count == 8)
        #expect(near(bPages[0].width, 841.890, 0.01))
        #expect(near(bPages[0].height, 595.304, 0.01))

        let r1 = try open("changji-2025-r1.pdf")
        #expect(r1.pageCount == 10)
        #expect(try r1.textPages().count == 10)
    }

    @Test func knownGlyphsHaveTheirBoxes() throws {
        let page = try open("changji-2024-a.pdf").textPages()[0]
        // `pdftotext -bbox -f 1 -l 1`: <word xMin="253.3" yMin="150.93" xMax="305.8" yMax="164.58">化学检验员</word>
        let name = try #require(find("化学检验员", in: page))
        let first = try #require(name.first)
        let last = try #require(name.last)
        #expect(near(first.x0, 253.3))
        #expect(near(last.x1, 305.8))
        #expect(near(first.y0, 150.93))
        #expect(near(first.y1, 164.58))
        for glyph in name {
            #expect(near(glyph.x1 - glyph.x0, 10.5, 0.5))  // 10.5 pt CJK font, full-width
            #expect(near(glyph.y0, first.y0, 0.01))
        }
        // Row number 1: <word xMin="34.9" yMin="150.93" xMax="39.85" yMax="164.58">1</word>, left of the name.
        let one = try #require(page.glyphs.first { $0.scalar == "1" && $0.x0 < 50 && near($0.y0, 150.93) })
        #expect(near(one.x0, 34.9))
        #expect(near(one.x1, 39.85))
        #expect(near(one.y1, 164.58))
        // Code 6-24-03-03-05: <word xMin="152.6" yMin="326.93" xMax="219.68" yMax="340.58">
        let code = try #require(find("6-24-03-03-05", in: page))
        #expect(near(code.first!.x0, 152.6))
        #expect(near(code.last!.x1, 219.68))
        #expect(near(code.first!.y0, 326.93))
        // Origin top-left: the title (y ≈ 75) is above the first row (y ≈ 151).
        let title = try #require(find("昌吉州职业技能培训重点产业需求指导目录", in: page))
        #expect(near(title.first!.y0, 75.0))
        #expect(title.first!.y0 < first.y0)
    }

    @Test func glyphCountsMatchPdftotext() throws {
        // Non-whitespace characters of `pdftotext -f 1 -l 1` (963 and 1054) and of the whole of a (9538).
        let aPages = try open("changji-2024-a.pdf").textPages()
        #expect(aPages[0].glyphs.count == 963)
        #expect(aPages.reduce(0) { $0 + $1.glyphs.count } == 9538)
        let bPages = try open("changji-2024-b.pdf").textPages()
        #expect(bPages[0].glyphs.count == 1054)
    }

    @Test(arguments: ["changji-2024-a.pdf", "changji-2024-b.pdf", "changji-2025-r1.pdf"])
    func noWhitespaceAndSaneBoxes(name: String) throws {
        for page in try open(name).textPages() {
            #expect(!page.glyphs.isEmpty)
            for glyph in page.glyphs {
                #expect(!glyph.scalar.properties.isWhitespace, "whitespace glyph on page \(page.number)")
                #expect(glyph.scalar.value >= 0x21)
                #expect(glyph.scalar != "\u{FFFD}")
                #expect(glyph.x0 < glyph.x1 && glyph.y0 < glyph.y1)
                #expect(glyph.x0 >= 0 && glyph.x1 <= page.width && glyph.y0 >= 0 && glyph.y1 <= page.height)
            }
        }
    }

    @Test func everyPageHasItsTitleOrRowsInOrder() throws {
        let pages = try open("changji-2024-a.pdf").textPages()
        let text = pages.map { String(String.UnicodeScalarView($0.glyphs.map(\.scalar))) }
        #expect(text[0].hasPrefix("附件2昌吉州职业技能培训重点产业需求指导目录"))
        #expect(text.allSatisfy { $0.contains("序号") })  // header repeated on every page
        #expect(text.joined().contains("6-31-03-01化学检验员"))
    }

    // MARK: Layout fixtures (made by scripts/make-layout-fixtures)

    @Test func layoutNarrowWrapsCodesAndRepeatsTheHeader() throws {
        let pages = try open("layout-narrow.pdf").textPages()
        #expect(pages.count == 10)
        for page in pages {
            #expect(find("序号", in: page) != nil, "header on page \(page.number)")
        }
        // Row 6: `6-24-03-03-` / `05` (pdftotext -bbox: 180.7,320.8 and 201.5,335.3), the number 6 centred between.
        let page = pages[0]
        let head = try #require(find("6-24-03-03-", in: page))
        #expect(near(head.first!.x0, 180.7) && near(head.first!.y0, 320.8))
        let tail = try #require(page.glyphs.firstIndex { $0.scalar == "0" && near($0.x0, 201.5) && near($0.y0, 335.3) })
        #expect(page.glyphs[tail + 1].scalar == "5")
        let six = try #require(page.glyphs.first { $0.scalar == "6" && near($0.x0, 118.5) })
        #expect(six.y0 > head.first!.y0 && six.y0 < page.glyphs[tail].y0)
    }

    @Test func layoutHeaderOnceSplitsARowAcrossPages() throws {
        let pages = try open("layout-header-once.pdf").textPages()
        #expect(pages.count == 9)
        #expect(find("序号", in: pages[0]) != nil)
        #expect(pages.dropFirst().allSatisfy { find("序号", in: $0) == nil })
        // Row 145 starts at the foot of page 7; its rest (`渔业`, `元/人`, `元/人`) heads page 8, above row 146.
        #expect(try #require(find("145", in: pages[6])).first!.y0 > 750)
        let rest = try #require(find("渔业", in: pages[7]))
        let next = try #require(find("146", in: pages[7]))
        #expect(rest.first!.y0 < next.first!.y0)
        #expect(pages[7].glyphs.filter { $0.y0 < next.first!.y0 - 1 }.count == 2 + 3 + 3)
        #expect(find("-8-", in: pages[7]) != nil)
    }

    // MARK: Errors

    @Test func emptyFile() throws {
        let data = try bytes("bad/empty.pdf")
        #expect(data.isEmpty)
        let error = pdfError { _ = try PDFDocument(bytes: data, path: "bad/empty.pdf") }
        #expect(error?.kind == .empty)
        #expect(error?.path == "bad/empty.pdf")
    }

    @Test func notAPDF() throws {
        let data = try bytes("bad/not-a-pdf.pdf")
        let error = pdfError { _ = try PDFDocument(bytes: data, path: "bad/not-a-pdf.pdf") }
        #expect(error == PDFError(.notPDF, path: "bad/not-a-pdf.pdf", message: "not a PDF (no %PDF- header)"))
        #expect(error?.description == "bad/not-a-pdf.pdf: not a PDF (no %PDF- header)")
    }

    @Test func headerWithinFirstKilobyte() {
        let pdf = Array("%PDF-1.7".utf8)
        #expect(PDFDocument.hasPDFHeader(pdf))
        #expect(PDFDocument.hasPDFHeader([UInt8](repeating: 0x20, count: 1000) + pdf))
        #expect(!PDFDocument.hasPDFHeader([UInt8](repeating: 0x20, count: 1020) + pdf))
        #expect(!PDFDocument.hasPDFHeader(Array("%PDF".utf8)))
        #expect(!PDFDocument.hasPDFHeader(Array("%!PS-Adobe-3.0".utf8)))
    }

    @Test(arguments: ["bad/truncated.pdf", "bad/random-with-header.pdf"])
    func damaged(name: String) throws {
        let data = try bytes(name)
        let error = pdfError {
            let document = try PDFDocument(bytes: data, path: name)
            _ = try document.textPages()
        }
        #expect(error?.kind == .damaged)
        #expect(error?.description.hasPrefix("\(name): damaged PDF") == true)
    }

    @Test func encryptedWithoutPassword() throws {
        let data = try bytes("bad/encrypted.pdf")
        let error = pdfError { _ = try PDFDocument(bytes: data, path: "x.pdf") }
        #expect(error?.kind == .encrypted)
        #expect(error?.description == "x.pdf: encrypted PDF: give the password with --password")
    }

    @Test func encryptedWithWrongPassword() throws {
        let data = try bytes("bad/encrypted.pdf")
        let error = pdfError { _ = try PDFDocument(bytes: data, path: "x.pdf", password: "wrong") }
        #expect(error?.kind == .wrongPassword)
        #expect(error?.message.contains("password") == true)
    }

    @Test func encryptedWithRightPassword() throws {
        let document = try open("bad/encrypted.pdf", password: "mulu")
        #expect(document.pageCount == 10)
        let pages = try document.textPages()
        #expect(pages[0].glyphs.count == 963)
        #expect(find("化学检验员", in: pages[0]) != nil)
    }

    @Test func scannedHasNoTextLayer() throws {
        let document = try open("bad/scanned.pdf")
        #expect(document.pageCount == 1)
        let error = pdfError { _ = try document.textPages() }
        #expect(error?.kind == .noTextLayer)
        #expect(error?.message.contains("OCR") == true)
    }

    @Test func fontsWithoutUnicodeMapping() throws {
        let document = try open("bad/no-unicode-map.pdf")
        let error = pdfError { _ = try document.textPages() }
        #expect(error?.kind == .noUnicodeMapping)
        #expect(error?.description.hasPrefix("bad/no-unicode-map.pdf: ") == true)
    }

    @Test func ordinaryTextPDFWithoutTableReadsFine() throws {
        let pages = try open("bad/no-table.pdf").textPages()
        #expect(pages.count == 1)
        #expect(find("关于做好2024年职业技能培训工作的通知", in: pages[0]) != nil)
        #expect(find("This", in: pages[0]) != nil)
    }

    @Test func unmappedAndDroppedScalars() {
        #expect(PDFDocument.isDropped(" "))
        #expect(PDFDocument.isDropped("\n"))
        #expect(PDFDocument.isDropped("\u{00A0}"))
        #expect(PDFDocument.isDropped("\u{3000}"))
        #expect(!PDFDocument.isDropped("＊"))
        #expect(!PDFDocument.isDropped("化"))
        #expect(PDFDocument.isUnmapped("\u{FFFD}"))
        #expect(PDFDocument.isUnmapped("\u{E000}"))
        #expect(PDFDocument.isUnmapped("\u{01}"))
        #expect(!PDFDocument.isUnmapped("化"))
        #expect(!PDFDocument.isUnmapped("－"))
    }

    // MARK: Rendering

    /// A fresh empty folder for one test's output.
    private func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("mulu-pdf-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func renderWritesAPNGAndNoTempFile() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try open("changji-2024-a.pdf")
        let plain = folder.appendingPathComponent("page1.png").path
        let marked = folder.appendingPathComponent("page1-marked.png").path
        try document.renderPNG(page: 1, scale: 0.5, overlays: [], to: plain)
        let overlays = [
            PDFOverlay(x0: 253.3, y0: 150.9, x1: 305.8, y1: 164.6, red: 1, green: 0, blue: 0, alpha: 0.4,
                       lineWidth: 1, filled: true, label: "name"),
            PDFOverlay(x0: 20, y0: 100, x1: 575, y1: 180, red: 0, green: 0, blue: 1, alpha: 1,
                       lineWidth: 2, filled: false, label: nil),
        ]
        try document.renderPNG(page: 1, scale: 0.5, overlays: overlays, to: marked)
        // Rendering again over an existing file replaces it.
        try document.renderPNG(page: 1, scale: 0.5, overlays: overlays, to: marked)

        let png = try Data(contentsOf: URL(fileURLWithPath: plain))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: width and height, big-endian, at bytes 16..<24: ceil(595.3 / 2) × ceil(841.9 / 2).
        let header = Array(png[16..<24])
        let width = header[0..<4].reduce(0) { $0 << 8 | Int($1) }
        let height = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 298 && height == 421)
        let markedPNG = try Data(contentsOf: URL(fileURLWithPath: marked))
        #expect(Array(markedPNG.prefix(8)) == Array(png.prefix(8)))
        #expect(markedPNG != png)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["page1-marked.png", "page1.png"])
    }

    @Test func renderErrors() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try open("changji-2024-b.pdf")
        let target = folder.appendingPathComponent("p.png").path
        #expect(pdfError { try document.renderPNG(page: 0, scale: 1, overlays: [], to: target) }?.kind == .io)
        #expect(pdfError { try document.renderPNG(page: 9, scale: 1, overlays: [], to: target) }?.kind == .io)
        #expect(pdfError { try document.renderPNG(page: 1, scale: 0, overlays: [], to: target) }?.kind == .io)
        let missing = folder.appendingPathComponent("no/such/folder/p.png").path
        let error = pdfError { try document.renderPNG(page: 1, scale: 1, overlays: [], to: missing) }
        #expect(error?.kind == .io)
        #expect(error?.path == missing)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
