import Foundation
import Testing
@testable import MuluSupport
@testable import MuluModel
@testable import MuluExtract
@testable import MuluTable
@testable import MuluEntries
@testable import MuluOutput
@testable import MuluDiff
@testable import MuluPipeline

/// The pages in a real browser: headless Chromium driven by Selenium
/// (`Tests/browser/check_page.py`) checks the rows, the search box and the filters, and saves a
/// screenshot of each page into `.build/screenshots/`.
@Suite("Publish: pages", .serialized)
struct PublishPageTests {
    @Test(arguments: ["changji-2024.txt", "changji-2025-r1.pdf"])
    func cataloguePageSearchesAndFiltersInChromium(_ name: String) throws {
        try withTemporaryFolder { dir in
            let out = try PublishWorkbookTests.compile(name, into: dir)
            let stem = (name as NSString).deletingPathExtension
            let shot = (screenshotFolder() as NSString).appendingPathComponent("catalogue-\(stem).png")
            let check = try runPython("check_page.py", [
                "catalogue", (out as NSString).appendingPathComponent("index.html"),
                (out as NSString).appendingPathComponent("catalogue.csv"), shot,
            ])
            #expect(check.status == 0, "\(check.output)")
            #expect(check.output.contains("177 rows, search, filters and screenshot ok"), "\(check.output)")
            #expect(FileManager.default.fileExists(atPath: shot))
        }
    }

    /// The check really fails: a page that lost a row.
    @Test func checkFailsWhenARowIsMissing() throws {
        try withTemporaryFolder { dir in
            let out = try PublishWorkbookTests.compile("changji-2024.txt", into: dir)
            let page = (out as NSString).appendingPathComponent("index.html")
            var lines = try String(contentsOfFile: page, encoding: .utf8).components(separatedBy: "\n")
            lines.remove(at: lines.firstIndex { $0.contains("<td class=\"code\" data-label=\"职业（工种）代码\">6-31-01-03</td>") }!)
            try lines.joined(separator: "\n").write(toFile: page, atomically: true, encoding: .utf8)
            let check = try runPython("check_page.py", [
                "catalogue", page, (out as NSString).appendingPathComponent("catalogue.csv"),
                (dir as NSString).appendingPathComponent("broken.png"),
            ])
            #expect(check.status == 1, "\(check.output)")
            #expect(check.output.contains("the HTML holds 176 rows, the CSV 177"), "\(check.output)")
            #expect(check.output.contains("search '电工': 0 rows shown, want 1"), "\(check.output)")
        }
    }

    @Test func diffPageShowsEveryChangeInChromium() throws {
        try withTemporaryFolder { dir in
            let (old, new) = (fixture("changji-2024.txt"), fixture("changji-2025-r1.pdf"))
            let html = try runMulu(["diff", old, new, "--format", "html"])
            #expect(html.status == 1, "\(html.stderr)")
            let page = (dir as NSString).appendingPathComponent("diff.html")
            try html.stdout.write(toFile: page, atomically: true, encoding: .utf8)
            let json = try runMulu(["diff", old, new, "--format", "json"])
            let report = (dir as NSString).appendingPathComponent("diff.json")
            try json.stdout.write(toFile: report, atomically: true, encoding: .utf8)
            let shot = (screenshotFolder() as NSString).appendingPathComponent("diff-changji-2024-2025-r1.png")
            let check = try runPython("check_page.py", ["diff", page, report, shot])
            #expect(check.status == 0, "\(check.output)")
            #expect(check.output.contains("14 rows"), "\(check.output)")
            // --out writes the same page; twice the same bytes.
            let outPage = (dir as NSString).appendingPathComponent("out.html")
            #expect(try runMulu(["diff", old, new, "--format", "html", "--out", outPage]).status == 1)
            #expect(try String(contentsOfFile: outPage, encoding: .utf8) == html.stdout)
            #expect(try runMulu(["diff", old, new, "--format", "html"]).stdout == html.stdout)
        }
    }

    @Test func pagesAreSelfContainedAndEscaped() throws {
        let loaded = try CatalogueLoader.loadDetailed(path: fixture("changji-2024.txt"))
        let metadata = CatalogueCompiler.defaultMetadata(for: loaded.catalogue)
        let page = CataloguePage.html(loaded.catalogue, metadata: metadata, files: ["catalogue.csv", "catalogue.xlsx"])
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        for remote in ["http://", "https://", "<link", "src=", "@import"] { #expect(!page.contains(remote), "\(remote)") }
        #expect(page.components(separatedBy: "<tr data-industry=").count - 1 == 177)
        #expect(page.contains("<a href=\"catalogue.xlsx\" download>catalogue.xlsx</a>"))
        #expect(page.contains("第1页 第126行"))
        #expect(MarkupText.html("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")

        let list = CatalogueListPage.html([
            .init(id: "b-2024", title: "乙<目录>", region: "乙州", year: 2024, entryCount: 3, files: ["catalogue.csv", "index.html"]),
            .init(id: "a-2025", title: "甲目录", region: "甲州", year: 2025, entryCount: 5, files: ["catalogue.csv"]),
        ])
        #expect(list.contains("<a href=\"b-2024/index.html\">乙&lt;目录&gt;</a>"))
        #expect(list.range(of: "甲目录")!.lowerBound < list.range(of: "乙&lt;目录&gt;")!.lowerBound)
        #expect(list.contains("<a href=\"a-2025/catalogue.csv\">catalogue.csv</a>"))
    }
}
