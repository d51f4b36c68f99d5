import Foundation
import Testing
@testable import MuluSupport
@testable import MuluModel
@testable import MuluExtract
@testable import MuluTable
@testable import MuluEntries
@testable import MuluOutput
@testable import MuluDiff
@testable import MuluPipeline

/// Delimited text is read in parts on several cores; reading in any number of parts must give
/// exactly what reading in one part gives.
@Suite struct ParallelReadTests {
    static let delimited = [
        "changji-2024.txt", "changji-2025-r1.txt", "text/cr.txt", "text/crlf.txt", "text/fullwidth.txt",
        "text/gb18030.txt", "text/ideographic-space.txt", "text/padded.txt", "text/repeated-header.txt",
        "text/tabs.txt", "text/utf16be-bom.txt", "text/utf16le-bom.txt", "text/utf8-bom.txt",
    ]

    func parse(_ bytes: [UInt8], parts: Int) throws -> ParsedNotice {
        try NoticeParser.parseText(bytes, path: "notice.txt", readerParts: parts)
    }

    @Test(arguments: delimited)
    func fixtureReadInPartsIsReadInOne(_ name: String) throws {
        let bytes = [UInt8](FileManager.default.contents(atPath: fixture(name))!)
        let one = try parse(bytes, parts: 1)
        #expect(one.entries.count == 177 || one.entries.count == 177 - 2 + 2)
        for parts in [2, 3, 7, 40, 1000] {
            let many = try parse(bytes, parts: parts)
            #expect(many.entries == one.entries, "\(name) in \(parts) parts")
            #expect(many.diagnostics == one.diagnostics, "\(name) in \(parts) parts")
        }
    }

    /// Merged industry cells (printed once per industry) filled down across every part boundary,
    /// and rows before the first industry reported once, whatever the parts.
    @Test func mergedIndustriesAcrossPartBoundaries() throws {
        let text = String(decoding: FileManager.default.contents(atPath: fixture("changji-2024.txt"))!, as: UTF8.self)
        var previous = ""
        var rows = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let cells = line.split(separator: " ").map(String.init)
            guard cells.count >= 5, Int(cells[0]) != nil else { return String(line) }
            rows += 1
            // The first three rows have no industry at all; later rows print it once per run.
            if rows <= 3 || cells[1] == previous { return ([cells[0]] + cells[2...]).joined(separator: " ") }
            previous = cells[1]
            return String(line)
        }
        let bytes = Array(lines.joined(separator: "\n").utf8)
        let one = try parse(bytes, parts: 1)
        #expect(one.entries.count == 177)
        #expect(one.entries[0...2].allSatisfy { $0.industry == nil })
        #expect(one.entries[3...].map(\.industry) == reference2024.entries[3...].map(\.industry))
        #expect(one.diagnostics.filter { $0.message.contains("has no industry") }.map(\.seq) == [1, 2, 3])
        for parts in 2...60 {
            let many = try parse(bytes, parts: parts)
            #expect(many.entries == one.entries, "\(parts) parts")
            #expect(many.diagnostics == one.diagnostics, "\(parts) parts")
        }
    }
}

/// A part boundary may fall anywhere, even on the wrapped rest of a row's name or industry (a
/// continuation line) or on a section heading: the notice read in any number of parts, up to
/// one part per line (every line a boundary), gives what the sequential read gives; a row that
/// says "same as above" first in its part takes the row above from the part before.
@Suite struct ParallelBoundaryTests {
    static let wrapped = [
        "names-wrapped", "industry-wrapped", "mix-wrapped-name-star", "mix-dense-wrapped-names", "mix-industry-wrapped-tabs",
        "sections-restarting", "mix-sections-paren-restart-notes", "mix-two-tables-sections", "mix-notice-pages",
        // `同上` / `〃` in a part's first row takes the previous part's last row.
        "same-as-above-spaces", "same-as-above-tabs",
    ]

    @Test(arguments: wrapped)
    func continuationAtEveryBoundary(_ name: String) throws {
        let bytes = [UInt8](FileManager.default.contents(atPath: fixture("variants/\(name).txt"))!)
        let one = try NoticeParser.parseText(bytes, path: "notice.txt", readerParts: 1)
        #expect(one.entries.count == 40)
        #expect(one.diagnostics.filter { $0.severity == .error }.isEmpty)
        let lines = bytes.filter { $0 == 0x0A }.count + 1
        for parts in Array(2...12) + [lines / 2, lines] {
            let many = try NoticeParser.parseText(bytes, path: "notice.txt", readerParts: parts)
            #expect(many.entries == one.entries, "\(name) in \(parts) parts")
            #expect(many.diagnostics == one.diagnostics, "\(name) in \(parts) parts")
        }
    }
}
