import CFuzzDriver
import Foundation
import MuluCore

/// Any bytes through the text notice parser. A thrown `MuluError` is a correct answer to bad
/// input; only a crash, a hang or a sanitizer report is a finding.
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? NoticeParser.parseText(bytes, path: "fuzz.txt")
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
