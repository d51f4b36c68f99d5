import MuluSupport
/// One row of a catalogue: an occupation or a work type with its subsidies.
public struct Entry: Codable, Hashable, Sendable {
    /// The row number as published (1-based).
    public var seq: Int
    /// The table of the notice the row is in (an index into `Catalogue.tables`; 0 for most).
    public var table: Int
    /// The industry the row is listed under (filled down from a merged cell or a section heading
    /// where needed); nil when the catalogue gives none.
    public var industry: String?
    /// The national classification code as published: `6-24-03-01`, `6-24-03-01-05`, `6-24-03-01-*`.
    public var code: String
    /// The occupation or work type, as published.
    public var name: String
    /// The training subsidy, nil when the row gives none or it could not be read (a diagnostic says why).
    public var training: Subsidy?
    /// The skills-assessment subsidy, nil when the row gives none or it could not be read.
    public var assessment: Subsidy?
    /// Marked as urgently needed; nil when the catalogue has no urgency column.
    public var urgent: Bool?
    /// The cells of columns mulu has no field for, by their header text (empty when none).
    public var extra: [String: String]

    public init(
        seq: Int, table: Int = 0, industry: String?, code: String, name: String,
        training: Subsidy?, assessment: Subsidy?, urgent: Bool?, extra: [String: String] = [:]
    ) {
        self.seq = seq
        self.table = table
        self.industry = industry
        self.code = code
        self.name = name
        self.training = training
        self.assessment = assessment
        self.urgent = urgent
        self.extra = extra
    }

    /// The key rows are matched by: code and name.
    public var key: EntryKey { EntryKey(code: code, name: name) }

    /// Encodes `training`/`assessment`/`industry`/`urgent` as `null` rather than leaving the key
    /// out; `extra` only when there is some.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seq, forKey: .seq)
        try c.encode(table, forKey: .table)
        try c.encode(industry, forKey: .industry)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(training, forKey: .training)
        try c.encode(assessment, forKey: .assessment)
        try c.encode(urgent, forKey: .urgent)
        if !extra.isEmpty { try c.encode(extra, forKey: .extra) }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            seq: try c.decode(Int.self, forKey: .seq), table: try c.decodeIfPresent(Int.self, forKey: .table) ?? 0,
            industry: try c.decodeIfPresent(String.self, forKey: .industry),
            code: try c.decode(String.self, forKey: .code), name: try c.decode(String.self, forKey: .name),
            training: try c.decodeIfPresent(Subsidy.self, forKey: .training),
            assessment: try c.decodeIfPresent(Subsidy.self, forKey: .assessment),
            urgent: try c.decodeIfPresent(Bool.self, forKey: .urgent),
            extra: try c.decodeIfPresent([String: String].self, forKey: .extra) ?? [:])
    }

    private enum CodingKeys: String, CodingKey {
        case seq, table, industry, code, name, training, assessment, urgent, extra
    }
}

/// The identity of an entry across catalogues: its code and its name.
public struct EntryKey: Hashable, Comparable, Sendable {
    public var code: String
    public var name: String
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
    public static func < (a: EntryKey, b: EntryKey) -> Bool {
        (a.code, a.name) < (b.code, b.name)
    }

    /// Keys compare by their UTF-8 bytes: catalogue data is compared as published, and byte
    /// hashing avoids Unicode normalisation on every lookup (names are Chinese).
    public static func == (a: EntryKey, b: EntryKey) -> Bool {
        ByteHash.sameBytes(a.code, b.code) && ByteHash.sameBytes(a.name, b.name)
    }

    public func hash(into hasher: inout Hasher) {
        ByteHash.combine(code, into: &hasher)
        hasher.combine(0xFF as UInt8)
        ByteHash.combine(name, into: &hasher)
    }
}
