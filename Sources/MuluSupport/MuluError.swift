/// A failure that stops a command: which file, and what is wrong with it, in one line.
public struct MuluError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file or folder the problem is about, as the user named it.
    public var file: String
    /// What is wrong, in words a user can act on.
    public var problem: String

    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }

    /// `file: problem`, the one line printed on stderr.
    public var description: String { "\(file): \(problem)" }
}
