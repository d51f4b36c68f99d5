import Dispatch

/// Runs independent pieces of work on the machine's cores and collects their results in order.
///
/// Used where work shares nothing: encoding a catalogue's output files, hashing a notice while
/// it is parsed, loading the two sides of a diff. Each task writes only its own slot of a buffer
/// allocated once, so no lock is needed and no shared array is mutated.
public enum Parallel {
    /// `work[i]()` for every i, concurrently; the results in the same order.
    public static func run<T: Sendable>(_ work: [@Sendable () -> T]) -> [T] {
        let slots = Slots<T>(count: work.count)
        DispatchQueue.concurrentPerform(iterations: work.count) { i in
            slots.store(work[i](), at: i)
        }
        return slots.values()
    }

    /// `work[i]()` for every i, each on a thread of its own (the first on the calling thread);
    /// the results in the same order.
    ///
    /// For a few tasks that wait on the disk as well as compute (encoders streaming into files
    /// they then `fsync`): unlike ``run(_:)``, which keeps to one thread per core, a task that
    /// waits does not hold back one that has not started. And for tasks that are themselves
    /// parallel (the two sides of a diff, each parsed in parts): a `concurrentPerform` nested in
    /// ``run(_:)``'s runs serially.
    public static func runEach<T: Sendable>(_ work: [@Sendable () -> T]) -> [T] {
        let slots = Slots<T>(count: work.count)
        let group = DispatchGroup()
        for i in work.indices.dropFirst() {
            // A serial queue of its own runs on a thread of its own when the others are busy.
            DispatchQueue(label: "mulu.parallel.\(i)").async(group: group) { slots.store(work[i](), at: i) }
        }
        if !work.isEmpty { slots.store(work[0](), at: 0) }
        group.wait()
        return slots.values()
    }

    /// Lets go of `value` on another thread. Given the last reference to a large structure (a
    /// parsed catalogue), it is freed there, alongside the caller's remaining work instead of
    /// after it.
    public static func dropInBackground<T>(_ value: consuming T) {
        let box = Box(value)
        DispatchQueue.global().async { box.value = nil }
    }

    /// Holds a value until it is dropped, on whichever thread sets it to nil.
    private final class Box<T>: @unchecked Sendable {
        var value: T?
        init(_ value: consuming T) { self.value = value }
    }

    /// Two pieces of work, concurrently, the second of which may throw: `a` on a thread of its
    /// own, `b` on the calling thread.
    ///
    /// Not through ``run(_:)``: `DispatchQueue.concurrentPerform` runs a nested
    /// `concurrentPerform` serially, so work in `b` that is itself parallel (the parser's parts,
    /// while `a` hashes the notice) would get one core.
    public static func pair<A: Sendable, B: Sendable>(
        _ a: @escaping @Sendable () -> A, _ b: @escaping @Sendable () throws -> B
    ) throws -> (A, B) {
        let first = Slots<A>(count: 1)
        let group = DispatchGroup()
        DispatchQueue(label: "mulu.parallel.pair").async(group: group) { first.store(a(), at: 0) }
        let second = Result { try b() }
        group.wait()
        return (first.values()[0], try second.get())
    }

    /// Result slots in raw memory, each written by exactly one task, read after all have ended.
    private final class Slots<T>: @unchecked Sendable {
        private let storage: UnsafeMutableBufferPointer<T?>
        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil)
        }
        deinit {
            storage.deinitialize()
            storage.deallocate()
        }
        func store(_ value: T, at i: Int) { (storage.baseAddress! + i).pointee = value }
        func values() -> [T] { storage.map { $0! } }
    }
}
