import MuluSupport
import MuluModel
/// The frame every published page shares: one self-contained HTML5 document in Chinese
/// (`lang="zh-CN"`), its CSS inline, its script (if any) inline at the end, nothing fetched from
/// the network, readable on a phone (tables turn into cards on narrow screens).
public enum PageLayout {
    /// The whole document around `body` (already HTML). `script` is plain JavaScript.
    public static func document(title: String, body: String, script: String? = nil) -> String {
        var s = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        s += "<meta name=\"generator\" content=\"mulu\">\n"
        s += "<title>\(MarkupText.html(title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        s += body
        if let script { s += "<script>\n\(script)</script>\n" }
        s += "</body>\n</html>\n"
        return s
    }

    /// The style sheet: Chinese type first (PingFang, Noto/Source Han, YaHei), generous line
    /// height, sticky table header, highlight colours for diffs, cards below 760 px.
    public static let css = """
        :root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f0f3f6; --accent: #0b5cad;
          --add: #e2f3e6; --add-ink: #1a7f37; --del: #fbe4e4; --del-ink: #b3261e; --mod: #e3eefa; --mod-cell: #fff2c4; }
        * { box-sizing: border-box; }
        [hidden] { display: none !important; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: #fff; line-height: 1.65;
          font-family: "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
            "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif; font-size: 15px; }
        header, main, footer { max-width: 1280px; margin: 0 auto; padding: 0 16px; }
        header { padding-top: 20px; }
        h1 { font-size: 1.5rem; line-height: 1.35; margin: 0 0 6px; letter-spacing: .02em; }
        h2 { font-size: 1.15rem; margin: 28px 0 8px; }
        .facts { color: var(--muted); margin: 0 0 8px; }
        a { color: var(--accent); }
        .files { display: flex; flex-wrap: wrap; gap: 8px; padding: 0; margin: 8px 0 16px; list-style: none; }
        .files a { display: inline-block; padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px;
          text-decoration: none; background: #f6f8fa; }
        .files small { color: var(--muted); margin-left: 4px; }
        .controls { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: center; margin: 12px 0; }
        .controls input[type=search], .controls select { font: inherit; padding: 6px 10px; border: 1px solid var(--line);
          border-radius: 6px; min-width: 12em; }
        .controls input[type=search] { flex: 1 1 16em; max-width: 28em; }
        .count { color: var(--muted); margin: 4px 0 8px; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
        th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
        th { background: var(--head); position: sticky; top: 0; z-index: 1; white-space: nowrap; font-weight: 600; }
        td.num { text-align: right; white-space: nowrap; }
        td.code { white-space: nowrap; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em; }
        tbody tr:hover { background: #f6f8fa; }
        .yes { color: var(--del-ink); font-weight: 600; }
        .no { color: var(--muted); }
        .mark { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 700; white-space: nowrap; }
        tr.added { background: var(--add); } tr.added .mark { color: var(--add-ink); }
        tr.removed { background: var(--del); } tr.removed .mark { color: var(--del-ink); }
        tr.removed td:not(.mark) { text-decoration: line-through; text-decoration-color: rgba(179,38,30,.5); }
        tr.changed { background: var(--mod); } tr.changed .mark { color: var(--accent); }
        td.changed-cell { background: var(--mod-cell); }
        del { color: var(--del-ink); } ins { color: var(--add-ink); text-decoration: none; font-weight: 600; }
        .legend span { display: inline-block; padding: 0 8px; margin-right: 8px; border-radius: 4px; }
        .diagnostics li { margin: 4px 0; }
        .sev { display: inline-block; font-size: .85em; padding: 0 6px; border-radius: 4px; margin-right: 6px; }
        .sev.warning { background: #fff2c4; } .sev.error { background: var(--del); color: var(--del-ink); }
        .where { color: var(--muted); margin-right: 6px; }
        .excerpt { display: block; color: var(--muted); font-size: .92em; }
        footer { color: var(--muted); font-size: .88em; padding-top: 16px; padding-bottom: 32px; word-break: break-all; }
        @media (max-width: 760px) {
          body { font-size: 16px; }
          h1 { font-size: 1.3rem; }
          table.cards thead { display: none; }
          table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
          table.cards tr { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 10px; padding: 6px 10px; }
          table.cards td { border: 0; padding: 2px 0; text-align: left; white-space: normal; }
          table.cards td::before { content: attr(data-label); display: inline-block; min-width: 7em; color: var(--muted);
            font-size: .88em; margin-right: 8px; }
        }

        """
}
