import MuluSupport
import MuluModel
extension CatalogueJSON {
    /// Writes entries as ``JSONWriter`` would, from the layout's constant bytes: an entry's keys,
    /// separators and indentation depend only on how deep it stands, so they are laid out once
    /// per depth and each entry copies them around its values.
    ///
    /// The output is the writer's to the byte (keys sorted, two-space indentation, `null` for a
    /// missing subsidy, `[]` for no levels); `CompileEntryLayoutTests` holds it to that.
    final class EntryLayout: @unchecked Sendable {
        /// The constant pieces, one after another (never changed after `init`); the ranges below
        /// index into it.
        private let bytes: UnsafeMutableBufferPointer<UInt8>
        private let open, code, extra, industry, name, seq, table, training, urgent, entryClose: Range<Int>
        /// An extra cell's key: the first (after `{`) and a later one (after `,`), and the end.
        private let extraFirst, extraNext, extraColon, extraClose: Range<Int>
        private let subsidyOpen, amounts, anyOfTrue, anyOfFalse, emptyLevels, note, text, upToTrue, upToFalse: Range<Int>
        /// One per-level amount: its opening (first or later item), its level key, its close;
        /// the end of a non-empty `amounts` array.
        private let amountFirst, amountNext, amountLevel, amountClose, amountsEnd: Range<Int>
        /// A level as the first item of `levels` (`[`, newline, indentation, the quoted name),
        /// and as a later one (`,` instead of `[`), by ``levelIndex(_:)``.
        private let firstLevel, nextLevel: [Range<Int>]
        /// The end of a non-empty `levels` array.
        private let levelsEnd: Range<Int>

        /// The layout of an entry written as a value at `depth`: the number of containers open
        /// around it (2 in `catalogue.json`: the top object and `entries`); or, when `compact`,
        /// on one line without whitespace, as a compact ``JSONWriter`` has it (any depth).
        init(depth: Int, compact: Bool = false) {
            var bytes: [UInt8] = []
            func piece(_ parts: String...) -> Range<Int> {
                let start = bytes.count
                for part in parts { bytes.append(contentsOf: part.utf8) }
                return start..<bytes.count
            }
            func newline(_ level: Int) -> String { compact ? "" : "\n" + String(repeating: " ", count: level * 2) }
            // A key and the separator after it.
            func k(_ name: String) -> String { "\"\(name)\":" + (compact ? "" : " ") }
            let (entryEnd, member, subsidyMember, item, itemMember) =
                (newline(depth), newline(depth + 1), newline(depth + 2), newline(depth + 3), newline(depth + 4))
            open = piece("{", member, k("assessment"))
            code = piece(",", member, k("code"))
            extra = piece(",", member, k("extra"))
            extraFirst = piece("{", subsidyMember)
            extraNext = piece(",", subsidyMember)
            extraColon = piece(compact ? ":" : ": ")
            extraClose = piece(member, "}")
            industry = piece(",", member, k("industry"))
            name = piece(",", member, k("name"))
            seq = piece(",", member, k("seq"))
            table = piece(",", member, k("table"))
            training = piece(",", member, k("training"))
            urgent = piece(",", member, k("urgent"))
            entryClose = piece(entryEnd, "}")
            subsidyOpen = piece("{", subsidyMember, k("amountYuan"))
            amounts = piece(",", subsidyMember, k("amounts"))
            amountFirst = piece("[", item, "{", itemMember, k("amountYuan"))
            amountNext = piece(",", item, "{", itemMember, k("amountYuan"))
            amountLevel = piece(",", itemMember, k("level"), "\"")
            amountClose = piece("\"", item, "}")
            amountsEnd = piece(subsidyMember, "]")
            anyOfTrue = piece(",", subsidyMember, k("anyOf"), "true,", subsidyMember, k("levels"))
            anyOfFalse = piece(",", subsidyMember, k("anyOf"), "false,", subsidyMember, k("levels"))
            emptyLevels = piece("[]")
            let levels = Level.allCases.sorted { Self.levelIndex($0) < Self.levelIndex($1) }
            firstLevel = levels.map { piece("[", item, "\"", $0.rawValue, "\"") }
            nextLevel = levels.map { piece(",", item, "\"", $0.rawValue, "\"") }
            levelsEnd = piece(subsidyMember, "]")
            note = piece(",", subsidyMember, k("note"))
            text = piece(",", subsidyMember, k("text"))
            upToTrue = piece(",", subsidyMember, k("upTo"), "true", member, "}")
            upToFalse = piece(",", subsidyMember, k("upTo"), "false", member, "}")
            self.bytes = .allocate(capacity: bytes.count)
            _ = self.bytes.initialize(from: bytes)
        }

        deinit {
            bytes.deallocate()
        }

        /// The layouts of the depths entries are usually written at, made once.
        private static let common: [EntryLayout] = (0..<8).map { EntryLayout(depth: $0) }

        /// The one-line layout (`catalogue.json`'s entries, a compact writer's), made once.
        static let compact = EntryLayout(depth: 0, compact: true)

        /// The layout for `depth`.
        static func at(depth: Int) -> EntryLayout {
            depth < common.count ? common[depth] : EntryLayout(depth: depth)
        }

        /// Appends `e` as a JSON object (its opening `{` first, no leading separator).
        func write(_ e: Entry, to out: OutputBuffer) {
            put(open, to: out)
            writeSubsidy(e.assessment, to: out)
            put(code, to: out)
            JSONWriter.appendString(e.code, to: out)
            if !e.extra.isEmpty {
                put(extra, to: out)
                // Keys sorted by their UTF-8 bytes, as the writer has them.
                let keys = e.extra.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
                for (i, key) in keys.enumerated() {
                    put(i == 0 ? extraFirst : extraNext, to: out)
                    JSONWriter.appendString(key, to: out)
                    put(extraColon, to: out)
                    JSONWriter.appendString(e.extra[key]!, to: out)
                }
                put(extraClose, to: out)
            }
            put(industry, to: out)
            if let industryText = e.industry { JSONWriter.appendString(industryText, to: out) } else { out.append("null") }
            put(name, to: out)
            JSONWriter.appendString(e.name, to: out)
            put(seq, to: out)
            out.appendDecimal(e.seq)
            put(table, to: out)
            out.appendDecimal(e.table)
            put(training, to: out)
            writeSubsidy(e.training, to: out)
            put(urgent, to: out)
            switch e.urgent {
            case true?: out.append("true")
            case false?: out.append("false")
            case nil: out.append("null")
            }
            put(entryClose, to: out)
        }

        @inline(__always)
        private func put(_ range: Range<Int>, to out: OutputBuffer) {
            out.append(UnsafeBufferPointer(rebasing: bytes[range]))
        }

        @inline(__always)
        private func writeSubsidy(_ s: Subsidy?, to out: OutputBuffer) {
            guard let s else {
                out.append("null")
                return
            }
            put(subsidyOpen, to: out)
            if let amount = s.amountYuan { out.appendDecimal(amount) } else { out.append("null") }
            put(amounts, to: out)
            if s.amounts.isEmpty {
                put(emptyLevels, to: out)
            } else {
                for i in s.amounts.indices {
                    put(i == 0 ? amountFirst : amountNext, to: out)
                    out.appendDecimal(s.amounts[i].amountYuan)
                    put(amountLevel, to: out)
                    out.append(utf8: s.amounts[i].level.rawValue)
                    put(amountClose, to: out)
                }
                put(amountsEnd, to: out)
            }
            put(s.anyOf ? anyOfTrue : anyOfFalse, to: out)
            if s.levels.isEmpty {
                put(emptyLevels, to: out)
            } else {
                for i in s.levels.indices {
                    let index = Self.levelIndex(s.levels[i])
                    put(i == 0 ? firstLevel[index] : nextLevel[index], to: out)
                }
                put(levelsEnd, to: out)
            }
            if let noteText = s.note {
                put(note, to: out)
                JSONWriter.appendString(noteText, to: out)
            }
            put(text, to: out)
            JSONWriter.appendString(s.text, to: out)
            put(s.upTo ? upToTrue : upToFalse, to: out)
        }

        /// A level's place in the tables (without `Level.allCases`, which builds an array).
        @inline(__always)
        private static func levelIndex(_ level: Level) -> Int {
            switch level {
            case .junior: 0
            case .intermediate: 1
            case .senior: 2
            case .technician: 3
            case .seniorTechnician: 4
            }
        }
    }
}
