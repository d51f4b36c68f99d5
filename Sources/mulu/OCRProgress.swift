import Foundation
import MuluScan

/// Shows OCR's progress on stderr (pages done, of how many, seconds so far) when stderr is a
/// terminal: OCR takes seconds a page. One line, rewritten in place, ended when the last page
/// is done.
final class OCRProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()

    /// A progress reporter when stderr is a terminal, else nil.
    static func forTerminal() -> ScanSource.Progress? {
        guard isatty(2) != 0 else { return nil }
        let progress = OCRProgress()
        return { done, total in progress.show(done, total) }
    }

    private func show(_ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let seconds = Date().timeIntervalSince(start)
        let line = String(format: "\rOCR: %d of %d page(s), %.1f s", done, total, seconds)
        FileHandle.standardError.write(Data((line + (done == total ? "\n" : "")).utf8))
    }
}
