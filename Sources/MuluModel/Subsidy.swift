import MuluSupport
/// A subsidy paid per person: which levels, how much, and whether the levels are alternatives.
///
/// `初级、中级：2160元/人` pays for each of the levels (`anyOf == false`);
/// `初级或中级：160元/人` pays once for either level (`anyOf == true`).
public struct Subsidy: Codable, Hashable, Sendable {
    /// The levels, normalised and in the order published.
    public var levels: [Level]
    /// The amount in yuan per person.
    public var amountYuan: Int
    /// True when the levels are alternatives (`或`), false when each is paid (`、`).
    public var anyOf: Bool
    /// The normalised text, e.g. `初级、中级：2160元/人`.
    public var text: String

    public init(levels: [Level], amountYuan: Int, anyOf: Bool, text: String) {
        self.levels = levels
        self.amountYuan = amountYuan
        self.anyOf = anyOf
        self.text = text
    }
}
