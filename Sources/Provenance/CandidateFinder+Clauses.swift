import ExtractCore
import Foundation
import JSONCore

extension CandidateFinder {
    /// The clause that names a contract's governing law: `governed by and construed in accordance with the laws
    /// of the State of Delaware`, `subject to the laws of the Commonwealth of Massachusetts`, `governed by Texas
    /// law`, `the laws of the State of Texas shall govern`. The place is one of ``governingPlaces``, capitalised
    /// as printed; a company's state of incorporation (`organized under the laws of Delaware`) is none.
    static let governingLawClause: NSRegularExpression = {
        let places = governingPlaces.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:))
        let place = "(?-i:(" + places.joined(separator: "|") + "))"
        let lawsOf = #"\blaws?,?\s+of\s+(?:the\s+)?(?:(?:state|commonwealth|province)\s+of\s+)?"#
        return try! NSRegularExpression(pattern:
            #"(?i)\b(?:govern(?:ed|s)?|constru(?:ed|e)|interpret(?:ed|ation)?|enforced|subject to)\b[^.;]{0,240}?"#
                + lawsOf + place + #"\b"#
                + #"|(?i)\bgoverned\s+by\s+(?:the\s+)?(?:internal\s+)?"# + place + #"\s+law"#
                + "|(?i)" + lawsOf + place + #"\s+(?:shall|will)\s+(?:govern|apply|control)"#)
    }()

    /// US states and the places outside them that contracts most often choose.
    static let governingPlaces: [String] = [
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
        "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
        "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
        "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio",
        "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
        "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "District of Columbia",
        "Puerto Rico", "England and Wales", "England", "Scotland", "Ireland", "Ontario", "British Columbia",
        "Quebec", "Alberta", "Canada", "Israel", "Germany", "France", "Switzerland", "Singapore", "Hong Kong",
        "the Netherlands", "Luxembourg", "India", "Japan", "Australia",
    ]

    /// The clause that gives a contract's own length: `This Agreement shall terminate two (2) years after …`, `the
    /// Term shall be for a period of two (2) years`, `for a period of two (2) years from the effective date`. Not a
    /// period an obligation survives (`for a period of one year after termination of employment`).
    static let termClause: NSRegularExpression = {
        let words = numberWords.keys.sorted { $0.count > $1.count }.joined(separator: "|")
        let amount = #"(?:(?:("# + words + #")\s*)?(?:\((\d{1,3})\)\s*)?|(\d{1,3})\s*)"#
        let unit = #"(years?|months?)\b"#
        return try! NSRegularExpression(pattern:
            #"(?i)\bagreement\s+shall\s+(?:terminate|expire|continue(?:\s+in\s+(?:full\s+force\s+and\s+)?effect)?"#
                + #"|remain\s+in\s+(?:full\s+force\s+and\s+)?effect)\s+(?:for\s+)?(?:a\s+(?:period|term)\s+of\s+)?"#
                + amount + unit
                + #"|(?i)\bterm\s+(?:of\s+this\s+agreement\s+)?shall\s+be\s+(?:for\s+)?(?:a\s+period\s+of\s+)?"#
                + amount + unit
                + #"|(?i)\bfor\s+a\s+(?:period|term)\s+of\s+"# + amount + unit
                + #"\s+(?:from|after)\s+the\s+(?:effective\s+date|date\s+(?:of\s+this\s+agreement|hereof|first))"#)
    }()

    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24, "thirty-six": 36,
    ]

    /// The governing law's place, read from its clause (``governingLawClause``).
    func governingLawCandidates(field: SchemaField) -> [Candidate] {
        clauseCandidates(Self.governingLawClause, field: field, label: "laws of") { text, match in
            for group in [1, 2, 3] {
                if let range = Range(match.range(at: group), in: text) { return String(text[range]) }
            }
            return nil
        }
    }

    /// The contract's length as `<number> <unit>` (`2 years`), read from its clause (``termClause``).
    func contractTermCandidates(field: SchemaField) -> [Candidate] {
        clauseCandidates(Self.termClause, field: field, label: "term") { text, match in
            func group(_ index: Int) -> String? {
                Range(match.range(at: index), in: text).map { String(text[$0]) }
            }
            // Three alternatives, four groups each: number word, number in brackets, bare number, unit.
            for base in [1, 5, 9] {
                guard let unit = group(base + 3)?.lowercased() else { continue }
                let number = group(base + 1).flatMap { Int($0) } ?? group(base + 2).flatMap { Int($0) }
                    ?? group(base).flatMap { Self.numberWords[$0.lowercased()] }
                guard let number else { return nil }
                let plural = unit.hasSuffix("s") ? unit : unit + "s"
                return "\(number) \(number == 1 ? String(plural.dropLast()) : plural)"
            }
            return nil
        }
    }

    /// A stream's words joined by single spaces, with each word's UTF-16 offset in that text (for matching a clause
    /// that runs across lines, then finding the words it came from).
    static func joined(_ stream: EvidenceIndex.Stream) -> (text: String, starts: [Int]) {
        var text = ""
        var starts: [Int] = []
        for word in stream.words {
            if !text.isEmpty { text += " " }
            starts.append(text.utf16.count)
            text += word.text
        }
        return (text, starts)
    }

    /// Candidates read from a clause that may run across lines: each stream's words joined into one text, every
    /// match of `clause` turned into a value by `read`, boxed by the words it came from.
    private func clauseCandidates(
        _ clause: NSRegularExpression, field: SchemaField, label: String,
        read: (String, NSTextCheckingResult) -> String?
    ) -> [Candidate] {
        var result: [Candidate] = []
        for stream in index.streams {
            let (text, starts) = Self.joined(stream)
            guard !starts.isEmpty else { continue }
            for match in clause.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)) {
                guard let value = read(text, match),
                    let normalized = index.normalizer.normalize(.string(value), for: field), !normalized.isNull
                else { continue }
                // The words of the whole clause: its value alone may be a word inside a longer one.
                let first = starts.lastIndex { $0 <= match.range.location } ?? 0
                let last = starts.lastIndex { $0 < match.range.location + match.range.length } ?? first
                let words = stream.words[first...last]
                guard let box = BoundingBox.enclosing(words.suffix(3).map(\.box)) else { continue }
                result.append(Candidate(value: normalized, text: value, page: stream.page, box: box,
                                        source: stream.source == .ocr ? .ocr : .textLayer, score: 0.6,
                                        method: .clause, label: label))
            }
        }
        return result
    }
}

extension CandidateFinder {
    /// The contract's preamble naming its parties: `by and between Intel Corporation (“Intel”) and Cloudera, Inc.
    /// (“Cloudera”)`, `between VistaPrint USA, Incorporated, a Delaware corporation (…), and Anne Drapeau`. A name
    /// is a run of capitalised words (numbers and `of`, `&` inside), its legal form after a comma included.
    static let partiesClause: NSRegularExpression = {
        let word = #"(?:\p{Lu}[\p{L}0-9.’'&-]*|[0-9]+)"#
        let name = "(" + word + #"(?:,?[ ]+(?:"# + word + #"|of|&))*)"#
        // Between the names: a description (`, a Delaware corporation`, `having its place of business at …`)
        // and one defined term in brackets, possibly nested once.
        let between = #"(?:[, ][^()]{0,160}?)?(?:[ ]*\((?:[^()]|\([^()]*\))*\))?[ ]*,?[ ]*and[ ]+"#
        return try! NSRegularExpression(pattern: #"(?i:\bby and between|\bbetween)[ ]+"# + name + between + name)
    }()

    /// Words that end a name with their dot: legal forms and initials (`Inc.`, `R.`), not a sentence's end.
    static let abbreviations: Set<String> = ["inc", "ltd", "corp", "co", "llc", "l.l.c", "n.a", "s.a", "plc", "lp"]

    /// The parties named in the contract's first preamble (``partiesClause``) with at least two words each, in
    /// order; a name runs until a sentence ends (`R. J. Seifert Enterprises. Collectively, …`).
    func contractParties(field: SchemaField) -> [Candidate] {
        for stream in index.streams {
            let (text, starts) = Self.joined(stream)
            let range = NSRange(location: 0, length: text.utf16.count)
            guard let match = Self.partiesClause.firstMatch(in: text, range: range) else { continue }
            var result: [Candidate] = []
            for group in [1, 2] {
                guard let found = Range(match.range(at: group), in: text) else { continue }
                let name = Self.nameBeforeSentenceEnd(String(text[found]))
                guard name.split(separator: " ").count >= 2,
                      let normalized = index.normalizer.normalize(.string(name), for: field), !normalized.isNull
                else { continue }
                let location = match.range(at: group).location
                let first = starts.lastIndex { $0 <= location } ?? 0
                let count = name.split(separator: " ").count
                let words = stream.words[first..<min(stream.words.endIndex, first + count)]
                guard let box = BoundingBox.enclosing(words.map(\.box)) else { continue }
                result.append(Candidate(value: normalized, text: name, page: stream.page, box: box,
                                        source: stream.source == .ocr ? .ocr : .textLayer, score: 0.6,
                                        method: .clause, label: "between"))
            }
            if !result.isEmpty { return result }
        }
        return []
    }

    /// `name` up to the first word whose dot ends a sentence, not an abbreviation (``abbreviations``) or an
    /// initial; a trailing comma is dropped.
    static func nameBeforeSentenceEnd(_ name: String) -> String {
        var kept: [Substring] = []
        for word in name.split(separator: " ") {
            guard word.hasSuffix(".") else {
                kept.append(word)
                continue
            }
            let bare = word.dropLast().trimmingCharacters(in: CharacterSet(charactersIn: ","))
            if bare.count <= 2 || abbreviations.contains(bare.lowercased()) {
                kept.append(word)
            } else {
                kept.append(word.dropLast())
                break
            }
        }
        return kept.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ", "))
    }
}
