import CFuzzDriver
import Foundation
import MuluSupport
import MuluModel
import MuluTable
import MuluEntries
import MuluOutput
import MuluDiff
import MuluPipeline

/// Any bytes through the text notice parser. A thrown `MuluError` is a correct answer to bad
/// input; only a crash, a hang or a sanitizer report is a finding.
///
/// Differential too: the input is parsed again with delimited rows read in 2–6 parts (small
/// inputs are otherwise read in one), and anything but the same entries and diagnostics, or
/// the same error, traps.
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let one = Result { try NoticeParser.parseText(bytes, path: "fuzz.txt", readerParts: 1) }
    let parts = 2 + size % 5
    let many = Result { try NoticeParser.parseText(bytes, path: "fuzz.txt", readerParts: parts) }
    switch (one, many) {
    case (.success(let a), .success(let b)):
        precondition(a.entries == b.entries, "entries differ when read in \(parts) parts")
        precondition(a.diagnostics == b.diagnostics, "diagnostics differ when read in \(parts) parts")
    case (.failure(let a), .failure(let b)):
        precondition("\(a)" == "\(b)", "errors differ when read in \(parts) parts")
    default:
        preconditionFailure("one read fails, the other does not, in \(parts) parts")
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
