import MuluSupport
import MuluModel
import MuluOutput
/// One entry present in both catalogues whose fields differ.
public struct EntryChange: Hashable, Sendable {
    /// How a changed pair was found: which matching rule paired the two entries.
    public enum Match: String, Codable, Hashable, Sendable {
        /// Same code (after the crosswalk) and same name.
        case key
        /// Same non-wildcard code (after the crosswalk), another name: a rename.
        case code
        /// Same name, another code: a re-code.
        case name
    }

    /// The entry in the old catalogue, as published there (its code not mapped by any crosswalk).
    public var before: Entry
    /// The entry in the new catalogue.
    public var after: Entry
    /// The fields that differ, in the fixed order industry, name, code, training, assessment, urgent.
    public var fields: [EntryField]
    /// The rule that paired `before` with `after`.
    public var match: Match

    public init(before: Entry, after: Entry, fields: [EntryField], match: Match) {
        self.before = before
        self.after = after
        self.fields = fields
        self.match = match
    }
}
