import MuluSupport
import MuluModel

/// How a table's columns were read from its header: every header cell in printed order and what
/// it was mapped to — a field, a level sub-column of a subsidy, or an extra column kept as
/// published.
public struct ColumnMap: Hashable, Sendable {
    /// What one column holds.
    public enum Kind: Hashable, Sendable {
        case field(TableField)
        /// The amounts of one level of a subsidy field (a second header line `初级 中级 高级`).
        case level(TableField, Level)
        /// A column with no field, by its index among the extra columns.
        case extra(Int)
    }

    /// The problem of two subsidy columns headed alike without 培训 or 鉴定 (`补贴标准（元/人）`
    /// twice, `unnamed` their indices among `headers`): which is training cannot be told (the
    /// order training, then assessment, is only a habit). Nil when no two are alike.
    public static func unnamedSubsidyTwins(_ headers: [String], unnamed: [Int]) -> String? {
        for (n, i) in unnamed.enumerated() where !headers[i].isEmpty {
            if let j = unnamed.dropFirst(n + 1).first(where: { headers[$0] == headers[i] }) {
                return "two columns are headed `\(headers[i])` (columns \(i + 1) and \(j + 1)): which is the training subsidy and which the assessment cannot be told"
            }
        }
        return nil
    }

    /// The most extra columns a table may have (cells are held inline).
    public static let maxExtra = 8

    public private(set) var kinds: [Kind] = []
    /// The header text of each column, as published (blanks removed, wrapped lines joined).
    public private(set) var headers: [String] = []
    /// What in the header could not be read (a level line that does not divide among the
    /// subsidy columns): an error of the catalogue, said first.
    public var problem: String?
    /// False when the header names no row number (`序号`): the first column, `seq`, is not
    /// printed; a row that does not start with a number is numbered as it comes.
    public private(set) var numbered = true
    /// The other ways the header's level line may divide among the subsidy columns (all under
    /// one of them), for the rows to choose from when they do not read as this map says
    /// (`DelimitedReader.settleLevels`); empty when there is no level line or no choice.
    public var levelChoices: [ColumnMap] = []

    public init() {}

    /// The reference layout: the seven fields in their usual order.
    public static let reference: ColumnMap = {
        var m = ColumnMap()
        for f in TableField.allCases { m.append(.field(f), header: f.label) }
        return m
    }()

    /// A map to append a header's columns to when the header names no row number (`序号`): its
    /// first column, `seq`, is not printed (`numbered` false).
    public static var unnumbered: ColumnMap {
        var m = ColumnMap()
        m.append(.field(.seq), header: "")
        m.numbered = false
        return m
    }

    public mutating func append(_ kind: Kind, header: String) {
        kinds.append(kind)
        headers.append(header)
        shapeKinds.append(Self.shapeKind(kind, header: header))
    }

    /// The kinds as cells are told apart by shape: an extra column that holds a subsidy (the
    /// replaced amount of a revision notice, `培训补贴标准（调整前）`, or an earlier year's,
    /// `2024年培训补贴标准`) is read as one.
    public private(set) var shapeKinds: [Kind] = []

    static func shapeKind(_ kind: Kind, header: String) -> Kind {
        guard case .extra = kind, HeaderWords.revision(header) < 0 || HeaderWords.year(header) > 0 else { return kind }
        var plain = header
        for w in HeaderWords.supersededWords { plain = plain.replacingOccurrences(of: w, with: "") }
        switch HeaderWords.meaning(plain) {
        case .field(.training): return .field(.training)
        case .field(.assessment): return .field(.assessment)
        default: return kind
        }
    }

    /// True when some column gives `field` (directly or by level sub-columns).
    public func has(_ field: TableField) -> Bool {
        kinds.contains { k in
            switch k {
            case .field(let f): f == field
            case .level(let f, _): f == field
            case .extra: false
            }
        }
    }

    /// The level sub-columns of `field`, in printed order.
    public func levels(of field: TableField) -> [Level] {
        kinds.compactMap { if case .level(field, let l) = $0 { l } else { nil } }
    }

    /// The headers of the extra columns, in printed order.
    public var extraHeaders: [String] {
        zip(kinds, headers).compactMap { if case .extra = $0 { $1 } else { nil } }
    }

    /// This map with the extra column headed `header` read as the urgency column (a `类别`
    /// column whose every cell is an urgency word: `NoticeParser.urgencyByContent`).
    public func readingAsUrgency(extraHeader header: String) -> ColumnMap {
        var m = ColumnMap()
        m.problem = problem
        m.numbered = numbered
        var extra = 0
        for (kind, h) in zip(kinds, headers) {
            switch kind {
            case .extra where h == header && !m.has(.urgent): m.append(.field(.urgent), header: h)
            case .extra: m.append(.extra(extra), header: h); extra += 1
            default: m.append(kind, header: h)
            }
        }
        return m
    }

    /// The columns as `catalogue.json` lists them.
    public var catalogueColumns: [Catalogue.Column] {
        zip(kinds, headers).map { kind, header in
            switch kind {
            case .field(let f): Catalogue.Column(header: header, field: f.name)
            case .level(let f, let l): Catalogue.Column(header: header, field: f.name, level: l)
            case .extra: Catalogue.Column(header: header, field: "extra")
            }
        }
    }

    /// Reads a header band's lines (each a list of cell texts, blanks removed). The first line
    /// names the columns; a later line of level words gives level sub-columns to the subsidy
    /// columns above them (split evenly between them, in order); any other later line is the
    /// wrapped rest of some header cells (`是否急` / `需紧缺`), joined to the cell it completes.
    /// Nil when the header names no row number, code and name.
    public static func read(headerLines rawLines: [[String]]) -> ColumnMap? {
        var headerLines = rawLines.map(joinSingleCharacters)
        guard !headerLines.isEmpty else { return nil }
        // The first line of a header cell printed above the line that names most columns (a cell
        // centred over two lines: `是否为急需` above `… 紧缺职业`) starts that cell.
        var main = 0
        for (i, line) in headerLines.enumerated() where distinctFields(line) > distinctFields(headerLines[main]) { main = i }
        if main > 0, let joined = prefixWrapped(headerLines[..<main].flatMap { $0 }, to: headerLines[main]) {
            headerLines = [joined] + headerLines[(main + 1)...]
        }
        var headers = headerLines[0]
        var levelLines: [[Level]] = []
        for line in headerLines.dropFirst() {
            let levels = line.compactMap(LevelWords.single)
            if !line.isEmpty, levels.count == line.count {
                levelLines.append(levels)
                continue
            }
            // Revision sub-columns (`调整前 调整后` under a subsidy header): see `RevisionColumns`.
            if let split = RevisionColumns.split(headers, by: line) {
                headers = split
                continue
            }
            // A group header over the subsidy columns (`补贴标准（元/人）` above `培训补贴 鉴定补贴`):
            // the pieces below it, each naming a subsidy, are the columns the group cell spans.
            if let split = splitGroup(headers, by: line) {
                headers = split
                continue
            }
            // A header printed cell by cell over two lines: the second line's pieces complete the
            // last cells of the first (a short cell such as 序号 has no second line), when that
            // names more fields than reading them as wrapped pieces.
            var wrapped = headers
            for piece in line { joinWrapped(piece, into: &wrapped) }
            if line.count > 1, line.count <= headers.count {
                var aligned = headers
                for (k, piece) in line.enumerated() { aligned[headers.count - line.count + k] += piece }
                let chosen = distinctFields(aligned) > distinctFields(wrapped)
                    || (distinctFields(aligned) == distinctFields(wrapped) && line.count + 2 >= headers.count) ? aligned : wrapped
                // Cells with no second line may sit between those with one (`职业(工种)` / `代码`
                // beside `培训补贴标准` on one line): the pieces completing cells in order, where
                // that reads better.
                headers = spreadWrapped(line, over: chosen, base: headers) ?? chosen
                continue
            }
            headers = wrapped
        }
        // What each header names; a subsidy column named without 培训 or 鉴定 (`补贴标准（元/人）`)
        // is training when no header names training, then assessment.
        var meanings = headers.map(HeaderWords.meaning)
        var unnamed: [Int] = []
        for i in meanings.indices {
            let named = Set(meanings.compactMap { if case .field(let f) = $0 { f } else { nil } })
            // A revision's pair of unnamed columns (`原标准 | 新标准`) names one subsidy twice.
            if i > 0, HeaderWords.revision(headers[i]) != 0, HeaderWords.revision(headers[i - 1]) != 0,
               HeaderWords.unnamedSubsidy(headers[i], named: []) != nil,
               HeaderWords.unnamedSubsidy(headers[i - 1], named: []) != nil {
                meanings[i] = meanings[i - 1]
            } else if let f = HeaderWords.unnamedSubsidy(headers[i], named: named) {
                meanings[i] = .field(f)
                unnamed.append(i)
            }
        }
        // Subsidy cells each naming one level of one field (`培训补贴标准（初级）`,
        // `培训补贴标准（中级）`): that field's level sub-columns, printed as header cells.
        var headerLevels: [Int: Level] = [:]
        for f in [TableField.training, .assessment] {
            let claims = meanings.indices.filter { meanings[$0] == .field(f) }
            let named = claims.compactMap { HeaderWords.namedLevel(headers[$0]) }
            guard claims.count > 1, named.count == claims.count, Set(named).count == named.count else { continue }
            for (i, l) in zip(claims, named) { headerLevels[i] = l }
        }
        // Two cells naming one field: the one in force (`调整后` over `调整前`), then the one naming it
        // more fully, keeps it. Two cells with one text name it equally: which one it is cannot
        // be told.
        var twins: String?
        // (Two subsidy columns headed alike without 培训 or 鉴定, `补贴标准（元/人）` twice: the
        // first is not told to be training.)
        twins = Self.unnamedSubsidyTwins(headers, unnamed: unnamed)
        for f in TableField.allCases {
            let claims = meanings.indices.filter { meanings[$0] == .field(f) }
            // (Of cells that each name a year, `2024年培训补贴标准 | 2025年培训补贴标准`, the latest
            // is in force; a year beside a cell without one, `序号 | 2023年序号`, is last year's.)
            let dated = claims.allSatisfy { HeaderWords.year(headers[$0]) > 0 }
            func year(_ i: Int) -> Int { dated ? HeaderWords.year(headers[i]) : -HeaderWords.year(headers[i]) }
            guard claims.count > 1, !claims.contains(where: { headerLevels[$0] != nil }), let best = claims.max(by: {
                (HeaderWords.revision(headers[$0]), year($0), HeaderWords.strength(headers[$0], for: f), -$0)
                    < (HeaderWords.revision(headers[$1]), year($1), HeaderWords.strength(headers[$1], for: f), -$1)
            }) else { continue }
            if twins == nil, !headers[best].isEmpty, claims.contains(where: { $0 != best && headers[$0] == headers[best] }) {
                twins = "two columns are headed `\(headers[best])`: which of them is the \(f) column cannot be told"
            }
            for i in claims where i != best {
                let namesOccupation = f != .name && HeaderWords.nameWords.contains { HeaderWords.holds(headers[i], $0) }
                meanings[i] = namesOccupation && !meanings.contains(.field(.name)) ? .field(.name) : .extra
            }
        }
        // Subsidy columns that may have level sub-columns below them: those whose header does
        // not name levels itself (`…等级及补贴标准` has them in its cells), if any does not.
        // (The others stay choices for the rows: `DelimitedReader.settleLevels`.)
        let allSubsidy = headers.indices.filter { meanings[$0] == .field(.training) || meanings[$0] == .field(.assessment) }
        var subsidyColumns = allSubsidy
        if subsidyColumns.contains(where: { !headers[$0].contains(utf8: "等级") }) { subsidyColumns.removeAll { headers[$0].contains(utf8: "等级") } }
        let levels = levelLines.first ?? []
        // How the level line may divide among the subsidy columns: evenly, or all under one of
        // them (the other a single column). Evenly is read unless the rows say otherwise
        // (`DelimitedReader.settleLevels`).
        var shares: [[Int]] = []
        let divisible = !subsidyColumns.isEmpty && levels.count % subsidyColumns.count == 0
        if !levels.isEmpty, !subsidyColumns.isEmpty {
            if divisible {
                shares.append(allSubsidy.map { subsidyColumns.contains($0) ? levels.count / subsidyColumns.count : 0 })
            }
            if allSubsidy.count > 1 {
                for j in allSubsidy.indices {
                    shares.append(allSubsidy.indices.map { $0 == j ? levels.count : 0 })
                }
            }
        }
        func build(_ share: [Int]) -> ColumnMap {
            var m = ColumnMap()
            var extra = 0
            var used = Set<TableField>()
            var next = 0
            // A header naming no row number: a row starting with a number is numbered by it; any
            // other row as it comes (`numbered` false: the column is not printed).
            if !meanings.contains(.field(.seq)) {
                m.append(.field(.seq), header: "")
                m.numbered = false
                used.insert(.seq)
            }
            for (i, h) in headers.enumerated() {
                let s = allSubsidy.firstIndex(of: i).map { share.isEmpty ? 0 : share[$0] } ?? 0
                switch meanings[i] {
                case .field(let f) where headerLevels[i] != nil:
                    m.append(.level(f, headerLevels[i]!), header: h)
                case .field(let f) where (f == .training || f == .assessment) && s > 0 && !used.contains(f):
                    for l in levels[next..<(next + s)] {
                        m.append(.level(f, l), header: h + "/" + l.rawValue)
                    }
                    next += s
                    used.insert(f)
                case .field(let f) where !used.contains(f):
                    m.append(.field(f), header: h)
                    used.insert(f)
                default:
                    guard extra < maxExtra else { continue }
                    // Two extra columns under one header (备注, 备注) are told apart: 备注, 备注2.
                    var name = h.isEmpty ? "列\(m.kinds.count + 1)" : h
                    if m.headers.contains(name) { name += "\(m.headers.filter { $0.hasPrefix(h) }.count + 1)" }
                    m.append(.extra(extra), header: name)
                    extra += 1
                }
            }
            return m
        }
        let even = levels.isEmpty || divisible
        var m = build(even ? shares.first ?? [] : [])
        guard m.has(.seq), m.has(.code) || m.has(.name) else { return nil }
        if let twins { m.problem = twins }
        if !even {
            let names = subsidyColumns.map { "`\(headers[$0])`" }.joined(separator: " and ")
            m.problem = "the header's level line `\(levels.map(\.rawValue).joined(separator: " "))` does not divide among "
                + (subsidyColumns.isEmpty ? "the subsidy columns (there are none)" : "the subsidy columns \(names)")
                + ": which subsidy each level belongs to cannot be told"
        }
        m.levelChoices = shares.dropFirst(even ? 1 : 0).map(build).filter { $0.kinds != m.kinds }
        return m
    }

    /// `headers` with its one subsidy group cell (`补贴标准（元/人）`, naming neither training nor
    /// assessment, when no cell does) replaced by the pieces of the line below it that each name
    /// a subsidy (`培训补贴`, `鉴定补贴`), the group's unit kept with each; nil otherwise.
    static func splitGroup(_ headers: [String], by line: [String]) -> [String]? {
        let subsidy: Set<HeaderWords.Meaning> = [.field(.training), .field(.assessment)]
        guard line.count >= 2, Set(line.map(HeaderWords.meaning)) == subsidy,
              !headers.contains(where: { subsidy.contains(HeaderWords.meaning($0)) }) else { return nil }
        let groups = headers.indices.filter { headers[$0].contains(utf8: "补贴") }
        guard groups.count == 1, let g = groups.first else { return nil }
        let unit = headers[g].firstIndex { $0 == "（" || $0 == "(" }.map { String(headers[g][$0...]) } ?? ""
        var out = headers
        out.replaceSubrange(g...g, with: line.map { HeaderWords.givesUnit($0) || !HeaderWords.givesUnit(unit) ? $0 : $0 + unit })
        return out
    }

    /// The best way to complete `base`'s cells with the pieces of a later header line, one piece
    /// per cell and in order, when it beats `current`: more distinct fields; or as many, and more
    /// pieces that name a field completing a cell that names it; or as many, and the columns
    /// kept (no piece left as a column of its own). Nil otherwise. At most a few hundred ways.
    static func spreadWrapped(_ line: [String], over current: [String], base: [String]) -> [String]? {
        let n = base.count, m = line.count
        guard m <= n, n <= 12 else { return nil }
        // The ways share their cells' texts: each text's field is looked up once.
        var known: [String: TableField?] = [:]
        func field(_ text: String) -> TableField? {
            if let f = known[text] { return f }
            let f = HeaderWords.field(text)
            known[text] = f
            return f
        }
        func distinctFields(_ cells: [String]) -> Int { Set(cells.compactMap(field)).count }
        func agreeing(_ cells: [String]) -> Int {
            line.filter { piece in
                field(piece).map { f in cells.contains { $0.hasSuffix(piece) && field($0) == f } } ?? false
            }.count
        }
        let currentScore = (distinctFields(current), agreeing(current), current.count == n ? 1 : 0)
        var best: (cells: [String], score: (Int, Int, Int))?
        var picks: [Int] = []
        func search(_ from: Int) {
            if picks.count == m {
                var cells = base
                for (piece, i) in zip(line, picks) { cells[i] += piece }
                let score = (distinctFields(cells), agreeing(cells), 1)
                if score > (best?.score ?? currentScore) { best = (cells, score) }
                return
            }
            guard from < n else { return }
            for i in from..<n where n - i >= m - picks.count {
                picks.append(i)
                search(i + 1)
                picks.removeLast()
            }
        }
        search(0)
        return best?.cells
    }

    /// `headers` with each of `pieces` (header text printed above them) put before the cell it
    /// starts: the cell naming the piece's field, or the first that means the same with the
    /// piece before it. Nil when some piece starts no cell.
    static func prefixWrapped(_ pieces: [String], to headers: [String]) -> [String]? {
        var out = headers
        for piece in pieces {
            let meaning = HeaderWords.meaning(piece)
            if case .field = meaning, let i = out.firstIndex(where: { HeaderWords.meaning($0) == meaning }) {
                out[i] = piece + out[i]
            } else if let i = out.firstIndex(where: { HeaderWords.meaning(piece + $0) == HeaderWords.meaning($0) }) {
                out[i] = piece + out[i]
            } else {
                return nil
            }
        }
        return out
    }

    /// The number of distinct fields `headers` name.
    static func distinctFields(_ headers: [String]) -> Int {
        Set(headers.compactMap(HeaderWords.field)).count
    }

    /// A header written with blanks between its characters (`序 号 行 业`): runs of
    /// one-character pieces joined (`序号`, `行业`), where the joined piece names a field.
    static func joinSingleCharacters(_ line: [String]) -> [String] {
        var out: [String] = []
        var run = ""
        func flush() {
            if !run.isEmpty { out.append(run) }
            run = ""
        }
        for piece in line {
            if piece.count == 1, LevelWords.single(piece) == nil {
                run += piece
                if HeaderWords.field(run) != nil, run.count >= 2 { flush() }
            } else {
                flush()
                out.append(piece)
            }
        }
        flush()
        return out
    }

    /// Places a later header line's piece: a field no header names yet is a header of its own
    /// (a cell printed lower than the others); a piece of a field already named completes that
    /// header (`是否急` / `需紧缺`); anything else completes the last header it leaves
    /// meaning the same (`（元/人）` under `培训补贴标准`), else is an extra header.
    static func joinWrapped(_ piece: String, into headers: inout [String]) {
        let meaning = HeaderWords.meaning(piece)
        let meanings = headers.map(HeaderWords.meaning)
        if case .field = meaning {
            if let i = meanings.lastIndex(of: meaning) {
                headers[i] += piece
            } else if let i = headers.indices.last, HeaderWords.meaning(headers[i] + piece) == meaning,
                      meanings[i] == .extra {
                headers[i] += piece
            } else {
                headers.append(piece)
            }
            return
        }
        // A unit alone (`（元/人）`, a line of units under the header): the first subsidy header
        // without one takes it.
        if piece.hasPrefix("（") || piece.hasPrefix("("), HeaderWords.givesUnit(piece), piece.count <= 8,
           let i = headers.indices.first(where: { i in
               (meanings[i] == .field(.training) || meanings[i] == .field(.assessment)) && !HeaderWords.givesUnit(headers[i])
           }) {
            headers[i] += piece
            return
        }
        for i in headers.indices.reversed() where meanings[i] != .extra {
            if HeaderWords.meaning(headers[i] + piece) == meanings[i] { headers[i] += piece; return }
        }
        headers.append(piece)
    }
}

extension TableField {
    /// The field's name in `catalogue.json` and its `columns`.
    public var name: String {
        switch self {
        case .seq: "seq"
        case .industry: "industry"
        case .code: "code"
        case .name: "name"
        case .training: "training"
        case .assessment: "assessment"
        case .urgent: "urgent"
        }
    }
}
