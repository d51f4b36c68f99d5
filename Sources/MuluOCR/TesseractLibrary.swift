import CTesseract
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libtesseract's C API, loaded with `dlopen` when the first engine starts rather than when
/// mulu starts.
///
/// Linked in, libtesseract brings some 40 more shared libraries (Leptonica's image formats,
/// libarchive, libcurl with NSS, Kerberos and GnuTLS, ICU, libgomp …) whose loading and
/// relocation cost every run about 11 ms of CPU before `main`, OCR or not (measured: an empty C
/// program linked against poppler-glib and cairo starts in 8.7 ms, with libtesseract and
/// Leptonica as well in 19.8 ms). A PDF with a text layer, the usual input, never needs them.
/// The functions are the C API's own (`tesseract/capi.h`, and Leptonica's `setMsgSeverity`,
/// reached through libtesseract's dependencies), called through pointers of the same C types.
struct TesseractLibrary: @unchecked Sendable {
    /// The shared object, by its soname (the ABI the declarations below were written for), then
    /// by its development link name.
    static let names = ["libtesseract.so.5", "libtesseract.so", "libtesseract.5.dylib", "libtesseract.dylib"]

    let version: @convention(c) () -> UnsafePointer<CChar>?
    let deleteText: @convention(c) (UnsafePointer<CChar>?) -> Void
    let create: @convention(c) () -> OpaquePointer?
    let delete: @convention(c) (OpaquePointer?) -> Void
    let end: @convention(c) (OpaquePointer?) -> Void
    let setVariable: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32
    let initialise: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, TessOcrEngineMode) -> Int32
    let setPageSegMode: @convention(c) (OpaquePointer?, TessPageSegMode) -> Void
    let setImage: @convention(c) (OpaquePointer?, UnsafePointer<UInt8>?, Int32, Int32, Int32, Int32) -> Void
    let setSourceResolution: @convention(c) (OpaquePointer?, Int32) -> Void
    let setRectangle: @convention(c) (OpaquePointer?, Int32, Int32, Int32, Int32) -> Void
    let recognize: @convention(c) (OpaquePointer?, OpaquePointer?) -> Int32
    let getIterator: @convention(c) (OpaquePointer?) -> OpaquePointer?
    let pageIteratorIsAtBeginningOf: @convention(c) (OpaquePointer?, TessPageIteratorLevel) -> Int32
    let pageIteratorBoundingBox: @convention(c) (
        OpaquePointer?, TessPageIteratorLevel, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?,
        UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?) -> Int32
    let resultIteratorDelete: @convention(c) (OpaquePointer?) -> Void
    let resultIteratorGetPageIteratorConst: @convention(c) (OpaquePointer?) -> OpaquePointer?
    let resultIteratorNext: @convention(c) (OpaquePointer?, TessPageIteratorLevel) -> Int32
    let resultIteratorGetUTF8Text: @convention(c) (OpaquePointer?, TessPageIteratorLevel) -> UnsafeMutablePointer<CChar>?
    let resultIteratorConfidence: @convention(c) (OpaquePointer?, TessPageIteratorLevel) -> Float
    /// Leptonica's message threshold (`setMsgSeverity`).
    let setMsgSeverity: @convention(c) (Int32) -> Int32

    /// The library, loaded once (by whichever thread asks first), or why it could not be.
    static let shared: Result<TesseractLibrary, OCRError> = load()

    /// The library, or `.initFailed` naming the file and the package to install.
    static func get() throws(OCRError) -> TesseractLibrary {
        try shared.get()
    }

    private static func load() -> Result<TesseractLibrary, OCRError> {
        var handle: UnsafeMutableRawPointer?
        var reasons: [String] = []
        for name in names {
            handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            if handle != nil { break }
            reasons.append(dlerror().map { String(cString: $0) } ?? name)
        }
        guard let handle else {
            return .failure(OCRError(.initFailed, message:
                "Tesseract cannot be loaded (\(reasons.first ?? "no library")): apt-get install libtesseract5"))
        }
        var missing: [String] = []
        func symbol<F>(_ name: String, as type: F.Type) -> F {
            guard let address = dlsym(handle, name) else {
                missing.append(name)
                return unsafeBitCast(UnsafeRawPointer(bitPattern: 1)!, to: F.self)
            }
            return unsafeBitCast(address, to: F.self)
        }
        let library = TesseractLibrary(
            version: symbol("TessVersion", as: (@convention(c) () -> UnsafePointer<CChar>?).self),
            deleteText: symbol("TessDeleteText", as: (@convention(c) (UnsafePointer<CChar>?) -> Void).self),
            create: symbol("TessBaseAPICreate", as: (@convention(c) () -> OpaquePointer?).self),
            delete: symbol("TessBaseAPIDelete", as: (@convention(c) (OpaquePointer?) -> Void).self),
            end: symbol("TessBaseAPIEnd", as: (@convention(c) (OpaquePointer?) -> Void).self),
            setVariable: symbol("TessBaseAPISetVariable", as: (@convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32).self),
            initialise: symbol("TessBaseAPIInit2", as: (@convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, TessOcrEngineMode) -> Int32).self),
            setPageSegMode: symbol("TessBaseAPISetPageSegMode", as: (@convention(c) (OpaquePointer?, TessPageSegMode) -> Void).self),
            setImage: symbol("TessBaseAPISetImage", as: (@convention(c) (OpaquePointer?, UnsafePointer<UInt8>?, Int32, Int32, Int32, Int32) -> Void).self),
            setSourceResolution: symbol("TessBaseAPISetSourceResolution", as: (@convention(c) (OpaquePointer?, Int32) -> Void).self),
            setRectangle: symbol("TessBaseAPISetRectangle", as: (@convention(c) (OpaquePointer?, Int32, Int32, Int32, Int32) -> Void).self),
            recognize: symbol("TessBaseAPIRecognize", as: (@convention(c) (OpaquePointer?, OpaquePointer?) -> Int32).self),
            getIterator: symbol("TessBaseAPIGetIterator", as: (@convention(c) (OpaquePointer?) -> OpaquePointer?).self),
            pageIteratorIsAtBeginningOf: symbol("TessPageIteratorIsAtBeginningOf", as: (@convention(c) (OpaquePointer?, TessPageIteratorLevel) -> Int32).self),
            pageIteratorBoundingBox: symbol("TessPageIteratorBoundingBox", as: (@convention(c) (
                OpaquePointer?, TessPageIteratorLevel, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?,
                UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?) -> Int32).self),
            resultIteratorDelete: symbol("TessResultIteratorDelete", as: (@convention(c) (OpaquePointer?) -> Void).self),
            resultIteratorGetPageIteratorConst: symbol("TessResultIteratorGetPageIteratorConst", as: (@convention(c) (OpaquePointer?) -> OpaquePointer?).self),
            resultIteratorNext: symbol("TessResultIteratorNext", as: (@convention(c) (OpaquePointer?, TessPageIteratorLevel) -> Int32).self),
            resultIteratorGetUTF8Text: symbol("TessResultIteratorGetUTF8Text", as: (@convention(c) (OpaquePointer?, TessPageIteratorLevel) -> UnsafeMutablePointer<CChar>?).self),
            resultIteratorConfidence: symbol("TessResultIteratorConfidence", as: (@convention(c) (OpaquePointer?, TessPageIteratorLevel) -> Float).self),
            setMsgSeverity: symbol("setMsgSeverity", as: (@convention(c) (Int32) -> Int32).self))
        guard missing.isEmpty else {
            return .failure(OCRError(.initFailed, message:
                "Tesseract's library lacks \(missing.joined(separator: ", ")): apt-get install libtesseract5 (version 5)"))
        }
        return .success(library)
    }
}
