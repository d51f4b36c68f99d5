import MuluSupport
import MuluModel
import MuluOutput
import Foundation
import CSV

/// A mapping from old classification codes to new ones, applied to the old catalogue before
/// matching, for when the national classification renumbers occupations.
///
/// The file is CSV in UTF-8 (a BOM is allowed), any line ending:
///
/// ```
/// oldCode,newCode
/// 6-24-03-03-05,6-24-09-01-05
/// 6-24-02-01-*,6-24-09-02-*
/// ```
///
/// The first non-blank line is the header and is required (its text is not checked beyond not
/// being a code pair). Each further non-blank line holds exactly two codes; surrounding spaces are ignored
/// and a field may be quoted (`"6-24-03-03-05"`); lines starting with `#` are comments. Codes map exactly (a wildcard
/// code such as `6-24-02-01-*` maps only that code), and mappings are not chained. Mapping one old
/// code to two different new codes is an error.
public struct Crosswalk: Hashable, Sendable {
    /// New code by old code.
    public private(set) var newCodeByOldCode: [String: String]

    public init(_ newCodeByOldCode: [String: String] = [:]) {
        self.newCodeByOldCode = newCodeByOldCode
    }

    /// The code `code` maps to, or `code` itself when the crosswalk does not mention it.
    public func map(_ code: String) -> String { newCodeByOldCode[code] ?? code }

    /// True when the crosswalk maps no code.
    public var isEmpty: Bool { newCodeByOldCode.isEmpty }

    /// Parses crosswalk CSV text. Errors name `file` and the 1-based line.
    public init(csv text: String, file: String) throws {
        var map: [String: String] = [:]
        var sawHeader = false
        var lineNumber = 0
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for rawLine in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = try Crosswalk.cells(of: line, lineNumber: lineNumber, file: file)
            if !sawHeader {
                sawHeader = true
                if cells.count == 2, CodeSyntax.isWellFormed(cells[0]), CodeSyntax.isWellFormed(cells[1]) {
                    throw MuluError(
                        file: file, problem: "line \(lineNumber): missing header line \"oldCode,newCode\"")
                }
                continue
            }
            guard cells.count == 2, !cells[0].isEmpty, !cells[1].isEmpty else {
                throw MuluError(
                    file: file,
                    problem: "line \(lineNumber): expected two codes \"oldCode,newCode\", found \"\(line)\"")
            }
            for cell in cells where !CodeSyntax.isWellFormed(cell) {
                throw MuluError(file: file, problem: "line \(lineNumber): \"\(cell)\" is not a classification code")
            }
            if let existing = map[cells[0]], existing != cells[1] {
                throw MuluError(
                    file: file,
                    problem: "line \(lineNumber): \(cells[0]) is mapped both to \(existing) and to \(cells[1])")
            }
            map[cells[0]] = cells[1]
        }
        if !sawHeader {
            throw MuluError(file: file, problem: "empty crosswalk: expected a header line \"oldCode,newCode\"")
        }
        self.init(map)
    }

    /// Reads and parses the crosswalk file at `path`.
    public static func load(path: String) throws -> Crosswalk {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw MuluError(file: path, problem: "no such file")
        }
        if isDirectory.boolValue { throw MuluError(file: path, problem: "is a folder, not a crosswalk CSV file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MuluError(file: path, problem: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw MuluError(file: path, problem: "not UTF-8 text")
        }
        return try Crosswalk(csv: text, file: path)
    }

    /// The cells of one CSV line, read by CSV.swift (quoted fields may hold commas), blanks
    /// around each trimmed.
    static func cells(of line: String, lineNumber: Int, file: String) throws -> [String] {
        do {
            let reader = try CSVReader(string: line, hasHeaderRow: false, trimFields: true)
            return reader.next()?.map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        } catch {
            throw MuluError(file: file, problem: "line \(lineNumber): not a CSV line: \(error)")
        }
    }
}
