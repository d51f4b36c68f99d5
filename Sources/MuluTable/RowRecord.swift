import MuluSupport
import MuluModel
import MuluExtract
/// A recovered table row: its number, the fragment that anchors it, and its cells' fragments.
public struct RowRecord: Hashable, Sendable {
    public var seq: Int
    /// The fragment holding the row number.
    public var anchor: Fragment
    /// Each field's fragments in reading order (top to bottom, left to right).
    public var cells: [TableField: [Fragment]]
    /// The cells of columns with no field (备注, 说明 …), by their header (blanks removed).
    public var extras: [String: [Fragment]]
    /// The section heading printed just above this row (`一、制造业` → `制造业`), if any: the
    /// industry of this row and the rows after it.
    public var section: String?
    /// The table of the notice the row is in (0 for the first; see `TableRecovery.tables`).
    public var table = 0

    public init(seq: Int, anchor: Fragment, cells: [TableField: [Fragment]], extras: [String: [Fragment]] = [:]) {
        self.seq = seq
        self.anchor = anchor
        self.cells = cells
        self.extras = extras
    }

    /// The key in `extras` of a subsidy's level sub-column (`培训补贴等级及补贴标准/初级`).
    public static func levelKey(_ field: TableField, _ level: Level) -> String {
        "\(field.label)/\(level.rawValue)"
    }

    /// The level sub-columns among `extras`: each subsidy field's levels, lowest first.
    public var levelColumns: [TableField: [Level]] {
        var out: [TableField: [Level]] = [:]
        for field in [TableField.training, .assessment] {
            let levels = Level.allCases.filter { extras[Self.levelKey(field, $0)] != nil }
            if !levels.isEmpty { out[field] = levels }
        }
        return out
    }

    /// A cell's text: lines joined without a blank, fragments on one line with one.
    public func text(_ field: TableField) -> String {
        Self.text(cells[field] ?? [])
    }

    /// The text of the extra column under `header` (compared without blanks).
    public func text(extra header: String) -> String {
        Self.text(extras[Blank.removed(from: header)] ?? [])
    }

    /// Fragments' text: lines joined without a blank, fragments on one line with one; a
    /// backslash ending a line (pandoc's hard line break) left out.
    public static func text(_ fragments: [Fragment]) -> String {
        guard let first = fragments.first else { return "" }
        var out = first.text
        var previous = first
        for f in fragments.dropFirst() {
            if f.page == previous.page && f.line == previous.line {
                out += " "
            } else if out.hasSuffix("\\"), !out.hasSuffix("\\\\") {
                out.removeLast()  // (pandoc's hard line break ending the line above: no text)
            }
            out += f.text
            previous = f
        }
        return out
    }
}

/// A fragment the table stages could not place in any row, and why.
public struct UnplacedFragment: Hashable, Sendable {
    public var fragment: Fragment
    public var reason: String
}
