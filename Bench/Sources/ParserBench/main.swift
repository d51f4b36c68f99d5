import Foundation
import MuluSupport
import MuluModel
import MuluTable
import MuluEntries
import MuluOutput
import MuluDiff
import MuluPipeline

/// `ParserBench FILE [RUNS]`: times `NoticeParser.parseText` alone on FILE's bytes (read once,
/// outside the timing), RUNS times (default 5), and prints one line:
/// `bytes=… entries=… diagnostics=… runs=… median_s=… min_s=… mb_per_s=…` (MB = 10^6 bytes,
/// from the median).
let arguments = CommandLine.arguments
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: ParserBench FILE [RUNS]\n".utf8))
    exit(64)
}
let runs = arguments.count >= 3 ? max(1, Int(arguments[2]) ?? 5) : 5
let bytes = [UInt8](data)
let clock = ContinuousClock()
var times: [Double] = []
var entries = 0
var diagnostics = 0
for _ in 0..<runs {
    let start = clock.now
    do {
        let notice = try NoticeParser.parseText(bytes, path: arguments[1])
        entries = notice.entries.count
        diagnostics = notice.diagnostics.count
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
    let elapsed = clock.now - start
    times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}
times.sort()
let median = times[times.count / 2]
print(String(
    format: "bytes=%d entries=%d diagnostics=%d runs=%d median_s=%.4f min_s=%.4f mb_per_s=%.1f",
    bytes.count, entries, diagnostics, runs, median, times[0], Double(bytes.count) / 1e6 / median))
