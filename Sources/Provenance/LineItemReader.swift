import ExtractCore
import Foundation
import JSONCore

/// Reads the rows of an item table (invoice line items) from the evidence's words and boxes, without a model.
///
/// Page by page: the header is the line whose phrases (runs of words with no column gap) name at least two of
/// the columns the row fields ask for, one of them numeric, by the multilingual labels of ``LineItemColumn``
/// (`Pos`, `Beschreibung`, `Menge`, `Prix unitaire`, `Bedrag` …). Label lines stacked just above and below it
/// (`Prix` / `unitaire`, `Art-Nr-Kunde` / `Art-Nr`) join the column they stand over; where they name different
/// kinds (`Art-Nr-Lieferant` over `Artikelbezeichnung`), each names its entry of the cell. Each row field gets the
/// column its name (or description) asks for, one column per kind, best label first; fields whose column was not
/// found get no value.
///
/// Below the header, every phrase goes to the column whose span it overlaps most. A row starts at a line with
/// numbers in the numeric columns (two of them when the table has two) — the line a row's position, description,
/// price and quantity share, whatever the row's height — and takes the lines below it up to the next such line.
/// The table ends at a totals line (`Summe`, `Gesamtbetrag`, `Total HT` …), a large vertical gap, or a line of
/// labels only (the header of the next table).
///
/// Cells are read by the field's type: numbers in German, French and English formats (``ValueNormalizer``), a
/// unit printed with the quantity (`20 Stk` → 20 and, when the field asks for a UN/ECE Rec 20 code, `H87`; a bare
/// count `20` gives no unit), a
/// position number, an item number, a name from its first line and the description lines directly under it. A
/// GTIN printed in an item-number column with a `(GTIN)` or `EAN` mark beside it is the row's global item id.
public struct LineItemReader: Sendable {
    /// One value read from a table cell, with where it is printed.
    public struct Cell: Sendable, Hashable {
        /// The field's pointer (`/lines/*/quantity`).
        public var pointer: String
        /// The value, normalised for the field.
        public var value: JSONValue
        /// The text as printed.
        public var text: String
        /// 1-based page number.
        public var page: Int
        /// The printed words' box.
        public var box: BoundingBox
    }

    /// One row of an item table.
    public struct Row: Sendable, Hashable {
        /// The row as an instance of the item schema (only the fields read).
        public var value: JSONValue
        /// Where each value was read.
        public var cells: [Cell]
        /// 1-based page number.
        public var page: Int
    }

    let evidence: DocumentEvidence
    let normalizer: ValueNormalizer

    /// Creates a reader over `evidence`'s words (the text layer of each page, or its OCR when the page has no
    /// text layer).
    public init(evidence: DocumentEvidence, normalizer: ValueNormalizer = ValueNormalizer()) {
        self.evidence = evidence
        self.normalizer = normalizer
    }

    /// The rows of the item table for the array whose item fields are `rowFields` (leaves at `/array/*/name`);
    /// empty when no table heads columns for them.
    public func rows(for rowFields: [SchemaField]) -> [Row] {
        let targets: [Target] = rowFields.compactMap { field in
            guard let star = field.path.firstIndex(of: "*"), star == field.path.count - 2,
                  let column = LineItemColumn.of(field) else { return nil }
            return Target(field: field, key: field.path[star + 1], column: column)
        }
        guard targets.contains(where: { $0.column.isNumeric }) else { return [] }
        var rows: [Row] = []
        for page in evidence.pages {
            let lines = Self.visualLines(of: page)
            guard let table = header(in: lines, wanted: Set(targets.map(\.column))) else { continue }
            rows += read(table, lines: lines, targets: targets, page: page.number)
        }
        return rows
    }

    // MARK: Geometry

    struct Target {
        var field: SchemaField
        var key: String
        var column: LineItemColumn
    }

    struct Phrase {
        var text: String
        var box: BoundingBox
        var words: [TextWord]
    }

    struct Line {
        var phrases: [Phrase]
        var box: BoundingBox
        var height: Double
    }

    /// The page's words as visual lines (words whose vertical centres agree), each split into phrases at gaps
    /// wider than a space.
    static func visualLines(of page: PageEvidence) -> [Line] {
        let layer = page.textLayer.flatMap { $0.words.count >= 5 ? $0 : nil } ?? page.ocr ?? page.textLayer
        let words = (layer?.words ?? []).filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
            .sorted { $0.box.midY < $1.box.midY }
        var groups: [[TextWord]] = []
        var centre = -Double.infinity
        var height = 0.0
        for word in words {
            if !groups.isEmpty, abs(word.box.midY - centre) <= max(height, word.box.height) * 0.4 {
                groups[groups.count - 1].append(word)
                let count = Double(groups[groups.count - 1].count)
                centre += (word.box.midY - centre) / count
                height = max(height, word.box.height)
            } else {
                groups.append([word])
                centre = word.box.midY
                height = word.box.height
            }
        }
        return groups.map { group in
            let sorted = group.sorted { $0.box.x < $1.box.x }
            var phrases: [Phrase] = []
            for word in sorted {
                if var last = phrases.last,
                   word.box.x - last.box.maxX < max(word.box.height, last.box.height) * 0.6 {
                    last.text += " " + word.text
                    last.box = last.box.union(word.box)
                    last.words.append(word)
                    phrases[phrases.count - 1] = last
                } else {
                    phrases.append(Phrase(text: word.text, box: word.box, words: [word]))
                }
            }
            let heights = sorted.map(\.box.height).sorted()
            return Line(phrases: phrases, box: BoundingBox.enclosing(sorted.map(\.box))!,
                        height: heights[heights.count / 2])
        }
    }

    // MARK: Header

    struct Column {
        var texts: [(y: Double, text: String)]
        var box: BoundingBox
        var kind: LineItemColumn?
        /// For a column whose stacked labels name different kinds line by line (`Art-Nr-Lieferant` over
        /// `Artikelbezeichnung`): the kind of each entry of a row's cell, top to bottom; empty otherwise.
        var slots: [LineItemColumn?] = []
        var left = -Double.infinity
        var right = Double.infinity
        var label: String { texts.sorted { $0.y < $1.y }.map(\.text).joined(separator: " ") }
    }

    struct Table {
        var columns: [Column]
        /// Index of the last header line.
        var end: Int
    }

    /// Folded for label matching: lower case, no accents, every run of other characters than letters, digits,
    /// `#` and `%` one space.
    static func fold(_ text: String) -> String {
        let plain = text.lowercased().folding(options: .diacriticInsensitive, locale: nil)
        return plain.split { !$0.isLetter && !$0.isNumber && $0 != "#" && $0 != "%" }.joined(separator: " ")
    }

    /// How well a header text names a column kind: the weight of its best label (whole words), 0 for none.
    static func score(_ text: String, for kind: LineItemColumn) -> Double {
        let folded = " " + fold(text) + " "
        var best = 0.0
        for (label, weight) in kind.labels {
            let key = " " + fold(label) + " "
            guard key.count > 2, folded.contains(key) else { continue }
            best = max(best, weight + Double(key.count) / 100)
        }
        for (tail, tailKind) in LineItemColumn.compoundTails where tailKind == kind {
            let words = folded.split(separator: " ")
            if words.contains(where: { $0.count > tail.count + 1 && $0.hasSuffix(tail) }) {
                best = max(best, 0.75)
            }
        }
        return best
    }

    static func hasDigit(_ line: Line) -> Bool {
        line.phrases.contains { $0.text.contains(where: \.isNumber) }
    }

    /// The item table's header on a page: the best label line, with the label lines stacked on it.
    func header(in lines: [Line], wanted: Set<LineItemColumn>) -> Table? {
        var best: (index: Int, count: Int)?
        for (index, line) in lines.enumerated() where !Self.hasDigit(line) && line.phrases.count >= 2 {
            var kinds = Set<LineItemColumn>()
            for phrase in line.phrases where phrase.text.split(separator: " ").count <= 4 {
                if let kind = wanted.max(by: { Self.score(phrase.text, for: $0) < Self.score(phrase.text, for: $1) }),
                   Self.score(phrase.text, for: kind) > 0 {
                    kinds.insert(kind)
                }
            }
            // An item table names its items (a tax breakdown has rates and amounts only).
            guard kinds.count >= 2, kinds.contains(where: \.isNumeric), kinds.contains(where: { !$0.isNumeric })
            else { continue }
            if kinds.count > (best?.count ?? 0) { best = (index, kinds.count) }
        }
        guard let best else { return nil }
        let line = lines[best.index]
        let headerPhrases = line.phrases.flatMap { Self.segments(of: $0, wanted: wanted) }
        var columns = headerPhrases.map { Column(texts: [(line.box.y, $0.text)], box: $0.box) }
        // Label lines stacked on the header line: no digits, close above or below, at most three each way.
        // A heading above the table (larger type) is no label line of it.
        func isLabelLine(_ index: Int) -> Bool {
            !Self.hasDigit(lines[index]) && lines[index].height <= line.height * 1.25
        }
        var band: [Int] = []
        var above = best.index - 1
        while above >= 0, best.index - above <= 4, isLabelLine(above),
              lines[above + 1].box.y - lines[above].box.maxY < lines[above].height * 1.0 {
            band.append(above)
            above -= 1
        }
        var below = best.index + 1
        while below < lines.count, below - best.index <= 3, isLabelLine(below),
              lines[below].box.y - lines[below - 1].box.maxY < lines[below].height * 1.0 {
            band.append(below)
            below += 1
        }
        for index in band {
            for phrase in lines[index].phrases {
                let overlaps = columns.indices.map { Self.overlap(phrase.box, columns[$0].box.x, columns[$0].box.maxX) }
                // A label over two columns heads a group of them, not one.
                if overlaps.filter({ $0 > 0 }).count > 1 { continue }
                if let target = overlaps.indices.max(by: { overlaps[$0] < overlaps[$1] }), overlaps[target] > 0 {
                    columns[target].texts.append((lines[index].box.y, phrase.text))
                    columns[target].box = columns[target].box.union(phrase.box)
                } else {
                    columns.append(Column(texts: [(lines[index].box.y, phrase.text)], box: phrase.box))
                }
            }
        }
        columns.sort { $0.box.x < $1.box.x }
        // Kinds to columns (or to the entries of a column whose stacked labels name different kinds), one each,
        // best label first. A label naming the buyer's number (`Art-Nr-Kunde`) names no column of the row.
        func bestKind(_ text: String) -> LineItemColumn? {
            // `Ohne MwSt.` under `Zeilenbetrag` qualifies the amount; it names no tax column.
            let first = Self.fold(text).split(separator: " ").first.map(String.init) ?? ""
            if ["ohne", "excl", "exkl", "incl", "inkl", "zzgl", "hors", "avant", "before", "exclusief", "inclusief"]
                .contains(first) {
                return nil
            }
            let kind = wanted.max { Self.score(text, for: $0) < Self.score(text, for: $1) }
            return kind.flatMap { Self.score(text, for: $0) >= 0.75 ? $0 : nil }
        }
        var pairs: [(score: Double, column: Int, slot: Int?, kind: LineItemColumn)] = []
        for (index, column) in columns.enumerated() {
            let stacked = column.texts.sorted { $0.y < $1.y }.map(\.text)
            let kinds = stacked.map(bestKind)
            if stacked.count >= 2, Set(kinds.compactMap { $0 }).count == stacked.count {
                columns[index].slots = Array(repeating: nil, count: stacked.count)
                for (slot, text) in stacked.enumerated() {
                    let buyers = Set(Self.fold(text).split(separator: " ").map(String.init))
                        .intersection(["kunde", "kunden", "customer", "client", "buyer", "kaufer", "acheteur"])
                    // A label naming the buyer (`Art-Nr-Kunde`) heads the buyer's entry, which no row field
                    // reads: neither the seller's number nor a position (its `Nr` is the buyer's article number).
                    guard buyers.isEmpty else { continue }
                    for kind in wanted {
                        let score = Self.score(text, for: kind)
                        if score > 0 { pairs.append((score, index, slot, kind)) }
                    }
                }
                continue
            }
            for kind in wanted {
                let score = Self.score(column.label, for: kind)
                if score > 0 { pairs.append((score, index, nil, kind)) }
            }
        }
        pairs.sort { $0.score != $1.score ? $0.score > $1.score : $0.column < $1.column }
        var usedKinds = Set<LineItemColumn>()
        for pair in pairs where !usedKinds.contains(pair.kind) {
            if let slot = pair.slot {
                guard columns[pair.column].slots[slot] == nil else { continue }
                columns[pair.column].slots[slot] = pair.kind
            } else {
                guard columns[pair.column].kind == nil else { continue }
                columns[pair.column].kind = pair.kind
            }
            usedKinds.insert(pair.kind)
        }
        for index in columns.indices {
            if index > 0 { columns[index].left = (columns[index - 1].box.maxX + columns[index].box.x) / 2 }
            if index + 1 < columns.count {
                columns[index].right = (columns[index].box.maxX + columns[index + 1].box.x) / 2
            }
            if columns[index].left > columns[index].right {
                let middle = (columns[index].box.midX + (index > 0 ? columns[index - 1].box.midX : -1e9)) / 2
                columns[index].left = min(middle, columns[index].box.x)
            }
        }
        return Table(columns: columns, end: max(best.index, band.max() ?? best.index))
    }

    /// A header phrase split where its words name different columns with no column gap between them
    /// (`BTW Hoeveelheid`): each run of words that is a whole label starts a part, other words join the part
    /// before them (`Steuersatz [%]`, `Unit price (EUR)`). A phrase whose parts all name one kind stays whole.
    static func segments(of phrase: Phrase, wanted: Set<LineItemColumn>) -> [Phrase] {
        let words = phrase.words
        guard words.count >= 2 else { return [phrase] }
        func kind(_ text: String) -> LineItemColumn? {
            let folded = fold(text)
            return wanted.first { kind in kind.labels.contains { fold($0.0) == folded } }
        }
        var parts: [(range: Range<Int>, kind: LineItemColumn?)] = []
        var start = 0
        while start < words.count {
            var matched: (end: Int, kind: LineItemColumn)?
            for end in stride(from: words.count, to: start, by: -1) {
                if let found = kind(words[start..<end].map(\.text).joined(separator: " ")) {
                    matched = (end, found)
                    break
                }
            }
            if let matched {
                parts.append((start..<matched.end, matched.kind))
                start = matched.end
            } else {
                if let last = parts.last {
                    parts[parts.count - 1].range = last.range.lowerBound..<start + 1
                } else {
                    parts.append((start..<start + 1, nil))
                }
                start += 1
            }
        }
        // Leading words without a label join the first labelled part.
        if parts.count >= 2, parts[0].kind == nil {
            parts[1].range = parts[0].range.lowerBound..<parts[1].range.upperBound
            parts.removeFirst()
        }
        guard parts.count >= 2, Set(parts.compactMap(\.kind)).count == parts.count else { return [phrase] }
        return parts.map { part in
            let slice = Array(words[part.range])
            return Phrase(text: slice.map(\.text).joined(separator: " "),
                          box: BoundingBox.enclosing(slice.map(\.box))!, words: slice)
        }
    }

    static func overlap(_ box: BoundingBox, _ left: Double, _ right: Double) -> Double {
        max(0, min(box.maxX, right) - max(box.x, left))
    }

    // MARK: Rows

    /// One body line with its phrases sorted into columns (`nil` for phrases under no column).
    struct BodyLine {
        var line: Line
        var cells: [Int: [Phrase]]
    }

    func read(_ table: Table, lines: [Line], targets: [Target], page: Int) -> [Row] {
        let columns = table.columns
        let normalizer = self.normalizer
        func column(of phrase: Phrase) -> Int? {
            // A number (with at most a unit word or two) belongs to a column of numbers or codes, not to the
            // description it may stand under: right-aligned quantities often reach past their header's edge.
            var allowed = Array(columns.indices)
            if let (_, rest) = Self.leadingNumber(phrase.text, normalizer: normalizer),
               rest.split(separator: " ").count <= 2, !rest.contains(where: \.isNumber) {
                allowed = allowed.filter { columns[$0].kind != .name }
            }
            let overlaps = allowed.map { Self.overlap(phrase.box, columns[$0].left, columns[$0].right) }
            if let best = overlaps.indices.max(by: { overlaps[$0] < overlaps[$1] }), overlaps[best] > 0 {
                return allowed[best]
            }
            // Under no allowed column's span: the nearest header.
            let distances = allowed.map { index in
                max(0, columns[index].box.x - phrase.box.maxX, phrase.box.x - columns[index].box.maxX)
            }
            guard let nearest = distances.indices.min(by: { distances[$0] < distances[$1] }),
                  distances[nearest] < phrase.box.height * 4 else { return nil }
            return allowed[nearest]
        }
        let numericColumns = columns.indices.filter { columns[$0].kind?.isNumeric == true }
        let needed = min(2, numericColumns.count)
        var body: [BodyLine] = []
        var anchors: [Int] = []
        var previous = lines[table.end]
        for line in lines.dropFirst(table.end + 1) {
            if line.box.y - previous.box.maxY > max(line.height, previous.height) * 4 { break }
            if !anchors.isEmpty, line.phrases.count >= 3, !Self.hasDigit(line) { break }
            var cells: [Int: [Phrase]] = [:]
            for phrase in line.phrases {
                if let index = column(of: phrase) { cells[index, default: []].append(phrase) }
            }
            let numbers = numericColumns.filter { index in
                cells[index]?.contains { Self.leadingNumber($0.text, normalizer: normalizer) != nil } == true
            }
            let isAnchor = needed > 0 ? numbers.count >= needed
                : cells.keys.contains { columns[$0].kind == .lineID || columns[$0].kind == .name }
            // A totals line ends the table: a phrase starting with a totals label, or holding one where the line
            // is no row (`Factuur totaal EUR 49,99`).
            let folded = line.phrases.map { " " + Self.fold($0.text) + " " }
            if folded.contains(where: { text in
                LineItemColumn.totalsLabels.contains { label in
                    text.hasPrefix(" \(label) ") || (!isAnchor && text.contains(" \(label) "))
                }
            }) {
                break
            }
            if isAnchor { anchors.append(body.count) }
            body.append(BodyLine(line: line, cells: cells))
            previous = line
        }
        var rows: [Row] = []
        for (position, start) in anchors.enumerated() {
            let end = position + 1 < anchors.count ? anchors[position + 1] : body.count
            let rowLines = Array(body[start..<end])
            if let row = readRow(rowLines, columns: columns, targets: targets, page: page) { rows.append(row) }
        }
        return rows
    }

    func readRow(_ lines: [BodyLine], columns: [Column], targets: [Target], page: Int) -> Row? {
        var object = JSONObject()
        var cells: [Cell] = []
        func record(_ target: Target, _ value: JSONValue, _ phrases: [Phrase]) {
            guard object[target.key] == nil else { return }
            object[target.key] = value
            cells.append(Cell(pointer: target.field.pointer, value: value,
                              text: phrases.map(\.text).joined(separator: " "), page: page,
                              box: BoundingBox.enclosing(phrases.map(\.box)) ?? lines[0].line.box))
        }
        func phrases(_ kind: LineItemColumn) -> [[Phrase]] {
            if let index = columns.firstIndex(where: { $0.kind == kind }) { return lines.map { $0.cells[index] ?? [] } }
            // An entry of a stacked column: the n-th line of the row that has text in that column.
            guard let index = columns.firstIndex(where: { $0.slots.contains(kind) }),
                  let slot = columns[index].slots.firstIndex(of: kind) else { return [] }
            let entries = lines.indices.filter { !(lines[$0].cells[index] ?? []).isEmpty }
            return lines.indices.map { line in
                slot < entries.count && entries[slot] == line ? lines[line].cells[index] ?? [] : []
            }
        }
        for target in targets {
            let field = target.field
            switch target.column {
            case .quantity, .unitPrice, .lineAmount, .taxRate:
                for phrase in phrases(target.column).joined() {
                    guard let (number, _) = Self.leadingNumber(phrase.text, normalizer: normalizer),
                          let value = normalizer.normalize(number, for: field) else { continue }
                    record(target, value, [phrase])
                    break
                }
            case .unit:
                if !phrases(.unit).isEmpty {
                    for phrase in phrases(.unit).joined() {
                        if let value = unitValue(phrase.text, for: field) {
                            record(target, value, [phrase])
                            break
                        }
                    }
                } else {
                    for phrase in phrases(.quantity).joined() {
                        guard let (_, rest) = Self.leadingNumber(phrase.text, normalizer: normalizer) else { continue }
                        // A quantity printed without a unit gives no unit: Rec 20's `C62` ("one") would be a
                        // guess, and an unprinted value is left out rather than inferred.
                        if !rest.isEmpty, let value = unitValue(rest, for: field) {
                            record(target, value, [phrase])
                        }
                        break
                    }
                }
            case .lineID:
                for phrase in phrases(.lineID).joined() where Self.isPositionNumber(phrase.text) {
                    let text = phrase.text.trimmingCharacters(in: CharacterSet(charactersIn: ".#) "))
                    if let value = normalizer.normalize(text, for: field) { record(target, value, [phrase]) }
                    break
                }
            case .sellerItemID:
                for phrase in phrases(.sellerItemID).joined() where phrase.text.contains(where: \.isNumber)
                    || phrase.text.contains(where: \.isUppercase) {
                    if Self.isGTIN(phrase.text), targets.contains(where: { $0.column == .globalItemID }) { continue }
                    if let value = normalizer.normalize(phrase.text, for: field) { record(target, value, [phrase]) }
                    break
                }
            case .globalItemID:
                var pool = phrases(.globalItemID).joined().map { $0 }
                if pool.isEmpty {
                    // No GTIN column: a GTIN printed in the row with its mark (`(GTIN)`, `EAN`) beside or below it.
                    let all = lines.flatMap(\.line.phrases)
                    let marked = all.contains { phrase in
                        let words = Set(Self.fold(phrase.text).split(separator: " "))
                        return words.contains("gtin") || words.contains("ean")
                    }
                    pool = marked ? all : []
                }
                for phrase in pool {
                    let text = phrase.text.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
                    guard Self.isGTIN(text), let value = normalizer.normalize(text, for: field) else { continue }
                    record(target, value, [phrase])
                    break
                }
            case .name:
                let lists = phrases(.name)
                guard let first = lists.firstIndex(where: { !$0.isEmpty }) else { continue }
                var taken: [Phrase] = []
                var index = first
                while index < lists.count, !lists[index].isEmpty {
                    if index > first {
                        let gap = lines[index].line.box.y - lines[index - 1].line.box.maxY
                        if gap > lines[index].line.height { break }
                    }
                    taken += lists[index]
                    index += 1
                }
                let text = taken.map(\.text).joined(separator: " ")
                if let value = normalizer.normalize(text, for: field) { record(target, value, taken) }
            }
        }
        // A row names an item (position, name or number) and has a number.
        let kinds = Set(cells.compactMap { cell in targets.first { $0.field.pointer == cell.pointer }?.column })
        guard kinds.contains(where: \.isNumeric), kinds.contains(where: { !$0.isNumeric && $0 != .unit }) else {
            return nil
        }
        return Row(value: .object(object), cells: cells, page: page)
    }

    // MARK: Values

    /// The number a cell starts with and the rest of it (`20 Stk` → `20`, `Stk`; `19 %` → `19 %`, ``).
    static func leadingNumber(_ text: String, normalizer: ValueNormalizer) -> (String, String)? {
        if normalizer.number(text) != nil { return (text, "") }
        let words = text.split(separator: " ").map(String.init)
        var count = 0
        while count < words.count, ValueNormalizer.mayBeInNumber(words[count]) { count += 1 }
        while count > 0 {
            let head = words.prefix(count).joined(separator: " ")
            if normalizer.number(head) != nil {
                return (head, words.dropFirst(count).joined(separator: " "))
            }
            count -= 1
        }
        return nil
    }

    /// A unit for the field: the code when the field asks for one (and the form is known), else as printed.
    func unitValue(_ text: String, for field: SchemaField) -> JSONValue? {
        if CodeList.wantsCode(field) { return normalizer.codeValue(text, for: field) }
        return normalizer.normalize(text, for: field)
    }

    /// A position number: `1`, `10.2`, `#3`, `3.` (at most eight characters, digits and dots).
    static func isPositionNumber(_ text: String) -> Bool {
        let core = text.trimmingCharacters(in: CharacterSet(charactersIn: ".#) "))
        return !core.isEmpty && core.count <= 8 && core.first!.isNumber
            && core.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." }
    }

    /// A GS1 number (GTIN-8, -12, -13, -14) with a right check digit.
    static func isGTIN(_ text: String) -> Bool {
        let digits = text.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard digits.count == text.count, [8, 12, 13, 14].contains(digits.count) else { return false }
        var sum = 0
        for (offset, digit) in digits.dropLast().reversed().enumerated() { sum += digit * (offset % 2 == 0 ? 3 : 1) }
        return (10 - sum % 10) % 10 == digits.last!
    }
}
