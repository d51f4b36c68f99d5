import MuluSupport
import MuluModel
import MuluOutput
/// The two catalogues a diff compares, as its page and workbook name them.
public struct DiffSides: Sendable, Hashable {
    /// What OLD was given as (a file or folder name, never an absolute path), and its title.
    public var old: Side
    /// What NEW was given as, and its title.
    public var new: Side

    /// One side of a diff.
    public struct Side: Sendable, Hashable {
        /// The file or folder name, e.g. `changji-2024.txt`.
        public var name: String
        /// The catalogue's title.
        public var title: String
        public init(name: String, title: String) {
            self.name = name
            self.title = title
        }
    }

    public init(old: Side, new: Side) {
        self.old = old
        self.new = new
    }

    /// Sides known only as 旧 (old) and 新 (new).
    public static let unnamed = DiffSides(old: Side(name: "旧", title: ""), new: Side(name: "新", title: ""))

    /// The last component of `path` (without a trailing `/`): what a report names a side by.
    public static func displayName(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed.split(separator: "/").last.map(String.init) ?? String(trimmed)
    }
}
