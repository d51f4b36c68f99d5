import MuluSupport
import MuluModel
import MuluOutput
extension CatalogueDiff {
    /// The counts in Chinese and English, e.g. `新增 2, 删除 2, 变更 10 (added 2, removed 2, changed 10)`.
    public var summary: String {
        "新增 \(added.count), 删除 \(removed.count), 变更 \(changed.count)"
            + " (added \(added.count), removed \(removed.count), changed \(changed.count))"
    }

    /// The plain-text report: counts first, then one line per added (`+`), removed (`-`) and
    /// changed (`~`) entry, e.g.
    /// `~ 4-01-02-07 互联网营销师: 培训补贴 初级、中级：2160元/人 → 初级、中级：2400元/人`.
    public func textReport() -> String {
        if isEmpty { return "无差异 (no differences)\n" }
        var out = summary + "\n"
        if !added.isEmpty {
            out += "\n新增 (added):\n"
            for entry in added { out += "+ \(entry.code) \(entry.name): \(CatalogueDiff.describe(entry))\n" }
        }
        if !removed.isEmpty {
            out += "\n删除 (removed):\n"
            for entry in removed { out += "- \(entry.code) \(entry.name): \(CatalogueDiff.describe(entry))\n" }
        }
        if !changed.isEmpty {
            out += "\n变更 (changed):\n"
            for change in changed {
                let details = change.fields.map {
                    "\($0.label) \($0.displayValue(of: change.before)) → \($0.displayValue(of: change.after))"
                        + CatalogueDiff.perLevel($0, change)
                }
                out += "~ \(change.after.code) \(change.after.name): \(details.joined(separator: "; "))\n"
            }
        }
        return out
    }

    /// The per-level amount changes of a subsidy field, ` (中级 2000→2400)`, when either side pays
    /// different amounts per level (a uniform change reads plainly in the texts); else empty.
    static func perLevel(_ field: EntryField, _ change: EntryChange) -> String {
        let subsidies: [Subsidy?] = field == .training ? [change.before.training, change.after.training]
            : field == .assessment ? [change.before.assessment, change.after.assessment] : []
        guard subsidies.contains(where: { $0 != nil && $0!.amountYuan == nil && !$0!.amounts.isEmpty }) else { return "" }
        let changes = field.amountChanges(change.before, change.after)
        return changes.isEmpty ? "" : " (" + changes.joined(separator: ", ") + ")"
    }

    /// An entry's other fields for an added or removed line:
    /// `行业 数字产业; 培训补贴 …; 鉴定补贴 …; 急需紧缺 是` (without the industry when `industry` is false).
    static func describe(_ entry: Entry, separator: String = "; ", industry: Bool = true) -> String {
        let fields: [EntryField] = (industry ? [.industry] : []) + [.training, .assessment, .urgent]
        return fields
            .map { "\($0.label) \($0.displayValue(of: entry))" }
            .joined(separator: separator)
    }
}
