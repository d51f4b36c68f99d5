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
/// when it is loaded (with libtesseract, which `TesseractLibrary` now loads with `dlopen` when
/// the first engine starts: setting the variable before that would do without a restart; not
/// changed yet): so when the variable is not set, mulu sets it and executes itself again, once — only when OCR is about to run (`ScanSource.beforeOCR`: a
/// PDF with a text layer, the usual case, pays for no second start), or at once when an input
/// is a folder (several notices: a restart half-way would repeat what was already printed).
/// Only the notices a command reads count: an option's value such as `--out DIR` is not one.
enum OpenMPLimit {
    /// Arranges the restart for these inputs: at once for a folder, before OCR for a `.pdf`.
    static func apply(inputs: [String], ocr: Bool) {
        guard ocr, getenv("OMP_THREAD_LIMIT") == nil else { return }
        var folder = false, pdf = false
        for a in inputs {
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
        if getenv("MULU_TIMING") != nil {
            let line = "timing restart with OMP_THREAD_LIMIT=1\n"
            _ = write(2, line, line.utf8.count)
        }
        var argv: [UnsafeMutablePointer<CChar>?] = CommandLine.arguments.map { strdup($0) }
        argv.append(nil)
        execv("/proc/self/exe", argv)
    }
}

/// A command that reads notices: the paths it reads, and whether OCR may run on them.
protocol ReadsNotices {
    /// The notices, folders and catalogues the command reads (its lexicon included).
    var noticeInputs: [String] { get }
    /// Whether the command may run OCR (`--ocr never` says it will not).
    var mayRunOCR: Bool { get }
}
