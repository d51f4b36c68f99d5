import MuluModel
import MuluOCR
import MuluTable

/// What a column's cells may hold: the characters OCR may read there, how the cell is laid
/// out, and the grammar a reading must follow. A reading that breaks it is doubtful.
public struct ColumnGrammar: Sendable, Hashable {
    /// The column's field (nil: a column mulu has no field for, read without limits).
    public var field: TableField?
    /// The characters Tesseract may read in the column (`tessedit_char_whitelist`; empty: any).
    public var whitelist: String
    /// How the cell's text is laid out.
    public var layout: OCREngine.Layout
    /// Read by the digit engine (`ScanSettings.digitOCR`), not the Chinese one.
    public var digits: Bool
    /// How a cell is prepared for its readings when they are voted on (`ScanPageReader.voted`).
    public var preparations: [CellImage.Preparation] = [.bolder, .smoothed, .bolderSmoothed, .smaller, .bolderSmaller, .smallerMedian, .smoothedBinarised]
    /// The layouts each prepared cell is read in when voted on.
    public var layouts: [OCREngine.Layout]

    /// The grammar of `field`'s column.
    public init(_ field: TableField?) {
        self.field = field
        digits = field == .seq || field == .code || field == .urgent
        switch field {
        case .seq?:
            whitelist = "0123456789"
            layout = .line
        case .code?:
            whitelist = "0123456789-*"
            layout = .block
        case .training?, .assessment?:
            whitelist = Self.subsidyCharacters
            layout = .block
        case .urgent?:
            // A mark is small: drawn larger too, and read as a line and as one character.
            whitelist = "*"
            layout = .line
            preparations = [.bolderBinarised, .smoothedBinarised, .smallerMedian, .smoothed, .larger]
        case .industry?, .name?, nil:
            whitelist = ""
            layout = .block
        }
        layouts = field == .urgent ? [.line, .character] : [layout]
    }

    /// The urgency marks the Chinese model may read where the digit model read none.
    public static let urgencyMarks = "是否√✓★●■▲*＊"

    /// The characters a subsidy cell is written with: level names and their grades (五级 …
    /// 一级), the words of alternatives, caps and notes (`（含教材费）`), digits, the
    /// yuan-per-person unit, the punctuation between them, and the marks of none (`无`, `—`, `/`).
    public static let subsidyCharacters = "初中高级工技师或和及、，,：:；;元/人0123456789（）()最不超过含按实际发生费用五四三二一教材无—-"

    /// Why `text` (a whole cell, wrapped lines joined, blanks removed) breaks the column's
    /// grammar, or nil when it fits. An empty cell fits (whether it may be empty is the
    /// entry builder's question).
    public func problem(_ text: String) -> String? {
        guard !text.isEmpty else { return nil }
        switch field {
        case .seq?:
            return RowNumber.parse(text) == nil ? "a row number is digits" : nil
        case .code?:
            let code = String(String.UnicodeScalarView(text.unicodeScalars.map { CodeSyntax.isDash($0) ? "-" : $0 }))
            guard CodeSyntax.isWellFormed(code) else { return "a code is digits-digits… (or * for the last part)" }
            return CodeSyntax.isNational(code) ? nil : "a code starts with a major group, 1 to 8"
        case .training?, .assessment?:
            // (A mark of none, `无`, `—`, `/`, fits: the entry builder reads it as no subsidy.)
            return SubsidyParser.parse(text) == nil && !SubsidyParser.noneMarks.contains(text) ? "not a subsidy (levels：amount元/人)" : nil
        case .urgent?:
            return UrgencyMark.read(text) == nil ? "not an urgency mark" : nil
        case .name?:
            return text.unicodeScalars.allSatisfy(Self.isNameScalar) ? nil : "a name is Chinese characters"
        case .industry?:
            return text.unicodeScalars.allSatisfy({ Self.isNameScalar($0) || CodeSyntax.isDash($0) || $0 == "、" })
                ? nil : "an industry is Chinese characters"
        case nil:
            return nil
        }
    }

    /// Angle brackets OCR reads for the full-width parentheses of names and headers
    /// (`职业〈工种)代码`) put back: no catalogue name or header uses angle brackets.
    public static func confusablesFixed(_ text: String, _ field: TableField?) -> String {
        guard field == nil || field == .name || field == .industry else { return text }
        guard text.unicodeScalars.contains(where: { "〈〉《》<>".unicodeScalars.contains($0) }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { s -> Unicode.Scalar in
            switch s {
            case "〈", "《", "<": "（"
            case "〉", "》", ">": "）"
            default: s
            }
        }))
    }

    /// The confidence of a reading: its least sure symbol's, leaving out punctuation whose
    /// half- and full-width forms mean the same (`:` or `：`, which OCR is rightly unsure of).
    public static func confidence(_ text: OCRText) -> Double {
        text.symbols.filter { !widthVariants.contains($0.text) }.map(\.confidence).min() ?? 100
    }

    /// Punctuation read the same in either width.
    static let widthVariants: Set<String> = [":", "：", ";", "；", ",", "，", "(", ")", "（", "）"]

    /// A CJK ideograph, or the brackets and middle dot a name may hold.
    static func isNameScalar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF: true
        case 0xFF08, 0xFF09, 0x28, 0x29, 0xB7, 0x30FB: true
        default: false
        }
    }
}
