/// The words a subsidy cell may open with to say which subsidy it is (`培训：`, `评价补贴：`), and a
/// cell that holds both, each after its label (`培训：初级、中级2160元/人；评价：初级或中级160元/人`).
///
/// Bureaus with one 补贴标准 column write the two subsidies in one cell this way. Nothing is
/// guessed: a cell is split only when it opens with one subsidy's label and the other's label
/// follows a separator, each followed by a colon.
public enum SubsidyLabel {
    /// Labels naming the training subsidy, longest first.
    public static let training = ["职业技能培训补贴标准", "职业技能培训补贴", "培训补贴标准", "技能培训补贴", "职业技能培训",
                                  "培训补贴", "技能培训", "培训费", "培训"]
    /// Labels naming the assessment subsidy, longest first.
    public static let assessment = ["职业技能评价补贴标准", "职业技能鉴定补贴标准", "职业技能评价补贴", "职业技能鉴定补贴", "技能评价补贴",
                                    "技能鉴定补贴", "评价补贴标准", "鉴定补贴标准", "考核鉴定补贴", "职业技能评价", "职业技能鉴定",
                                    "考核补贴", "评价补贴", "鉴定补贴", "技能评价", "技能鉴定", "考核鉴定", "评价费", "鉴定费",
                                    "评价", "鉴定", "考核"]

    /// The first characters of the labels.
    static let initials: Set<Unicode.Scalar> = Set((training + assessment).compactMap(\.unicodeScalars.first))

    /// The colons a label ends with (`compact` writes every colon as `：`).
    static let colons: Set<Character> = ["：", ":", "∶"]
    /// What may stand between the two labelled pieces.
    static let separators: Set<Character> = ["；", ";", "，", ",", "。", "、", "\n"]

    /// What an amount's unit or note ends with, before which the next label may follow with only
    /// a blank between.
    static let unitEnds: Set<Character> = ["人", "元", "次", "）", ")"]

    /// The label `text` opens with and the text after its colon: `(.training, "初级…")`; nil when
    /// it opens with no label followed by a colon.
    static func opening(_ text: Substring) -> (assessment: Bool, rest: Substring)? {
        // (Every label starts with one of these: most cells, `初级…`, are passed at once.)
        guard let first = text.unicodeScalars.first, initials.contains(first) else { return nil }
        for (isAssessment, labels) in [(false, training), (true, assessment)] {
            for label in labels where text.hasPrefix(label) {
                let rest = text.dropFirst(label.count)
                guard let c = rest.first, colons.contains(c) else { continue }
                return (isAssessment, rest.dropFirst())
            }
        }
        return nil
    }

    /// The two subsidies of a cell that holds both after their labels, as their texts without
    /// the labels (`初级、中级2160元/人`, `初级或中级160元/人`), in either order; nil for any other
    /// cell.
    public static func split(_ raw: String) -> (training: String, assessment: String)? {
        let text = SubsidyParser.compact(raw)
        guard let first = opening(Substring(text)) else { return nil }
        var i = first.rest.startIndex
        while i < first.rest.endIndex {
            let c = first.rest[i]
            let next = first.rest.index(after: i)
            // After a separator, or right after an amount's unit (`…2160元/人 评价：…`, the blank gone).
            if separators.contains(c) || unitEnds.contains(c), let second = opening(first.rest[next...]),
               second.assessment != first.assessment {
                let head = String(first.rest[..<(separators.contains(c) ? i : next)])
                let tail = String(second.rest.reversed().drop { separators.contains($0) }.reversed())
                guard !head.isEmpty, !tail.isEmpty else { return nil }
                return first.assessment ? (tail, head) : (head, tail)
            }
            i = next
        }
        return nil
    }

    /// The UTF-8 bytes of `培训`, `评价`, `鉴定`, `考核`: a cell holding none of them holds no label
    /// (checked before `split` on the hot path).
    public static let labelWords: [[UInt8]] = ["培训", "评价", "鉴定", "考核"].map { Array($0.utf8) }

    /// True when `bytes` contain the word of a training label and of an assessment label.
    public static func mayHoldBoth(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 12 else { return false }
        var trainingWord = false, assessmentWord = false
        var i = 0
        while i + 6 <= bytes.count {
            if bytes[i] == 0xE5 || bytes[i] == 0xE8 || bytes[i] == 0xE9 {
                for (w, word) in labelWords.enumerated() where bytes[i..<(i + 6)].elementsEqual(word) {
                    if w == 0 { trainingWord = true } else { assessmentWord = true }
                }
                if trainingWord && assessmentWord { return true }
            }
            i += 1
        }
        return false
    }

    /// Every label, as UTF-8, and whether it names the assessment subsidy.
    static let labelBytes: [[UInt8]: Bool] = Dictionary(uniqueKeysWithValues:
        training.map { (Array($0.utf8), false) } + assessment.map { (Array($0.utf8), true) })

    /// The label `bytes` open with, with its colon (`培训：`, `评价补贴:`): whether it names the
    /// assessment subsidy, and how many bytes label and colon take; nil when they open with none.
    /// Cheap when there is no colon in the first 31 bytes, as in most cells.
    public static func opening(_ bytes: UnsafeBufferPointer<UInt8>) -> (assessment: Bool, length: Int)? {
        let n = min(bytes.count, 31)
        var i = 6
        while i < n {
            let colon = bytes[i] == 0x3A ? 1 : (i + 2 < bytes.count && bytes[i] == 0xEF && bytes[i + 1] == 0xBC && bytes[i + 2] == 0x9A ? 3 : 0)
            if colon > 0 {
                guard let isAssessment = labelBytes[Array(bytes[..<i])] else { return nil }
                return (isAssessment, i + colon)
            }
            i += 1
        }
        return nil
    }

    /// The label `bytes` end with, with its colon, after a separator (`初级、中级2160元/人，评价：`,
    /// the next subsidy printed after a blank): whether it names the assessment subsidy; nil when
    /// they end with none.
    public static func closing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var end = bytes.count
        if end >= 1, bytes[end - 1] == 0x3A { end -= 1 } else if end >= 3, bytes[end - 3] == 0xEF, bytes[end - 2] == 0xBC, bytes[end - 1] == 0x9A { end -= 3 } else { return nil }
        let head = String(decoding: bytes[..<end], as: UTF8.self)
        for (isAssessment, labels) in [(true, assessment), (false, training)] {
            for label in labels where head.hasSuffix(label) {
                let before = head.dropLast(label.count)
                if let c = before.last, separators.contains(c) || "；，".contains(c) { return isAssessment }
            }
        }
        return nil
    }

    /// True when `bytes` open with a label and its colon: a subsidy cell starts here, in text
    /// told apart by shape.
    public static func opens(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { opening(bytes) != nil }
}
