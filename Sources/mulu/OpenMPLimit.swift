#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps Tesseract's OpenMP to one thread per engine.
///
/// libtesseract is built with OpenMP, and each LSTM step asks for several threads; mulu already
/// reads pages in parallel, one engine per core, so on two cores the extra threads only spin
/// (a scan read twice as slowly, most of it system time). libgomp reads `OMP_THREAD_LIMIT` once,
/// when it is loaded, before any Swift code runs: so when the variable is not set and the
/// command may read a PDF, mulu sets it and executes itself again, once.
enum OpenMPLimit {
    /// Re-executes the process with `OMP_THREAD_LIMIT=1` when it is unset and an argument names
    /// a `.pdf` or a folder; returns (and runs on as it is) otherwise or when that fails.
    static func apply() {
        guard getenv("OMP_THREAD_LIMIT") == nil else { return }
        let arguments = CommandLine.arguments
        let readsPDF = arguments.dropFirst().contains { a in
            guard !a.hasPrefix("-") else { return false }
            if a.lowercased().hasSuffix(".pdf") { return true }
            var info = stat()
            return stat(a, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        }
        guard readsPDF else { return }
        setenv("OMP_THREAD_LIMIT", "1", 1)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        execv("/proc/self/exe", argv)
        // execv returned: it failed; run on here (OCR is slower, not wrong).
    }
}
