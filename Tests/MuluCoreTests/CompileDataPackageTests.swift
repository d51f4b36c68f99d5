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

@Suite("Compile: datapackage.json and index.json")
struct CompileDataPackageTests {
    func package(_ c: Catalogue = CompileSamples.twoEntries, bom: Bool = false) throws -> (NSDictionary, [UInt8], [UInt8]) {
        let csv = CatalogueCSV.encode(c, byteOrderMark: bom)
        let bytes = DataPackage.encode(catalogue: c, metadata: CompileSamples.metadata, csvName: "catalogue.csv",
                                       csvBytes: csv, jsonName: "catalogue.json", byteOrderMark: bom)
        let object = try JSONSerialization.jsonObject(with: Data(bytes)) as! NSDictionary
        return (object, bytes, csv)
    }

    @Test func describesThePackage() throws {
        let (p, _, _) = try package()
        #expect(p["profile"] as? String == "tabular-data-package")
        #expect(p["name"] as? String == "changji-2024")
        #expect(p["title"] as? String == "昌吉州职业技能培训重点产业需求指导目录")
        #expect((p["description"] as? String)?.contains("共2条") == true)
        let licence = try #require((p["licenses"] as? [NSDictionary])?.first)
        #expect(licence["name"] as? String == "CC-BY-4.0")
        #expect(licence["title"] as? String == "Creative Commons Attribution 4.0")
        #expect(licence["path"] as? String == "https://creativecommons.org/licenses/by/4.0/")
        let source = try #require((p["sources"] as? [NSDictionary])?.first)
        #expect(source["title"] as? String == "昌吉州人力资源和社会保障局")
        #expect(source["path"] as? String == "https://example.org/notice.html")
        #expect(source["file"] as? String == "notice.txt")
        #expect(source["sha256"] as? String == String(repeating: "ab", count: 32))
        #expect((p["mulu"] as? NSDictionary)?["catalogue"] as? String == "catalogue.json")
    }

    @Test func describesTheCSV() throws {
        let (p, _, csv) = try package()
        let resources = try #require(p["resources"] as? [NSDictionary])
        #expect(resources.count == 1)
        let r = resources[0]
        #expect(r["name"] as? String == "catalogue")
        #expect(r["path"] as? String == "catalogue.csv")
        #expect(r["profile"] as? String == "tabular-data-resource")
        #expect(r["format"] as? String == "csv")
        #expect(r["mediatype"] as? String == "text/csv")
        #expect(r["encoding"] as? String == "utf-8")
        #expect(r["bytes"] as? Int == csv.count)
        #expect(r["hash"] as? String == "sha256:" + Checksum.hex(csv))
        let dialect = try #require(r["dialect"] as? NSDictionary)
        #expect(dialect["lineTerminator"] as? String == "\r\n")
        #expect(dialect["delimiter"] as? String == ",")
        let schema = try #require(r["schema"] as? NSDictionary)
        #expect(schema["primaryKey"] as? [String] == ["seq"])
        let fields = try #require(schema["fields"] as? [NSDictionary])
        #expect(fields.map { $0["name"] as? String } == CatalogueCSV.columns)
        let types = Dictionary(uniqueKeysWithValues: fields.map { ($0["name"] as! String, $0["type"] as! String) })
        #expect(types["seq"] == "integer" && types["training_amount_yuan"] == "integer" && types["assessment_amount_yuan"] == "integer")
        #expect(types["urgent"] == "boolean" && types["training_any_of"] == "boolean" && types["assessment_any_of"] == "boolean")
        #expect(types["code"] == "string" && types["training_levels"] == "string")
        let required = fields.filter { (($0["constraints"] as? NSDictionary)?["required"] as? Bool) == true }.map { $0["name"] as! String }
        // industry and urgent are empty when the catalogue has no such column (schemaVersion 2).
        #expect(required == ["seq", "table", "code", "name"])
    }

    @Test func byteOrderMarkIsDeclared() throws {
        let (p, _, csv) = try package(bom: true)
        let r = try #require((p["resources"] as? [NSDictionary])?.first)
        #expect(r["encoding"] as? String == "utf-8-sig")
        #expect(r["bytes"] as? Int == csv.count)
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func codePatternAdmitsEveryPublishedShape() throws {
        let pattern = try NSRegularExpression(pattern: DataPackage.codePattern)
        func matches(_ s: String) -> Bool {
            pattern.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
        }
        for code in ["6", "6-24", "6-24-03", "6-24-03-01", "6-24-03-01-05", "6-24-02-01-*", "6-30-99-00", "5-02-01-00-01"] {
            #expect(matches(code), "\(code)")
        }
        for code in ["", "6-", "6-2", "6-24-03-01-05-01", "６-24", "6-24-*-01", "6－24", "6-24-03-01-**", "-24", "x"] {
            #expect(!matches(code), "\(code)")
        }
    }

    @Test func codePatternAdmitsEveryCodeInTheFixtures() throws {
        let pattern = try NSRegularExpression(pattern: DataPackage.codePattern)
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        var codes = 0
        for name in ["changji-2024.txt", "changji-2025-r1.txt"] {
            let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let cells = line.split(separator: " ")
                guard cells.count >= 4, Int(cells[0]) != nil else { continue }
                let code = String(cells[2])
                #expect(pattern.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil, "\(name): \(code)")
                codes += 1
            }
        }
        #expect(codes >= 177 * 2 - 4)
    }

    @Test func levelsPatternAdmitsJoinedLevels() throws {
        let pattern = try NSRegularExpression(pattern: DataPackage.levelsPattern)
        func matches(_ s: String) -> Bool { pattern.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil }
        #expect(matches("初级") && matches("初级|中级") && matches("高级|技师|高级技师"))
        #expect(!matches("初级、中级") && !matches("初级|") && !matches("五级"))
    }

    /// The primary key: row numbers that only increase are unique without a set; numbers out
    /// of order but unique still key the rows; a number listed again under another section
    /// heading (no industry column) is keyed with the industry; else it stays a violation.
    @Test func primaryKeyFromTheRowNumbers() {
        func catalogue(_ seqs: [Int], tables: [Int]? = nil, industries: [String]? = nil) -> Catalogue {
            Catalogue(
                title: "t", source: .init(file: "n.txt", sha256: String(repeating: "ab", count: 32), format: .text),
                entries: seqs.enumerated().map { i, seq in
                    Entry(seq: seq, table: tables?[i] ?? 0, industry: industries?[i] ?? "制造业", code: "6-31-03-01",
                          name: "工\(i)", training: nil, assessment: nil, urgent: nil)
                },
                diagnostics: [],
                columns: industries == nil ? [] : [.init(header: "序号", field: "seq"), .init(header: "职业", field: "name")],
                tables: tables == nil ? [] : [.init(label: "附件1", title: nil), .init(label: "附件2", title: nil)])
        }
        #expect(DataPackage.primaryKey(catalogue([1, 2, 3, 7])) == ["seq"])
        #expect(DataPackage.primaryKey(catalogue([3, 1, 2])) == ["seq"])
        #expect(DataPackage.primaryKey(catalogue([1, 2, 1, 2], tables: [0, 0, 1, 1])) == ["table", "seq"])
        #expect(DataPackage.primaryKey(catalogue([1, 2, 2, 1], tables: [0, 1, 1, 0])) == ["table", "seq"])
        #expect(DataPackage.primaryKey(catalogue([1, 2, 1, 2], industries: ["制造业", "制造业", "建筑业", "建筑业"]))
                == ["table", "industry", "seq"])
        #expect(DataPackage.primaryKey(catalogue([1, 2, 2], industries: ["制造业", "制造业", "制造业"])) == ["seq"])
    }

    @Test func deterministic() throws {
        let (_, a, _) = try package(CompileSamples.awkward)
        let (_, b, _) = try package(CompileSamples.awkward)
        #expect(a == b)
        #expect(a.last == 0x0A)
    }

    @Test func indexIsSortedAndExact() {
        let bytes = CatalogueIndex.encode([
            .init(id: "changji-2025", title: "B", year: 2025, entryCount: 177, files: ["catalogue.json", "Changji2025.swift", "catalogue.csv"]),
            .init(id: "changji-2024", title: "A", year: 2024, entryCount: 1, files: []),
        ])
        let expected = """
            {
              "catalogues": [
                {
                  "entryCount": 1,
                  "files": [],
                  "id": "changji-2024",
                  "title": "A",
                  "year": 2024
                },
                {
                  "entryCount": 177,
                  "files": [
                    "Changji2025.swift",
                    "catalogue.csv",
                    "catalogue.json"
                  ],
                  "id": "changji-2025",
                  "title": "B",
                  "year": 2025
                }
              ]
            }

            """
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }
}
