import Foundation
import Testing
import MuluModel
@testable import MuluExtract
@testable import MuluPDF
@testable import MuluTable
@testable import MuluPipeline

/// Pages printed sideways and turned upright by `/Rotate 90` or `/Rotate 270`
/// (`scripts/make-rotated-fixtures`): their content is drawn a quarter turn round on a MediaBox of
/// swapped sides. poppler-glib gives their size (`poppler_page_get_size`), text boxes
/// (`poppler_page_get_text_layout`) and drawing (`poppler_page_render`) all in the displayed space,
/// so the glyphs and the rules share it and the pages read exactly as the upright source pages.
@Suite struct RotatedPageTests {
    /// Each rotated fixture, the fixture it was made from, and the `/Rotate` of each of its pages.
    static let cases: [(String, String, [Int])] = [
        ("rotated-90-changji-2024-a.pdf", "changji-2024-a.pdf", Array(repeating: 90, count: 10)),
        ("rotated-270-changji-2024-a.pdf", "changji-2024-a.pdf", Array(repeating: 270, count: 10)),
        ("rotated-90-merged-centre.pdf", "layout-merged-centre.pdf", Array(repeating: 90, count: 6)),
        ("rotated-mixed-merged-centre.pdf", "layout-merged-centre.pdf", [0, 90, 0, 90, 270, 0]),
    ]

    /// A fixture's bytes.
    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixture(name))))
    }

    /// The `/Rotate` values written in a file, in order (pypdf writes one per page object, in
    /// page order, and none on an unturned page).
    static func rotations(_ bytes: [UInt8]) -> [Int] {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.matches(of: /\/Rotate (\d+)/).map { Int($0.1)! }
    }

    /// The fixtures really are turned: a MediaBox of swapped sides under each `/Rotate`.
    @Test(arguments: cases)
    func fixtureIsTurned(_ rotated: String, _ source: String, _ turns: [Int]) throws {
        #expect(Self.rotations(try Self.bytes(rotated)) == turns.filter { $0 != 0 })
        let text = String(decoding: try Self.bytes(rotated), as: UTF8.self)
        let landscape = text.matches(of: /\/MediaBox \[ 0\.0 0\.0 841\.889763779528 595\.303937007874 \]/).count
        #expect(landscape == turns.filter { $0 != 0 }.count)
    }

    /// Each page's size and every glyph's scalar and box are the source page's, to the last bit:
    /// poppler gives the size and the text layout of a turned page in its displayed space.
    @Test(arguments: cases)
    func glyphBoxesAreInTheDisplayedSpace(_ rotated: String, _ source: String, _ turns: [Int]) throws {
        let turned = try PDFDocument(bytes: Self.bytes(rotated), path: rotated).textPages()
        let upright = try PDFDocument(bytes: Self.bytes(source), path: source).textPages()
        #expect(turned.count == turns.count && upright.count == turns.count)
        for (a, b) in zip(turned, upright) {
            #expect(a.number == b.number)
            #expect(a.width == b.width && a.height == b.height, "page \(a.number)")
            #expect(a.width < a.height, "page \(a.number) is displayed portrait")
            #expect(a.glyphs.count > 100, "page \(a.number)")
            #expect(a.glyphs == b.glyphs, "page \(a.number)")
        }
    }

    /// The grey render the rule finder reads is the upright page, pixel for pixel:
    /// `poppler_page_render` applies the page's `/Rotate` itself.
    @Test(arguments: cases)
    func greyRenderIsUpright(_ rotated: String, _ source: String, _ turns: [Int]) throws {
        let turned = try PDFDocument(bytes: Self.bytes(rotated), path: rotated)
        let upright = try PDFDocument(bytes: Self.bytes(source), path: source)
        let scale = GridSettings().renderScale
        for page in 1...turns.count {
            let a = try turned.renderGrey(page: page, scale: scale)
            let b = try upright.renderGrey(page: page, scale: scale)
            #expect(a.width == b.width && a.height == b.height && a.width < a.height, "page \(page)")
            #expect(a.pixels == b.pixels, "page \(page)")
        }
    }

    /// Read through the whole pipeline, a turned file gives the entries of its source in every
    /// field (and so the reference entries), by the same method, with the same rows, grids,
    /// rules and diagnostics.
    @Test(arguments: cases)
    func entriesAreTheUprightOnes(_ rotated: String, _ source: String, _ turns: [Int]) throws {
        let turned = try parseFixture(rotated)
        let upright = try parseFixture(source)
        #expect(turned.entries.count == 177)
        #expect(turned.entries == upright.entries)
        #expect(turned.entries == reference2024.entries)
        #expect(turned.diagnostics == upright.diagnostics)
        #expect(turned.title == upright.title)
        #expect(turned.rows == upright.rows)
        let a = try #require(turned.recovery), b = try #require(upright.recovery)
        #expect(a.method == b.method)
        #expect(a.grids == b.grids)
        #expect(a.unplaced == b.unplaced)
        #expect(a.streamRows == b.streamRows)
    }

    /// `mulu extract --png` draws turned pages upright: the same PNG bytes as the source's pages,
    /// overlays and all.
    @Test(arguments: [cases[1], cases[3]])
    func pngPagesAreUpright(_ rotated: String, _ source: String, _ turns: [Int]) throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("mulu-rotated-\(getpid())-\(rotated)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        var images: [[Data]] = []
        for (name, folder) in [(rotated, "\(base)/turned"), (source, "\(base)/upright")] {
            let parsed = try parseFixture(name)
            let written = try TableDrawing.drawPages(
                parsed, bytes: Self.bytes(name), path: name, password: nil, into: folder, scale: 1.5)
            #expect(written.count == turns.count)
            images.append(try written.map { try Data(contentsOf: URL(fileURLWithPath: $0)) })
        }
        #expect(images[0].count == turns.count)
        for page in 0..<turns.count {
            #expect(images[0][page] == images[1][page], "page \(page + 1)")
        }
    }

    /// A page displayed sideways (`/Rotate 90` over upright content: its lines run top to
    /// bottom) is not read, and not silently: every row that differs from the reference or is
    /// missing is named by a diagnostic, the wrong ones by an error, so no catalogue is written
    /// without `--allow-errors`. The other pages read exactly.
    @Test func sidewaysPageIsReportedNotMisread() throws {
        let parsed = try parseFixture("rotated-sideways-changji-2024-a.pdf")
        let pages = try PDFDocument(bytes: Self.bytes("rotated-sideways-changji-2024-a.pdf"), path: "s").textPages()
        #expect(pages[2].width > pages[2].height && pages[1].width < pages[1].height)
        let reference = Dictionary(uniqueKeysWithValues: reference2024.entries.map { ($0.seq, $0) })
        let wrong = parsed.entries.filter { reference[$0.seq] != $0 }.map(\.seq)
        let read = Set(parsed.entries.map(\.seq))
        let missing = reference2024.entries.map(\.seq).filter { !read.contains($0) }
        #expect(wrong == [38, 3])  // 38 runs from page 2 onto page 3; 3 is made of page 3's columns
        #expect(missing == Array(39...57))  // page 3's rows
        let errors = Set(parsed.diagnostics.filter { $0.severity == .error }.compactMap(\.seq))
        #expect(wrong.allSatisfy { errors.contains($0) })
        // The missing rows are named by the gap in the row numbers after the misread row 3.
        #expect(parsed.diagnostics.contains { $0.seq == 58 && $0.message == "row number 58 skips 4…57" })
    }

    /// The sideways page gets one diagnostic of its own, an error naming the page and saying its
    /// text runs sideways (so nothing is written without `--allow-errors`); a page turned upright
    /// by its `/Rotate`, or never turned, gets none.
    @Test func sidewaysPageHasOnePageLevelError() throws {
        let parsed = try parseFixture("rotated-sideways-changji-2024-a.pdf")
        let pageLevel = parsed.diagnostics.filter { $0.line == nil && $0.message.contains("sideways") }
        #expect(pageLevel == [Diagnostic(
            .error, "the text of page 3 runs sideways (the page is displayed turned a quarter, its lines running top "
                + "to bottom): its rows cannot be read", page: 3)])
        let settings = TableSettings.pdf(emSize: TableSettings.defaultEmSize)
        let sideways = try PDFDocument(bytes: Self.bytes("rotated-sideways-changji-2024-a.pdf"), path: "s").textPages()
        #expect(PDFSource.sidewaysPages(sideways, settings: settings) == [3])
        for name in Self.cases.map(\.0) + ["changji-2024-a.pdf", "layout-merged-centre.pdf", "changji-2024-c.pdf"] {
            let pages = try PDFDocument(bytes: Self.bytes(name), path: name).textPages()
            #expect(PDFSource.sidewaysPages(pages, settings: settings) == [], "\(name)")
            #expect(!(try parseFixture(name)).diagnostics.contains { $0.message.contains("runs sideways") }, "\(name)")
        }
    }
}
