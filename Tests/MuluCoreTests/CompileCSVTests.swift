import Testing
@testable import MuluSupport
@testable import MuluModel
@testable import MuluExtract
@testable import MuluTable
@testable import MuluEntries
@testable import MuluOutput
@testable import MuluDiff
@testable import MuluPipeline

@Suite("Compile: catalogue.csv")
struct CompileCSVTests {
    static let header = "seq,table,industry,code,name,"
        + "training_levels,training_amount_yuan,training_amounts,training_any_of,training_up_to,training_note,training_text,"
        + "assessment_levels,assessment_amount_yuan,assessment_amounts,assessment_any_of,assessment_up_to,assessment_note,assessment_text,"
        + "urgent\r\n"

    @Test func twoEntryCatalogueBytesAreExact() {
        let text = String(decoding: CatalogueCSV.encode(CompileSamples.twoEntries, byteOrderMark: false), as: UTF8.self)
        let expected = Self.header
            + "1,0,制造业,6-31-03-01,化学检验员,初级|中级,2160,初级:2160|中级:2160,false,false,,初级、中级：2160元/人,"
            + "初级|中级,160,初级:160|中级:160,true,false,,初级或中级：160元/人,true\r\n"
            + "2,0,建筑业,6-24-02-01-*,电焊工,,,,,,,,初级|中级,160,初级:160|中级:160,true,false,,初级或中级：160元/人,false\r\n"
        #expect(text == expected)
    }

    @Test func byteOrderMarkOnlyWhenAsked() {
        let plain = CatalogueCSV.encode(CompileSamples.twoEntries, byteOrderMark: false)
        let marked = CatalogueCSV.encode(CompileSamples.twoEntries, byteOrderMark: true)
        #expect(Array(plain.prefix(3)) == Array("seq".utf8))
        #expect(Array(marked.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Array(marked.dropFirst(3)) == plain)
    }

    @Test func quotesOnlyFieldsThatNeedIt() {
        let text = String(decoding: CatalogueCSV.encode(CompileSamples.awkward, byteOrderMark: false), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[1] == #"1,0,"制造业,化工",6-30-99-00,"工业机器人""系统""操作员",高级|技师|高级技师,0,高级:0|技师:0|高级技师:0,false,false,,高级、技师、高级技师：0元/人,,,,,,,,true"#)
        // A field holding LF is quoted; tab, backslash, slash and a control character are not special.
        #expect(text.contains("2,0,服务业,5-02-01-00-01,\"back\\slash / 斜杠\n换行\t制表\u{1}\",,,,,,,,,,,,,,,false\r\n"))
        #expect(lines[5] == "5,0,农业,5,农林牧渔,,,,,,,,,,,,,,,false")
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.hasSuffix("\r\n\r\n"))
    }

    @Test func everyRecordHasTwentyFields() throws {
        let text = String(decoding: CatalogueCSV.encode(CompileSamples.many(300), byteOrderMark: false), as: UTF8.self)
        let records = text.split(separator: "\r\n")
        #expect(records.count == 301)
        for record in records {
            #expect(record.split(separator: ",", omittingEmptySubsequences: false).count == 20)
        }
        #expect(CatalogueCSV.columns.count == 20)
    }

    @Test func deterministic() {
        let c = CompileSamples.awkward
        #expect(CatalogueCSV.encode(c, byteOrderMark: true) == CatalogueCSV.encode(c, byteOrderMark: true))
    }
}

/// A notice of two tables whose extra columns differ (备注 in 附件1, 说明 in 附件2): the CSV, the
/// Table Schema, the workbook's rows and catalogue.json carry both, in a stable order.
@Suite("Compile: extra columns of several tables")
struct SeveralTablesExtraTests {
    static let notice = fixture("variants/mix-two-tables-other-extras.txt")

    @Test func csvHasTheExtraColumnsOfEveryTable() throws {
        let catalogue = try CatalogueLoader.load(path: Self.notice)
        #expect(catalogue.tables.map { $0.columns?.last?.header } == ["备注", "说明"])
        #expect(catalogue.extraHeaders == ["备注", "说明"])
        let lines = String(decoding: CatalogueCSV.encode(catalogue, byteOrderMark: false), as: UTF8.self).components(separatedBy: "\r\n")
        // `\r\n` is one Character.
        #expect(lines[0] == CompileCSVTests.header.dropLast() + ",备注,说明")
        // 附件1 row 4 has 备注 新增; 附件2 row 3 (seq 3 of table 1) has 说明 调整.
        #expect(lines[4].hasPrefix("4,0,") && lines[4].hasSuffix(",true,新增,"), "\(lines[4])")
        let second = lines.first { $0.hasPrefix("3,1,") }
        #expect(second?.hasSuffix(",true,,调整") == true || second?.hasSuffix(",false,,调整") == true, "\(second ?? "none")")
        guard case .object(let schema) = DataPackage.tableSchema(for: catalogue), case .array(let fields)? = schema["fields"] else {
            Issue.record("no fields in the Table Schema")
            return
        }
        let names = fields.compactMap { field -> String? in
            if case .object(let f) = field, case .string(let name)? = f["name"] { name } else { nil }
        }
        #expect(Array(names.suffix(2)) == ["备注", "说明"], "\(names)")
    }

    @Test func tableColumnsRoundTripThroughCatalogueJSON() throws {
        let catalogue = try CatalogueLoader.load(path: Self.notice)
        let decoded = try CatalogueJSON.decode(CatalogueJSON.encode(catalogue, schemaRef: nil))
        #expect(decoded.tables == catalogue.tables)
        #expect(decoded.extraHeaders == ["备注", "说明"])
    }

    @Test func oneTablePickedHasItsOwnColumnsOnly() throws {
        let second = try CatalogueLoader.loadDetailed(path: Self.notice).selectingTable("2")
        #expect(second.catalogue.tables.count == 1 && second.catalogue.tables[0].columns == nil)
        #expect(second.catalogue.extraHeaders == ["说明"])
    }
}
