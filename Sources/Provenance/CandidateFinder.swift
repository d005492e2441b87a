import ExtractCore
import Foundation
import JSONCore

/// Finds ranked candidate values for each leaf field of a schema, deterministically, with provenance.
///
/// For each field it:
/// 1. picks a concept from the field's name, parents, description and title (invoice number, due date,
///    total, VAT id, IBAN, seller name … in English, German, Dutch and French) and the value shape the
///    schema asks for (`format: date` → a date; `number` → an amount; `enum` → a listed value);
/// 2. finds the concept's printed labels (and the field's own name as a label) and reads a typed value
///    to the label's right on the same row, or just below it (column headers, `Bill to` blocks);
/// 3. adds type-driven scans: every date, the largest amount near a total label, currency codes and
///    symbols, IBANs with a valid check, e-mail and web addresses, company names with a legal form;
/// 4. offers, for a field asking for a code of a standard list (``CodeList``), the code of every printed form
///    (`€` → `EUR`, `Avoir` → `381`);
/// 5. merges equal values (text layer and OCR agreeing → `both`) and ranks them by score.
///
/// The values are normalised for the field (ISO dates, exact numbers, enum members), so the top candidate
/// can be used directly or offered to a model to choose from.
public struct CandidateFinder: Sendable {
    /// The indexed evidence.
    public let index: EvidenceIndex
    /// How many candidates per field are returned at most.
    public var maxCandidates: Int
    private let labels: LabelIndex
    private let reader: ValueReader

    /// Creates a finder over `evidence` (indexing it).
    public init(evidence: DocumentEvidence, normalizer: ValueNormalizer = ValueNormalizer(), maxCandidates: Int = 5) {
        self.init(index: EvidenceIndex(evidence: evidence, normalizer: normalizer), maxCandidates: maxCandidates)
    }

    /// Creates a finder over an existing index.
    public init(index: EvidenceIndex, maxCandidates: Int = 5) {
        self.index = index
        self.maxCandidates = maxCandidates
        var phrases = Set(FieldConcept.table.flatMap(\.labels))
        phrases.formUnion(Self.buyerLabels)
        labels = LabelIndex(index: index, phrases: phrases)
        reader = ValueReader(normalizer: index.normalizer)
    }

    /// Candidates for every leaf field of `schema`, in the schema's order.
    public func candidates(forSchema schema: JSONValue) -> [(field: SchemaField, candidates: [Candidate])] {
        SchemaFields.leaves(of: schema).map { ($0, candidates(for: $0)) }
    }

    /// Ranked candidates for one field, best first (at most ``maxCandidates``).
    public func candidates(for field: SchemaField) -> [Candidate] {
        let conceptMatch = FieldConcept.match(for: field)
        let concept = conceptMatch?.concept
        let kind = Self.valueKind(for: field, concept: concept)
        var found: [Candidate] = []
        let conceptLabels = Set((concept?.labels ?? []).map { LabelIndex.tokens(ofPhrase: $0).joined(separator: " ") })
        var ownLabels = LabelIndex(index: index, phrases: Self.ownLabels(for: field).subtracting(conceptLabels))
        ownLabels = ownLabels.dropping(coveredBy: labels)
        // A contract clause's value is read from the clause: the text beside a word `Term` or `jurisdiction` is
        // not the contract's length or governing law (it was `trade secrets and other`).
        let readsClause = Self.clauseConcepts.contains(concept?.id ?? "")
        for (hits, isOwn) in readsClause ? [] : [
            (conceptLabels.flatMap { labels.hits(for: $0) }, false), (ownLabels.allHits, true),
        ] {
            // An amount's label in a sentence is the sentence's (`included in total`), not the document's.
            for hit in hits where kind != .amount || !isInProse(hit) {
                found += labelCandidates(hit: hit, kind: kind, field: field, isOwnLabel: isOwn,
                                         rowsDown: isOwn ? 1 : concept?.rowsDown ?? 1)
            }
        }
        switch concept?.id {
        case "invoice_number": found += headingNumberCandidates(field: field)
        case "registration_number": found += registryNumberCandidates(field: field)
        case "street": found += postalLineCandidates(field: field, part: .street)
        case "postcode": found += postalLineCandidates(field: field, part: .postcode)
        case "city": found += postalLineCandidates(field: field, part: .city)
        case "country": found += postalLineCandidates(field: field, part: .country)
        case "governing_law": found += governingLawCandidates(field: field)
        case "contract_term": found += contractTermCandidates(field: field)
        case "contract_party": found += contractParties(field: field)
        default: break
        }
        let scanWeight = conceptMatch?.byName == false ? 0.5 : 1.0
        found += scanCandidates(kind: kind, field: field, concept: concept, labelled: found).map { candidate in
            var weighted = candidate
            if candidate.method != .labelRight && candidate.method != .labelBelow { weighted.score *= scanWeight }
            return weighted
        }
        found += codeCandidates(for: field)
        return rank(found, field: field)
    }

    /// Whether a label is a word of a sentence: printed lower-case after a lower-case word on its line, and not
    /// followed by a colon (`GST @6% included in total RM 1.48` is no receipt total; `Total Incl. GST RM 26.10`
    /// is, and so is `… is vooruitbetaald met: Credit Card`).
    func isInProse(_ hit: LabelIndex.Hit) -> Bool {
        let words = index.streams[hit.stream].words
        guard !hit.hasColon, hit.firstWord > 0,
              let first = words[hit.firstWord].text.first(where: \.isLetter), first.isLowercase else { return false }
        let before = words[hit.firstWord - 1]
        guard before.line == words[hit.firstWord].line else { return false }
        let letters = before.text.filter(\.isLetter)
        return !letters.isEmpty && letters.count == before.text.count && letters.allSatisfy(\.isLowercase)
    }

    /// The printed labels that may introduce `field`'s value: its concept's labels (invoice number →
    /// `invoice no`, `rechnungsnr`, `facture n` …) and labels made from its own name, lower-case.
    public static func labelPhrases(for field: SchemaField) -> [String] {
        let concept = FieldConcept.match(for: field)?.concept
        return Array(Set(concept?.labels ?? []).union(ownLabels(for: field))).sorted()
    }

    /// The concepts whose values are read from the contract clauses that state them, never from labels.
    static let clauseConcepts: Set<String> = ["governing_law", "contract_term", "contract_party"]

    /// Whether the field's values are read from the clauses that state them (a contract's governing law, term
    /// and parties): where the clause reader finds none, the document states none that it can show.
    public static func isReadFromClauses(_ field: SchemaField) -> Bool {
        clauseConcepts.contains(FieldConcept.concept(for: field)?.id ?? "")
    }

    /// Whether a value of the field's kind tells by its printed form alone what it is (an e-mail or web address,
    /// an IBAN or BIC), so that finding it without a label is evidence for the field; not for the buyer's fields
    /// (a document prints its issuer's contacts unlabelled, the buyer's under a buyer label). A currency, document
/// type, VAT category or unit code printed in another form (`€`, `Avoir`) is self-evident too.
    public static func isSelfEvident(_ field: SchemaField) -> Bool {
        guard FieldConcept.role(of: field) != .buyer else { return false }
        if isSelfEvidentCode(field) { return true }
        let kind = valueKind(for: field, concept: FieldConcept.match(for: field)?.concept)
        return [.email, .url, .iban, .bic].contains(kind)
    }

    /// Labels made from the field's own name (and its parent's): `client_id` → `client id`; `number` inside
    /// `delivery_note` → `delivery note number`, `delivery note no`, `delivery note`.
    static func ownLabels(for field: SchemaField) -> Set<String> {
        let own = FieldConcept.nameTokens(field.name).joined(separator: " ")
        var labels: Set<String> = own.count >= 3 ? [own] : []
        if let parent = field.parents.last {
            let parentPhrase = FieldConcept.nameTokens(parent).joined(separator: " ")
            labels.insert(parentPhrase + " " + own)
            if FieldConcept.namesIdentifier(field) {
                labels.formUnion([parentPhrase + " no", parentPhrase + " nr", parentPhrase])
            }
        }
        return labels
    }

    // MARK: - Kinds

    static func valueKind(for field: SchemaField, concept: FieldConcept?) -> FieldConcept.ValueKind {
        if let options = field.enumValues {
            let codes = options.compactMap(\.stringValue)
            if !codes.isEmpty, codes.filter({ ValueReader.currencyCodes.contains($0) }).count * 2 >= codes.count {
                return .currency
            }
            return .enumeration
        }
        if field.types.first == "boolean" { return .boolean }
        if field.wantsDate { return .date }
        switch field.format {
        case "email", "idn-email": return .email
        case "uri", "url", "hostname", "idn-hostname": return .url
        default: break
        }
        if field.wantsNumber || (field.allowsNumber && concept?.applies == .numbers) {
            if concept?.kind == .percent { return .percent }
            return field.types.first == "integer" ? .integer : .amount
        }
        if let kind = concept?.kind, kind != .amount, kind != .percent { return kind }
        if FieldConcept.nameTokens(field.name).contains("date") { return .date }
        return FieldConcept.namesIdentifier(field) ? .identifier : .text
    }

    // MARK: - Labels

    /// Values to the right of and below one label.
    private func labelCandidates(hit: LabelIndex.Hit, kind: FieldConcept.ValueKind, field: SchemaField,
                                 isOwnLabel: Bool, rowsDown: Int = 1) -> [Candidate] {
        let stream = index.streams[hit.stream]
        var result: [Candidate] = []
        let specificity = hit.length >= 2 ? 1.0 : 0.85
        let labelWeight = (isOwnLabel && !hit.hasColon ? 0.85 : 1.0) * specificity * (hit.hasColon ? 1.05 : 1.0)
        let wide = kind == .text || kind == .company || kind == .address || kind == .person
        if isOwnLabel, !hit.hasColon, hit.length < 2 || wide { return [] }
        let right = piecesRight(of: hit, in: stream, stopAtPhrases: !wide)
        var labelText = stream.words[hit.firstWord...hit.lastWord].map(\.text).joined(separator: " ")
        // Words of the label before the phrase that name the buyer (`Customer VAT`, `Kunden IBAN`) are part of it.
        if let owner = wordsBefore(hit.firstWord, in: stream), Self.namesBuyer(owner) {
            labelText = owner + " " + labelText
        }
        if rowsDown == 1, let reading = readValue(kind, right.pieces, field: field) {
            let skipped = Double(reading.range.lowerBound)
            let score = 0.62 * labelWeight * pow(0.9, skipped)
            result.append(makeCandidate(reading, pieces: right.pieces, stream: stream, score: score,
                                        method: .labelRight, label: labelText))
        }
        let below = piecesBelow(hit: hit, in: stream, wide: wide, rowsDown: rowsDown)
        if let reading = readValue(kind, below, field: field) {
            let skipped = Double(reading.range.lowerBound)
            let weight = !right.pieces.isEmpty && hit.hasColon ? 0.8 : 1.0
            let score = 0.5 * labelWeight * weight * pow(0.9, skipped)
            result.append(makeCandidate(reading, pieces: below, stream: stream, score: score,
                                        method: .labelBelow, label: labelText))
        }
        return result
    }

    func readValue(_ kind: FieldConcept.ValueKind, _ pieces: [ValueReader.Piece],
                           field: SchemaField) -> ValueReader.Reading? {
        let original = kind
        var kind = kind
        if kind == .company || kind == .address { kind = .text }
        guard var reading = reader.read(kind, pieces, field: field) else { return nil }
        if kind == .text, case .string(let text) = reading.value, ValueReader.isLabelOnly(text) { return nil }
        // Another label is no value (`Beleg-Datum` below `Beleg-Nr`).
        if kind == .text || kind == .identifier,
            Self.knownLabels.contains(LabelIndex.tokens(ofPhrase: reading.text).joined(separator: " ")) {
            return nil
        }
        // A name is no sentence and holds no label (`Facture à régler par virement …`, `IBAN : FR20 …`), nor is
        // it a label with its number (`GLN 4304171000002` below `Rechnungsempfänger`).
        if original == .company || original == .person, case .string(let text) = reading.value,
            text.contains(":") || text.split(separator: " ").count > 8 || Self.isLabelledNumber(text)
        {
            return nil
        }
        guard let normalized = index.normalizer.normalize(reading.value, for: field), !normalized.isNull else {
            return nil
        }
        reading.value = normalized
        return reading
    }

    func makeCandidate(_ reading: ValueReader.Reading, pieces: [ValueReader.Piece],
                               stream: EvidenceIndex.Stream, score: Double, method: Candidate.Method,
                               label: String?) -> Candidate {
        let used = pieces[reading.range]
        let box = BoundingBox.enclosing(used.map(\.box)) ?? BoundingBox(x: 0, y: 0, width: 0, height: 0)
        return Candidate(value: reading.value, text: reading.text, page: stream.page, box: box,
                         source: stream.source == .ocr ? .ocr : .textLayer, score: min(1, score), method: method,
                         label: label)
    }

    /// Words on the label's row to its right, up to the next label with a colon.
    private func piecesRight(of hit: LabelIndex.Hit, in stream: EvidenceIndex.Stream, stopAtPhrases: Bool)
        -> (pieces: [ValueReader.Piece], words: [Int]) {
        let label = hit.box
        let height = max(label.height, 4)
        var pieces: [ValueReader.Piece] = []
        var wordIndices: [Int] = []
        if let remainder = hit.remainder {
            pieces.append(ValueReader.Piece(text: remainder, box: stream.words[hit.lastWord].box, gap: 0))
            wordIndices.append(hit.lastWord)
        }
        var row: [(Int, EvidenceIndex.Word)] = []
        for (position, word) in stream.words.enumerated()
        where position > hit.lastWord || word.box.x > label.maxX - 0.5 {
            guard position < hit.firstWord || position > hit.lastWord else { continue }
            guard word.box.x >= label.maxX - 1 else { continue }
            let overlap = min(word.box.maxY, label.maxY) - max(word.box.y, label.y)
            guard overlap >= 0.5 * min(word.box.height, label.height) else { continue }
            row.append((position, word))
        }
        row.sort { $0.1.box.x < $1.1.box.x }
        var previousMaxX = label.maxX
        let starts = labels.startingAt(stream: hit.stream)
        for (position, word) in row {
            if let next = starts[position], next.hasColon || (stopAtPhrases && next.length >= 2), !pieces.isEmpty {
                break
            }
            // The label's colon printed apart, across a tab stop (`Beleg-Nr        : R87654321012345`).
            if pieces.isEmpty, word.text == ":" {
                previousMaxX = word.box.maxX
                continue
            }
            let gap = max(0, word.box.x - previousMaxX) / height
            pieces.append(ValueReader.Piece(text: word.text, box: word.box, gap: pieces.isEmpty ? 0 : gap))
            wordIndices.append(position)
            previousMaxX = word.box.maxX
            if pieces.count >= 14 { break }
        }
        return (pieces, wordIndices)
    }

    /// Words on the nearest row below the label that overlap it horizontally (and, when `wide`, the words
    /// continuing that row to the right).
    private func piecesBelow(hit: LabelIndex.Hit, in stream: EvidenceIndex.Stream, wide: Bool,
                             rowsDown: Int = 1) -> [ValueReader.Piece] {
        var pieces = piecesBelow(box: hit.box, in: stream, wide: wide)
        var remaining = rowsDown - 1
        while remaining > 0, let box = BoundingBox.enclosing(pieces.map(\.box)) {
            pieces = piecesBelow(box: box, in: stream, wide: wide)
            remaining -= 1
        }
        return pieces
    }

    private func piecesBelow(box label: BoundingBox, in stream: EvidenceIndex.Stream,
                             wide: Bool) -> [ValueReader.Piece] {
        let height = max(label.height, 7)
        var nearest: EvidenceIndex.Word?
        for word in stream.words
        where word.box.y >= label.maxY - 0.25 * height && word.box.y <= label.maxY + 4 * height {
            let horizontal = min(word.box.maxX, label.maxX + 2) - max(word.box.x, label.x - 2)
            guard horizontal > 0 else { continue }
            if nearest == nil || word.box.y < nearest!.box.y - 0.5 * height
                || (abs(word.box.y - nearest!.box.y) <= 0.5 * height && word.box.x < nearest!.box.x) {
                nearest = word
            }
        }
        guard let anchor = nearest else { return [] }
        // The value must be the first thing below the label in its own column too.
        let blocked = stream.words.contains { word in
            word.box.y >= label.maxY - 0.25 * height && word.box.maxY <= anchor.box.y + 0.25 * height
                && min(word.box.maxX, anchor.box.maxX) - max(word.box.x, anchor.box.x) > 0
                && word.box != anchor.box
        }
        if blocked { return [] }
        var row = stream.words.filter { word in
            let overlap = min(word.box.maxY, anchor.box.maxY) - max(word.box.y, anchor.box.y)
            return overlap >= 0.5 * min(word.box.height, anchor.box.height)
        }.sorted { $0.box.x < $1.box.x }
        guard let anchorPosition = row.firstIndex(where: { $0.box == anchor.box }) else { return [] }
        // Start at the anchor (or at a word further left that still overlaps the label).
        var start = anchorPosition
        while start > 0, row[start - 1].box.maxX > label.x - 2,
            row[start].box.x - row[start - 1].box.maxX < 0.6 * height {
            start -= 1
        }
        row = Array(row[start...])
        var pieces: [ValueReader.Piece] = []
        var previousMaxX = row.first?.box.x ?? 0
        for word in row {
            let gap = max(0, word.box.x - previousMaxX) / height
            let inside = word.box.x < label.maxX + 2
            if !pieces.isEmpty, !inside, gap > (wide ? 2.5 : 0.45) { break }
            pieces.append(ValueReader.Piece(text: word.text, box: word.box, gap: pieces.isEmpty ? 0 : gap))
            previousMaxX = word.box.maxX
            if pieces.count >= 14 { break }
        }
        return pieces
    }

    // MARK: - Scans

    /// Candidates from scanning the document for the field's type.
    private func scanCandidates(kind: FieldConcept.ValueKind, field: SchemaField, concept: FieldConcept?,
                                labelled: [Candidate]) -> [Candidate] {
        switch kind {
        case .date:
            var scans = dateScan(field: field)
            if let id = concept?.id, id == "start_date" || id == "end_date" {
                scans += rangeScan(field: field, end: id == "end_date")
            }
            return scans
        case .amount, .integer:
            if concept?.id == "tax" { return percentThenAmountScan(field: field) }
            if concept?.id == "total" { return largestAmountScan(field: field, labelled: labelled) }
            // A required amount no label introduces (a net amount printed only as the total of an invoice
            // without tax): the largest amount, weakly, so that the schema's demand is met by a printed value.
            guard field.isRequired, kind == .amount, labelled.isEmpty else { return [] }
            return largestAmountScan(field: field, labelled: []).map { candidate in
                var weak = candidate
                weak.score *= 0.5
                return weak
            }
        case .percent:
            return lineScan(kind: kind, field: field, base: 0.2)
        case .currency, .enumeration, .iban, .bic, .email, .url, .vatID:
            return lineScan(kind: kind, field: field, base: kind == .iban ? 0.45 : 0.3)
        case .phone:
            return lineScan(kind: kind, field: field, base: 0.25)
        case .time:
            return lineScan(kind: kind, field: field, base: 0.3)
        case .text where concept?.id == "title" && field.parents.isEmpty:
            return titleScan(field: field)
        case .company:
            return companyScan(field: field, buyer: concept?.isBuyer ?? false)
        case .address:
            return addressScan(field: field, buyer: concept?.isBuyer ?? false)
        default:
            return []
        }
    }

    /// Every printed date; earlier ones score a little higher.
    private func dateScan(field: SchemaField) -> [Candidate] {
        var result: [Candidate] = []
        for (iso, spans) in index.dates {
            guard let value = index.normalizer.normalize(JSONValue.string(iso), for: field) else { continue }
            for span in spans.prefix(3) {
                let stream = index.streams[span.stream]
                let box = index.box(of: span)
                let position = Double(stream.page - 1) + box.y / 1000
                let preferred = index.normalizer.date(index.text(of: span)) == iso ? 1.0 : 0.5
                result.append(Candidate(value: value, text: index.text(of: span), page: stream.page, box: box,
                                        source: stream.source == .ocr ? .ocr : .textLayer,
                                        score: 0.12 * preferred / (1 + position), method: .typeScan))
            }
        }
        return result
    }

    /// Date ranges (`du 1er au 31 Juillet 2015`, `July 1 - July 31, 2014`): their start or end.
    private func rangeScan(field: SchemaField, end: Bool) -> [Candidate] {
        var result: [Candidate] = []
        for stream in index.streams {
            for line in stream.lines {
                let pieces = Self.pieces(stream.words[line])
                guard pieces.count >= 3 else { continue }
                for start in 0..<(pieces.count - 2) {
                    guard let range = reader.dateRange(Array(pieces[start...].prefix(12))),
                        let value = index.normalizer.normalize(JSONValue.string(end ? range.end : range.start),
                                                               for: field) else { continue }
                    let used = pieces[(start + range.range.lowerBound)..<(start + range.range.upperBound)]
                    result.append(Candidate(value: value, text: used.map(\.text).joined(separator: " "),
                                            page: stream.page, box: BoundingBox.enclosing(used.map(\.box))!,
                                            source: stream.source == .ocr ? .ocr : .textLayer, score: 0.7,
                                            method: .typeScan))
                    break
                }
            }
        }
        return result
    }

    /// Amounts printed right after a percentage on the same line (`VAT 21% 1,856.24`, `… 13.5% 2.64`): tax
    /// lines whose label may be unreadable.
    private func percentThenAmountScan(field: SchemaField) -> [Candidate] {
        var result: [Candidate] = []
        for stream in index.streams {
            for line in stream.lines {
                let pieces = Self.pieces(stream.words[line])
                for position in pieces.indices.dropLast() where pieces[position].text.hasSuffix("%") {
                    let rest = Array(pieces[(position + 1)...])
                    guard let reading = readValue(.amount, rest, field: field), reading.range.lowerBound == 0 else {
                        continue
                    }
                    result.append(makeCandidate(reading, pieces: rest, stream: stream, score: 0.3, method: .typeScan,
                                                label: nil))
                }
            }
        }
        return result
    }

    /// The largest amount printed with decimals: a bonus when it already came from a total label.
    private func largestAmountScan(field: SchemaField, labelled: [Candidate]) -> [Candidate] {
        if let top = labelled.compactMap({ $0.value.numberValue }).max() {
            return labelled.filter { $0.value.numberValue == top }.map { candidate in
                var boosted = candidate
                boosted.score += 0.15
                return boosted
            }
        }
        var best: (JSONNumber, EvidenceIndex.Span)?
        for (number, spans) in index.numbers {
            guard let span = spans.first, index.text(of: span).contains(where: { $0 == "." || $0 == "," }) else {
                continue
            }
            if best == nil || best!.0 < number { best = (number, span) }
        }
        guard let (number, span) = best, let value = index.normalizer.normalize(.number(number), for: field) else {
            return []
        }
        let stream = index.streams[span.stream]
        return [Candidate(value: value, text: index.text(of: span), page: stream.page, box: index.box(of: span),
                          source: stream.source == .ocr ? .ocr : .textLayer, score: 0.2, method: .typeScan)]
    }

    /// Runs the reader of `kind` at every word of every line. A value printed after a label naming the buyer
    /// (`Käufer-IBAN : DE21 …`) is the buyer's: for a field of the seller (or of no party, see ``party(of:)``) it
    /// is kept lower, as the other party's.
    private func lineScan(kind: FieldConcept.ValueKind, field: SchemaField, base: Double) -> [Candidate] {
        var result: [Candidate] = []
        let isSellers = Self.party(of: field) == .seller
        for stream in index.streams {
            for line in stream.lines {
                let words = Array(stream.words[line])
                var position = 0
                while position < words.count {
                    let pieces = Self.pieces(words[position...])
                    if let reading = readValue(kind, Array(pieces.prefix(10)), field: field),
                        reading.range.lowerBound == 0 {
                        var candidate = makeCandidate(reading, pieces: pieces, stream: stream, score: base,
                                                      method: .typeScan, label: nil)
                        if isSellers, let label = wordsBefore(line.lowerBound + position, in: stream),
                           Self.namesBuyer(label) {
                            candidate.isOtherPartys = true
                            candidate.score *= 0.6
                        }
                        result.append(candidate)
                        position += max(1, reading.range.upperBound)
                    } else {
                        position += 1
                    }
                }
            }
        }
        return result
    }

    /// The words printed just before word `first` on its line, as a label of what follows (`Käufer-IBAN :`,
    /// `Customer` before `VAT`): up to three words leftwards, punctuation printed apart skipped, stopping at a
    /// word with a digit (another value) and, after the first word, at a gap wider than a word space. Nil when
    /// there are none.
    func wordsBefore(_ first: Int, in stream: EvidenceIndex.Stream) -> String? {
        guard first > 0, first < stream.words.count else { return nil }
        let line = stream.words[first].line
        var position = first - 1
        var taken: [String] = []
        var leftEdge = stream.words[first].box.x
        while position >= 0, taken.count < 3 {
            let word = stream.words[position]
            guard word.line == line else { break }
            position -= 1
            guard word.text.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
            if word.text.contains(where: \.isNumber) { break }
            if !taken.isEmpty, leftEdge - word.box.maxX > max(4, word.box.height) { break }
            taken.insert(word.text, at: 0)
            leftEdge = word.box.x
        }
        return taken.isEmpty ? nil : taken.joined(separator: " ")
    }

    static func pieces(_ words: some Sequence<EvidenceIndex.Word>) -> [ValueReader.Piece] {
        var pieces: [ValueReader.Piece] = []
        var previous: BoundingBox?
        for word in words {
            let height = max(word.box.height, 4)
            let gap = previous.map { max(0, word.box.x - $0.maxX) / height } ?? 0
            pieces.append(ValueReader.Piece(text: word.text, box: word.box, gap: gap))
            previous = word.box
        }
        return pieces
    }

    /// Company names with a legal form (B.V., GmbH, Inc. …): the seller is usually the first one and repeats;
    /// the buyer sits below a `Bill to`-style label.
    /// The start of a company name that begins its line and runs to the legal form at `legalForm` in at most
    /// six closely set words, the first capitalised, none a label (`Au bon moulin SARL - 1242 chemin …`).
    static func lineStartName(_ words: [EvidenceIndex.Word], legalForm: Int) -> Int? {
        guard legalForm > 0, legalForm <= 5, words[0].text.first?.isUppercase == true else { return nil }
        for position in 1...legalForm {
            let previous = words[position - 1]
            let gap = (words[position].box.x - previous.box.maxX) / max(4, previous.box.height)
            guard gap < 1.5, !previous.text.hasSuffix(":"), previous.text.contains(where: \.isLetter) else {
                return nil
            }
        }
        return 0
    }

    private func companyScan(field: SchemaField, buyer: Bool) -> [Candidate] {
        var result: [Candidate] = []
        let buyerBoxes = buyerLabelBoxes()
        var order = 0
        for stream in index.streams {
            for line in stream.lines {
                let words = Array(stream.words[line])
                for (position, word) in words.enumerated() where Self.isLegalForm(word.text) && position > 0 {
                    var start = position
                    while start > 0 {
                        let previous = words[start - 1]
                        let gap = (words[start].box.x - previous.box.maxX) / max(4, previous.box.height)
                        guard gap < 1.5, let first = previous.text.first,
                            first.isUppercase || first.isNumber || previous.text == "&",
                            !previous.text.hasSuffix(":") else { break }
                        start -= 1
                        if position - start >= 6 { break }
                    }
                    if start == position || start > 0 {
                        // A name with lower-case words (`Au bon moulin SARL`) counts when it starts the line.
                        start = Self.lineStartName(words, legalForm: position) ?? start
                    }
                    guard start < position else { continue }
                    let slice = words[start...position]
                    let text = slice.map(\.text).joined(separator: " ")
                    guard let value = index.normalizer.normalize(JSONValue.string(text), for: field) else { continue }
                    let box = BoundingBox.enclosing(slice.map(\.box))!
                    let underBuyerLabel = buyerBoxes.contains { entry in
                        entry.page == stream.page && box.y >= entry.box.maxY - 1 && box.y <= entry.box.maxY + 40
                            && abs(box.x - entry.box.x) < 40
                    }
                    var score = buyer ? (underBuyerLabel ? 0.7 : 0.1) : (underBuyerLabel ? 0.05 : 0.45)
                    if !buyer { score /= 1 + Double(order) * 0.15 }
                    order += 1
                    result.append(Candidate(value: value, text: text, page: stream.page, box: box,
                                            source: stream.source == .ocr ? .ocr : .textLayer, score: score,
                                            method: .typeScan))
                }
            }
        }
        if !buyer { result += topLineCandidates(field: field) }
        return result
    }

    /// The first page's line in the largest font (with the lines continuing it), or its top line without
    /// font sizes (OCR).
    private func titleScan(field: SchemaField) -> [Candidate] {
        var result: [Candidate] = []
        for stream in index.streams where stream.page == index.streams.first?.page {
            let sizes = stream.lines.map { line in stream.words[line].compactMap(\.fontSize).max() ?? 0 }
            guard let largest = sizes.max() else { continue }
            guard var lineIndex = largest > 0 ? sizes.firstIndex(of: largest) : (stream.lines.isEmpty ? nil : 0)
            else { continue }
            var words = Array(stream.words[stream.lines[lineIndex]])
            while lineIndex + 1 < stream.lines.count, largest > 0, abs(sizes[lineIndex + 1] - largest) < 0.5 {
                let next = Array(stream.words[stream.lines[lineIndex + 1]])
                guard let last = words.last, let first = next.first, first.box.y - last.box.maxY < largest else {
                    break
                }
                words += next
                lineIndex += 1
            }
            let text = words.map(\.text).joined(separator: " ")
            guard let box = BoundingBox.enclosing(words.map(\.box)),
                let value = index.normalizer.normalize(JSONValue.string(text), for: field), !value.isNull
            else { continue }
            result.append(Candidate(value: value, text: text, page: stream.page, box: box,
                                    source: stream.source == .ocr ? .ocr : .textLayer, score: 0.4, method: .layout))
        }
        return result
    }

    /// The top line of the first page up to a wide gap, as a possible company name (letters only, short).
    private func topLineCandidates(field: SchemaField) -> [Candidate] {
        var result: [Candidate] = []
        for (streamIndex, stream) in index.streams.enumerated() where stream.page == index.streams.first?.page {
            // OCR reads a logo as a few stray marks (`f)`, `Aoso/&` at confidence 0): the top line is the first
            // with three letters that OCR is not unsure of.
            let top = stream.lines.filter { line in
                let words = stream.words[line]
                guard !line.isEmpty, words.reduce(0, { $0 + $1.text.filter(\.isLetter).count }) >= 3 else {
                    return false
                }
                let confidences = words.compactMap(\.confidence)
                return confidences.isEmpty || confidences.reduce(0, +) / Double(confidences.count) >= 0.5
            }.min { first, second in
                stream.words[first.lowerBound].box.y < stream.words[second.lowerBound].box.y
            }
            guard let top else { continue }
            let words = Array(stream.words[top]).sorted { $0.box.x < $1.box.x }
            var segment: [EvidenceIndex.Word] = []
            for word in words {
                if let last = segment.last, (word.box.x - last.box.maxX) / max(4, last.box.height) > 2 { break }
                if word.text == "-" || word.text == "|" { break }
                segment.append(word)
            }
            let text = segment.map(\.text).joined(separator: " ")
            guard !segment.isEmpty, segment.count <= 6, !text.contains(where: \.isNumber), !text.contains(":"),
                labels.startingAt(stream: streamIndex)[top.lowerBound] == nil,
                let value = index.normalizer.normalize(JSONValue.string(text), for: field) else { continue }
            result.append(Candidate(value: value, text: text, page: stream.page,
                                    box: BoundingBox.enclosing(segment.map(\.box))!,
                                    source: stream.source == .ocr ? .ocr : .textLayer, score: 0.2, method: .layout))
        }
        return result
    }

    /// An address: the lines below the best company name of the same role, joined with commas.
    private func addressScan(field: SchemaField, buyer: Bool) -> [Candidate] {
        let nameField = SchemaField(path: field.parents + ["name"], types: ["string"])
        let names = companyScan(field: nameField, buyer: buyer).sorted { $0.score > $1.score }
        var result: [Candidate] = []
        var seen: Set<String> = []
        for name in names where seen.insert("\(name.page) \(name.source) \(name.value)").inserted {
            if seen.count > 4 { break }
            guard let streamIndex = index.streams.firstIndex(where: {
                $0.page == name.page && ($0.source == .ocr) == (name.source == .ocr)
            }) else { continue }
            let stream = index.streams[streamIndex]
            var lines: [String] = []
            var boxes: [BoundingBox] = [name.box]
            var bottom = name.box.maxY
            var asides = 0
            let height = max(4, name.box.height)
            // A line below starts under the name; it runs on to the left without a wide gap (a receipt or a
            // letterhead centres its lines, and an address line is often wider than the name above it).
            let reach = max(name.box.width, 150)
            while lines.count < 4 {
                let band = stream.words.filter { word in
                    word.box.y >= bottom - 0.2 * height && word.box.y <= bottom + 1.6 * height
                        && word.box.x < name.box.x + reach
                }.sorted { $0.box.x < $1.box.x }
                let inColumn = band.filter { $0.box.maxX > name.box.x - 3 && $0.box.x < name.box.x + name.box.width }
                guard let first = (inColumn.isEmpty ? band.filter { $0.box.x >= name.box.x - 3 } : inColumn)
                    .min(by: { $0.box.y < $1.box.y }) else { break }
                // The run of words on that line, without a wide gap, that holds the first word.
                var row: [EvidenceIndex.Word] = []
                for word in band where abs(word.box.midY - first.box.midY) < 0.5 * height {
                    if let last = row.last, (word.box.x - last.box.maxX) / height > 2 {
                        if row.contains(first) { break }
                        row = []
                    }
                    row.append(word)
                }
                guard row.contains(first) else { break }
                let text = row.map(\.text).joined(separator: " ")
                bottom = row.map(\.box.maxY).max()!
                let lower = text.lowercased()
                if ["attn", "t.a.v", "z.hd", "c/o", "to the attention"].contains(where: { lower.hasPrefix($0) }) {
                    continue
                }
                // Between a name and its address (receipts, letterheads): a registration number in brackets
                // (`(CO.REG : 86G671-D)`, `(867388-U)`) or the date and time of printing.
                if lines.isEmpty, asides < 2, Self.isAside(text) {
                    asides += 1
                    continue
                }
                if text.contains("@") || text.contains(":") || ValueReader.isLabelOnly(text)
                    || Self.addressStopWords.contains(where: { lower.hasPrefix($0) }) {
                    break
                }
                lines.append(text)
                boxes.append(contentsOf: row.map(\.box))
            }
            // Lines joined with commas, but not a second one after a line that ends with its own.
            let joined = lines.dropFirst().reduce(lines.first ?? "") { text, line in
                text + (text.hasSuffix(",") || text.hasSuffix(";") ? " " : ", ") + line
            }
            // An address holds a number: a house number or a postcode (`BHD`, the rest of a name line, is none).
            guard !lines.isEmpty, joined.contains(where: \.isNumber),
                let value = index.normalizer.normalize(JSONValue.string(joined), for: field) else {
                continue
            }
            result.append(Candidate(value: value, text: lines.joined(separator: "\n"), page: name.page,
                                    box: BoundingBox.enclosing(boxes.dropFirst()) ?? name.box, source: name.source,
                                    score: name.score * 0.9, method: .layout))
        }
        return result
    }

    /// A line printed between a company name and its address that is not part of the address: wholly in
    /// brackets, a registration label, or holding a time of day.
    static func isAside(_ text: String) -> Bool {
        // OCR adds stray quotes at a bracket's ends (`“(CO Reg : 750441-W)`, `(CO.REG :860671-D) ‘`).
        let quotes = CharacterSet(charactersIn: "'\"`‘’“”„")
        let trimmed = text.trimmingCharacters(in: CharacterSet.whitespaces.union(quotes))
        if let first = trimmed.first, let last = trimmed.last, "([{".contains(first), ")]}".contains(last) {
            return true
        }
        let lower = trimmed.lowercased()
        let registrations = ["reg", "co. no", "company no", "gst", "sst", "co-reg", "co.reg", "co reg", "company reg"]
        if registrations.contains(where: { lower.hasPrefix($0) }) { return true }
        // A date alone on its line (`03 Mar 2018`, `25/12/2018`): when the receipt was printed.
        if trimmed.range(of: #"^\d{1,2}[ ./-]+(\d{1,2}|[A-Za-z]{3,9})[ ./-]+\d{2,4}$"#, options: .regularExpression)
            != nil {
            return true
        }
        return trimmed.range(of: #"\b\d{1,2}:\d{2}\b"#, options: .regularExpression) != nil
    }

    /// Where the buyer's block starts: every buyer heading that is not inside a sentence. A heading without a
    /// colon followed on its line by a lower-case word is prose (`Facture à régler par virement` is no
    /// `Facturé à`).
    private func buyerLabelBoxes() -> [(page: Int, box: BoundingBox)] {
        Self.buyerLabels.flatMap { phrase in
            labels.hits(for: LabelIndex.tokens(ofPhrase: phrase).joined(separator: " ")).filter { hit in
                guard !hit.hasColon, hit.remainder == nil else { return true }
                let words = index.streams[hit.stream].words
                let next = hit.lastWord + 1
                guard next < words.count, words[next].line == words[hit.lastWord].line,
                      let first = words[next].text.first else { return true }
                return !first.isLowercase
            }.map { (index.streams[$0.stream].page, $0.box) }
        }
    }

    /// Whether a text is a label of the concept table followed by one word holding a digit (`GLN 4304171000002`,
    /// `Total 25,00`): a labelled value, not a name.
    static func isLabelledNumber(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count >= 2, let last = words.last, last.contains(where: \.isNumber) else { return false }
        let head = LabelIndex.tokens(ofPhrase: words.dropLast().joined(separator: " ")).joined(separator: " ")
        return knownLabels.contains(head)
    }

    /// Every label of the concept table, as folded tokens joined by spaces.
    static let knownLabels: Set<String> = Set(FieldConcept.table.flatMap(\.labels).map {
        LabelIndex.tokens(ofPhrase: $0).joined(separator: " ")
    })

    /// Which party a field's value belongs to: the field's role by its name, or, for a field of no party whose
    /// value is a party's own account or contact (IBAN, BIC, VAT id, e-mail or web address, phone number), the
    /// issuer's. A document prints its issuer's accounts and contacts as its own and the other party's under that
    /// party's name: an invoice's `iban` is the payee's account, not the `Käufer-IBAN` of a SEPA direct debit.
    /// A reference a party gives (`buyer_reference`, the `Leitweg-ID` printed in the document's header) belongs
    /// to no party's block.
    static func party(of field: SchemaField) -> FieldConcept.Role {
        let concept = FieldConcept.match(for: field)?.concept
        if concept?.isDocumentReference == true { return .unspecified }
        let role = FieldConcept.role(of: field)
        guard role == .unspecified else { return role }
        let kind = valueKind(for: field, concept: concept)
        return [.iban, .bic, .vatID, .email, .url, .phone].contains(kind) ? .seller : .unspecified
    }

    /// Words of a label that name the buyer (folded).
    static let buyerWords: Set<String> = ["client", "customer", "kunde", "kunden", "klant", "buyer", "acheteur",
                                          "kaufer", "kaufers", "koper", "kundennummer", "kundennr", "klantnummer",
                                          "klantnr"]

    /// Whether a printed label names the buyer (`N° TVA client`, `Customer VAT`, `Kunden-Nr.`).
    static func namesBuyer(_ label: String) -> Bool {
        !Set(LabelIndex.tokens(ofPhrase: label)).isDisjoint(with: buyerWords)
    }

    /// Labels and headings of the buyer's block (candidates below one belong to the buyer, not the seller).
    static let buyerLabels = ["bill to", "billed to", "invoice to", "sold to", "factuuradres", "rechnungsadresse",
                              "rechnungsempfänger", "facturé à", "adresse de facturation", "ship to", "afleveradres",
                              "käufer", "leistungsempfänger", "kunde", "buyer", "customer", "acheteur", "koper",
                              "klant", "adresse de livraison", "delivery address", "deliver to", "lieferadresse",
                              "lieferanschrift"]

    /// Line starts that end an address block.
    static let addressStopWords = ["vat", "btw", "tel", "phone", "fax", "iban", "www", "ust", "gst"]

    static let legalForms: Set<String> = [
        "b.v.", "bv", "n.v.", "nv", "gmbh", "ag", "kg", "ohg", "ug", "se", "inc", "inc.", "ltd", "ltd.", "llc",
        "plc", "s.a.", "sa", "sas", "sarl", "s.a.r.l.", "s.l.", "spa", "s.p.a.", "oy", "ab", "a/s", "co.",
        "corp", "corp.", "corporation", "limited", "gbr", "e.k.", "vof", "bvba", "sprl", "kgaa", "lp", "llp",
        // Malaysia and Singapore: Sdn. Bhd., Berhad, S/B, PLT, Pte.
        "bhd", "bhd.", "berhad", "s/b", "plt", "pte", "pte.",
    ]

    static func isLegalForm(_ word: String) -> Bool {
        let lower = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ",;:()"))
        return legalForms.contains(lower) || legalForms.contains(lower + ".")
    }

    // MARK: - Ranking

    /// Merges equal values and sorts by score.
    private func rank(_ found: [Candidate], field: SchemaField) -> [Candidate] {
        var groups: [JSONValue: [Candidate]] = [:]
        var order: [JSONValue] = []
        let role = Self.party(of: field)
        let regions = role == .unspecified ? [] : buyerLabelBoxes()
        for var candidate in found {
            // A label that names the buyer (`N° TVA client`, `Kunden-Nr.`) says whose value it is wherever it is.
            let labelNamesBuyer = role != .unspecified && candidate.foundByLabel
                && candidate.label.map(Self.namesBuyer) == true
            // For the seller's field the value is the other party's, which an optional field does not take.
            if role == .seller, labelNamesBuyer { candidate.isOtherPartys = true }
            if !regions.isEmpty || labelNamesBuyer {
                let inBuyerBlock = labelNamesBuyer || regions.contains { region in
                    region.page == candidate.page && candidate.box.midY >= region.box.y
                        && candidate.box.midY <= region.box.maxY + 110 && candidate.box.x >= region.box.x - 20
                        && candidate.box.x <= region.box.x + 250
                }
                switch role {
                case .buyer: candidate.score *= inBuyerBlock ? 1.25 : 0.85
                case .seller: candidate.score *= inBuyerBlock ? 0.6 : 1
                case .unspecified: break
                }
                // A label in the other party's block names the other party's value (the seller's `Steuernummer:`
                // is no buyer's tax number): the candidate keeps its place but not the label's authority, so an
                // optional field does not take it unasked.
                if candidate.showsItsField, role == .buyer ? !inBuyerBlock : inBuyerBlock {
                    // The other party's postal line (a letterhead scores high) is not this party's address.
                    if candidate.method == .postalLine { candidate.score *= 0.6 }
                    candidate.method = .typeScan
                    candidate.label = nil
                }
            } else if role == .buyer, candidate.method == .postalLine {
                // No buyer heading: whose postal line it is cannot be told.
                candidate.method = .typeScan
            }
            if groups[candidate.value] == nil { order.append(candidate.value) }
            groups[candidate.value, default: []].append(candidate)
        }
        // A longer text that starts with another candidate's text is the more complete reading of it.
        if case .string = order.first ?? .null {
            for value in order {
                guard case .string(let text) = value, let shorter = groups[value]?.map(\.score).max() else { continue }
                let folded = EvidenceLocator.fold(text)
                for other in order where other != value {
                    guard case .string(let longer) = other, EvidenceLocator.fold(longer).hasPrefix(folded + ","),
                        let score = groups[other]?.map(\.score).max(), score < shorter else { continue }
                    groups[other]![0].score = shorter + 0.01
                }
            }
        }
        var merged: [Candidate] = []
        for value in order {
            let group = groups[value]!.sorted { $0.score > $1.score }
            var best = group[0]
            // Found by a label too (the type scan read the same value higher): it keeps the label, which tells
            // the value belongs to this field and not only has its type.
            if !best.foundByLabel, let labelled = group.first(where: \.foundByLabel) {
                best.method = labelled.method
                best.label = labelled.label
            }
            // Printed once under the other party's label, the value is that party's wherever else it stands.
            best.isOtherPartys = group.contains(where: \.isOtherPartys)
            let others = group.dropFirst()
            let sources = Set(group.map(\.source))
            if sources.contains(.textLayer) && sources.contains(.ocr) || sources.contains(.both) {
                best.source = .both
                best.score += 0.05
            }
            let distinctPlaces = Set(others.map { "\($0.page):\(Int($0.box.y)):\(Int($0.box.x))" }).count
            best.score += 0.03 * Double(min(3, distinctPlaces))
            best.score = min(1, best.score)
            merged.append(best)
        }
        merged.sort { left, right in
            if left.score != right.score { return left.score > right.score }
            if left.page != right.page { return left.page < right.page }
            return left.box.y < right.box.y
        }
        return Array(merged.prefix(maxCandidates))
    }
}
