import Foundation

/// Wall and thread CPU time of a stage, printed to stderr when `MULU_TIMING` is set (for
/// profiling by hand; speed is measured by `scripts/bench`, never by a test).
public enum PhaseTimer {
    /// True when `MULU_TIMING` is set in the environment.
    public static let enabled = ProcessInfo.processInfo.environment["MULU_TIMING"] != nil

    /// A moment: wall and this thread's CPU seconds.
    public struct Moment: Sendable {
        /// `CLOCK_MONOTONIC` seconds (comparable with other processes' monotonic clocks).
        public var wall: Double
        /// This thread's CPU seconds.
        public var cpu: Double
    }

    /// Now (zero when timing is off).
    public static func now() -> Moment {
        guard enabled else { return Moment(wall: 0, cpu: 0) }
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        var c = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c)
        return Moment(wall: Double(t.tv_sec) + Double(t.tv_nsec) / 1e9, cpu: Double(c.tv_sec) + Double(c.tv_nsec) / 1e9)
    }

    /// Prints `label`, the wall and thread CPU milliseconds from `start` to `end`.
    public static func report(_ label: String, _ start: Moment, _ end: Moment) {
        guard enabled else { return }
        let line = String(format: "timing %@: %.1f ms wall, %.1f ms cpu (thread)\n", label, (end.wall - start.wall) * 1000, (end.cpu - start.cpu) * 1000)
        FileHandle.standardError.write(line.data(using: .utf8)!)
    }
}
