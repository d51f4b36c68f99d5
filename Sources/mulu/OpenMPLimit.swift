#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MuluScan

/// Keeps Tesseract's OpenMP to one thread per engine.
///
/// libtesseract is built with OpenMP, and each LSTM step asks for several threads; mulu already
/// reads pages in parallel, one engine per core, so on two cores the extra threads only spin
/// (a scan read twice as slowly, most of it system time). libgomp reads `OMP_THREAD_LIMIT` once,
/// when it is loaded, before any Swift code runs: so when the variable is not set, mulu sets it
/// and executes itself again, once — only when OCR is about to run (`ScanSource.beforeOCR`: a
/// PDF with a text layer, the usual case, pays for no second start), or at once when an argument
/// is a folder (several notices: a restart half-way would repeat what was already printed).
enum OpenMPLimit {
    /// Arranges the restart: at once for a folder argument, before OCR for a `.pdf` one.
    static func apply() {
        guard getenv("OMP_THREAD_LIMIT") == nil else { return }
        let arguments = CommandLine.arguments
        var folder = false, pdf = false
        for a in arguments.dropFirst() where !a.hasPrefix("-") {
            if a.lowercased().hasSuffix(".pdf") { pdf = true; continue }
            var info = stat()
            if stat(a, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { folder = true }
        }
        if folder {
            restart()
        } else if pdf {
            ScanSource.beforeOCR = { restart() }
        }
    }

    /// Executes this program again with `OMP_THREAD_LIMIT=1`; returns (and runs on as it is,
    /// OCR slower, not wrong) when that fails.
    static func restart() {
        guard getenv("OMP_THREAD_LIMIT") == nil else { return }
        setenv("OMP_THREAD_LIMIT", "1", 1)
        var argv: [UnsafeMutablePointer<CChar>?] = CommandLine.arguments.map { strdup($0) }
        argv.append(nil)
        execv("/proc/self/exe", argv)
    }
}
