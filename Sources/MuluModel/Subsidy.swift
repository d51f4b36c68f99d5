import MuluSupport
/// A subsidy paid per person: which levels, how much for each, and whether the levels are
/// alternatives.
///
/// `初级、中级：2160元/人` pays for each of the levels (`anyOf == false`);
/// `初级或中级：160元/人` pays once for either level (`anyOf == true`);
/// `初级：1600元/人；中级：2000元/人` pays a different amount per level (`amountYuan == nil`);
/// `按实际发生费用` names no amount (`amounts` empty, `text` kept).
public struct Subsidy: Codable, Hashable, Sendable {
    /// The levels, normalised and in the order published.
    public var levels: [Level]
    /// The amount in yuan per person when every level has the same one, else nil.
    public var amountYuan: Int?
    /// True when the levels are alternatives (`或`), false when each is paid (`、`).
    public var anyOf: Bool
    /// The normalised text, e.g. `初级、中级：2160元/人`.
    public var text: String
    /// One amount per level, in level order (初级 first).
    public var amounts: [LevelAmount]
    /// True when the amount is a cap (`最高`, `不超过`).
    public var upTo: Bool
    /// A parenthesised note after the amount (`含教材费`), without its brackets.
    public var note: String?

    /// The amount paid for one level.
    public struct LevelAmount: Codable, Hashable, Sendable {
        public var level: Level
        public var amountYuan: Int
        public init(level: Level, amountYuan: Int) {
            self.level = level
            self.amountYuan = amountYuan
        }
    }

    /// The same amount for every level (the common case, and every schemaVersion 1 subsidy).
    public init(levels: [Level], amountYuan: Int, anyOf: Bool, text: String, upTo: Bool = false, note: String? = nil) {
        self.init(
            levels: levels, amounts: Set(levels).sorted().map { LevelAmount(level: $0, amountYuan: amountYuan) },
            anyOf: anyOf, text: text, upTo: upTo, note: note)
        if levels.isEmpty { self.amountYuan = amountYuan }
    }

    /// Amounts per level (sorted here into level order); `amountYuan` is their common amount.
    public init(levels: [Level], amounts: [LevelAmount], anyOf: Bool, text: String, upTo: Bool = false, note: String? = nil) {
        self.levels = levels
        self.amounts = amounts.sorted { $0.level < $1.level }
        self.anyOf = anyOf
        self.text = text
        self.upTo = upTo
        self.note = note
        let first = amounts.first?.amountYuan
        self.amountYuan = amounts.allSatisfy { $0.amountYuan == first } ? first : nil
    }

    /// The amount for `level`, if the subsidy pays one.
    public func amount(for level: Level) -> Int? {
        amounts.first { $0.level == level }?.amountYuan
    }
}
