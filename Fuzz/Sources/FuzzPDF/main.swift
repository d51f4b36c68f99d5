import CFuzzDriver
import Foundation
import MuluSupport
import MuluModel
import MuluTable
import MuluEntries
import MuluOutput
import MuluDiff
import MuluPipeline

/// Any bytes through the PDF path (poppler, glyph boxes, row assembly). A thrown `MuluError` is a
/// correct answer to bad input; only a crash, a hang or a sanitizer report is a finding. Inputs of
/// odd length are opened with the password `mulu` (the seed `encrypted.pdf`'s), to reach the
/// encrypted-document paths too.
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let password: String? = size % 2 == 0 ? nil : "mulu"
    _ = try? NoticeParser.parsePDF(bytes, path: "fuzz.pdf", password: password)
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
