import Dispatch

/// Runs independent pieces of work on the machine's cores and collects their results in order.
///
/// Used where a compile has work that shares nothing: encoding the output files, and hashing the
/// notice while it is parsed. Results are written to separate slots, so no lock is needed.
public enum Parallel {
    /// `work[i]()` for every i, concurrently; the results in the same order.
    public static func run<T: Sendable>(_ work: [@Sendable () -> T]) -> [T] {
        let slots = Slots<T>(count: work.count)
        DispatchQueue.concurrentPerform(iterations: work.count) { i in
            slots.store(work[i](), at: i)
        }
        return slots.values()
    }

    /// Two pieces of work, concurrently, the second of which may throw.
    public static func pair<A: Sendable, B: Sendable>(
        _ a: @escaping @Sendable () -> A, _ b: @escaping @Sendable () throws -> B
    ) throws -> (A, B) {
        let first: @Sendable () -> Either<A, B> = { .first(a()) }
        let second: @Sendable () -> Either<A, B> = { .second(Result { try b() }) }
        let results = run([first, second])
        guard case .first(let x) = results[0], case .second(let y) = results[1] else { fatalError("unreachable") }
        return (x, try y.get())
    }

    private enum Either<A: Sendable, B: Sendable>: Sendable {
        case first(A)
        case second(Result<B, any Error>)
    }

    /// Result slots written by exactly one task each.
    private final class Slots<T>: @unchecked Sendable {
        private var storage: [T?]
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func store(_ value: T, at i: Int) {
            storage.withUnsafeMutableBufferPointer { $0[i] = value }
        }
        func values() -> [T] { storage.map { $0! } }
    }
}
