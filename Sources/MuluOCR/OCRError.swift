/// Why OCR could not start or read an image; one clear line, with a hint when it can be fixed.
public struct OCRError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The kind of failure, for callers that react differently (exit codes, hints).
    public enum Kind: Sendable, Equatable {
        /// A language's trained data (`chi_sim.traineddata` …) is not installed.
        case dataMissing
        /// Tesseract would not initialise with the data found (its return code is kept).
        case initFailed
        /// The image or rectangle handed to Tesseract is unusable.
        case badImage
        /// Tesseract failed while recognising (its return code is kept).
        case recognitionFailed
    }

    /// What went wrong.
    public let kind: Kind
    /// Tesseract's return code, when the failure came from one (0 otherwise).
    public let code: Int32
    /// A human-readable explanation.
    public let message: String

    /// Makes an error of `kind`.
    public init(_ kind: Kind, code: Int32 = 0, message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }

    /// One line: the message.
    public var description: String { message }
}
