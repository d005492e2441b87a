import Foundation

extension EvidenceIndex {
    /// Spans that print `code` of `list` in one of its other forms (``CodeList/printedForms(of:)``): `€` or
    /// `Euro` for `EUR`, `Stk` after a quantity for `H87`, `France` for `FR`, `Avoir` opening a line for `381`.
    ///
    /// A form matches only as whole tokens (``CodeList/formKey(_:)`` of each word, within one line), and only
    /// where its ``CodeList/Placement`` allows: a unit right after a number (`20 Stk`) or attached to it
    /// (`20kg`); a currency symbol or a one- or two-character form beside or attached to an amount (`4,55 €`,
    /// `$4.11`); a document title at the start of a line (also letter-spaced: `R E C H N U N G`). For USD, a bare
    /// `$` or `dollar` does not count in a document that prints a more specific dollar (`CA$`, `AUD` …).
    /// The code itself printed as a word is an exact match, found by ``EvidenceLocator`` before this.
    func codeSpans(_ code: String, list: CodeList) -> [Span] {
        var forms = list.printedForms(of: code)
        guard !forms.isEmpty else { return [] }
        let overriding = list.overridingForms(of: code)
        if !overriding.isEmpty, !formSpans(overriding, list: list).isEmpty {
            forms.removeAll { list.isGeneric($0) }
        }
        return formSpans(forms, list: list)
    }

    /// Printed VAT identification numbers issued by `country` (ISO 3166-1 alpha-2): an EU number opens with its
    /// member state's code in capitals (Greece's with `EL`), attached to 8 to 12 characters holding at least 7
    /// digits (`DE123456789`, `FR11999999998`, `NL859372614B01`). Such a number names its holder's country of
    /// VAT registration, which an invoice may print nowhere else. The code printed as its own word (`DE 123 …`)
    /// is an exact match, found before this.
    func vatNumberSpans(country: String) -> [Span] {
        let prefix = country == "GR" ? "EL" : country
        guard Self.vatNumberPrefixes.contains(prefix) else { return [] }
        var result: [Span] = []
        for (streamIndex, stream) in streams.enumerated() {
            for (position, word) in stream.words.enumerated() {
                let text = word.text.trimmingCharacters(in: CharacterSet(charactersIn: ",;:()[]."))
                guard text.hasPrefix(prefix) else { continue }
                let rest = text.dropFirst(prefix.count)
                guard (8...12).contains(rest.count), rest.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }),
                    rest.filter(\.isNumber).count >= 7 else { continue }
                result.append(Span(stream: streamIndex, start: position, end: position + 1))
            }
        }
        return result
    }

    /// The prefixes of VAT identification numbers in the EU's VIES (with `XI`, Northern Ireland) and the UK's.
    private static let vatNumberPrefixes: Set<String> = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "GB", "HR", "HU", "IE", "IT", "LT",
        "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
    ]

    /// Where any of `forms` (form keys) is printed, as ``codeSpans(_:list:)`` describes; each place once.
    private func formSpans(_ forms: [String], list: CodeList) -> [Span] {
        let phrases = Array(Set(forms)).map { form in (form, form.split(separator: " ").map(String.init)) }
        var result: [Span] = []
        for (streamIndex, stream) in streams.enumerated() {
            let words = stream.words
            let keys = words.map { CodeList.formKey($0.text) }
            var seen: Set<Int> = []
            func add(_ start: Int, _ end: Int) {
                guard seen.insert(start).inserted else { return }
                result.append(Span(stream: streamIndex, start: start, end: end))
            }
            for (form, parts) in phrases {
                let placement = list.placement(ofForm: form)
                guard let first = parts.first else { continue }
                for start in keys.indices where keys[start] == first {
                    let end = start + parts.count
                    guard end <= words.count, words[end - 1].line == words[start].line,
                        Array(keys[start..<end]) == parts else { continue }
                    if isPlaced(start..<end, in: stream, placement: placement, list: list) { add(start, end) }
                }
                if parts.count == 1, placement == .nextToNumber {
                    for (position, word) in words.enumerated() where attaches(form, to: word.text, list: list) {
                        add(position, position + 1)
                    }
                }
                if parts.count == 1, placement == .lineStart, form.count >= 4 {
                    for line in stream.lines {
                        let letters = words[line].prefix { $0.text.count == 1 && $0.text.first!.isLetter }
                        guard letters.count == form.count,
                            letters.map(\.text).joined().lowercased() == form else { continue }
                        add(line.lowerBound, line.lowerBound + letters.count)
                    }
                }
            }
        }
        return result
    }

    /// Every place a form of a code of `list` is printed, with the code it reads as (``CodeList/code(forPrinted:)``,
    /// so `Stk` reads as `H87` only), under the same rules as ``codeSpans(_:list:)``. A document title that
    /// prints its code on the same line (`Gutschrift (Selbst ausgestellte Rechnung) (389)`) reads as that code.
    func printedCodes(in list: CodeList) -> [(code: String, span: Span)] {
        guard let table = CodeList.tables[list] else { return [] }
        var result: [(code: String, span: Span)] = []
        var genericDollars: [Int] = []
        var sawSpecificDollar = false
        let specific = Set(CodeList.specificDollars)
        for (streamIndex, stream) in streams.enumerated() {
            let words = stream.words
            let keys = words.map { CodeList.formKey($0.text) }
            var position = 0
            while position < words.count {
                var matched: (code: String, form: String, end: Int)?
                for length in stride(from: 3, through: 1, by: -1) where position + length <= words.count {
                    guard words[position + length - 1].line == words[position].line else { continue }
                    let phrase = keys[position..<(position + length)].joined(separator: " ")
                    guard let code = table.codes[phrase],
                        isPlaced(position..<(position + length), in: stream,
                                 placement: list.placement(ofForm: phrase), list: list) else { continue }
                    matched = (code, phrase, position + length)
                    break
                }
                if matched == nil, let (code, form) = attachedCode(words[position].text, table: table, list: list) {
                    matched = (code, form, position + 1)
                }
                if matched == nil, list == .documentType, stream.lines[words[position].line].lowerBound == position {
                    let letters = words[stream.lines[words[position].line]]
                        .prefix { $0.text.count == 1 && $0.text.first!.isLetter }
                    let joined = letters.map(\.text).joined().lowercased()
                    if letters.count >= 4, let code = table.codes[joined] {
                        matched = (code, joined, position + letters.count)
                    }
                }
                guard let (matchedCode, form, end) = matched else {
                    position += 1
                    continue
                }
                var code = matchedCode
                if list == .documentType {
                    let line = stream.lines[words[position].line]
                    if let printed = words[line].lazy.compactMap({ list.canonicalCode(CodeList.formKey($0.text)) })
                        .first {
                        code = printed
                    }
                }
                if list == .currency {
                    if specific.contains(form) { sawSpecificDollar = true }
                    if list.isGeneric(form) { genericDollars.append(result.count) }
                }
                result.append((code, Span(stream: streamIndex, start: position, end: end)))
                position = end
            }
        }
        if sawSpecificDollar {
            let dropped = Set(genericDollars)
            result = result.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
        }
        return result
    }

    /// The code and form of a word that is a form attached to a number (`20kg`, `$4.11`), when its placement
    /// is beside a number.
    private func attachedCode(_ text: String, table: CodeList.Table, list: CodeList) -> (String, String)? {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
            .trimmingCharacters(in: CharacterSet(charactersIn: ",;:()[]"))
        guard folded.contains(where: \.isNumber), folded.contains(where: { !$0.isNumber && !",.".contains($0) })
        else { return nil }
        let lead = String(folded.prefix { $0.isNumber || ",.".contains($0) })
        let suffix = String(folded.dropFirst(lead.count))
        if !lead.isEmpty, let code = table.codes[suffix], list.placement(ofForm: suffix) == .nextToNumber,
            isNumber(lead) {
            return (code, suffix)
        }
        guard list == .currency else { return nil }
        let tail = String(folded.reversed().prefix { $0.isNumber || ",.".contains($0) }.reversed())
        let prefix = String(folded.dropLast(tail.count))
        if !tail.isEmpty, let code = table.codes[prefix], list.placement(ofForm: prefix) == .nextToNumber,
            Self.isAmount(tail, after: prefix), isNumber(tail) {
            return (code, prefix)
        }
        return nil
    }

    /// Whether the words `range` stand where `placement` wants them.
    private func isPlaced(_ range: Range<Int>, in stream: Stream, placement: CodeList.Placement,
                          list: CodeList) -> Bool {
        let words = stream.words
        switch placement {
        case .anywhere:
            return true
        case .lineStart:
            return stream.lines[words[range.lowerBound].line].lowerBound == range.lowerBound
        case .nextToNumber:
            let line = words[range.lowerBound].line
            let before = range.lowerBound - 1
            if before >= 0, words[before].line == line, isNumber(words[before].text) { return true }
            // A unit follows its quantity; a currency may also precede its amount (`€ 12,00`). Letters before
            // a number without decimals are more often an identifier's prefix than a currency: the VAT number
            // `FR 604 219 388 61` is no amount in Swiss francs (`Fr.`).
            guard list != .unit else { return false }
            let after = range.upperBound
            guard after < words.count, words[after].line == line, isNumber(words[after].text) else { return false }
            let lettersOnly = words[range].allSatisfy { word in
                word.text.trimmingCharacters(in: CharacterSet(charactersIn: ".")).allSatisfy(\.isLetter)
            }
            return !lettersOnly || words[after].text.contains { $0 == "," || $0 == "." }
        }
    }

    /// Whether `text` is `form` attached to a number: after it for any list (`20kg`, `3m²`, `4,55€`), before it
    /// only for a currency (`$4.11`, `RM9.00`; a unit word before a number is no unit of it).
    private func attaches(_ form: String, to text: String, list: CodeList) -> Bool {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
            .trimmingCharacters(in: CharacterSet(charactersIn: ",;:()[]"))
        guard folded.count > form.count, folded.contains(where: \.isNumber) else { return false }
        if list == .currency, folded.hasPrefix(form) {
            let digits = String(folded.dropFirst(form.count))
            if Self.isAmount(digits, after: form), isNumber(digits) { return true }
        }
        return folded.hasSuffix(form) && isNumber(String(folded.dropLast(form.count)))
    }

    /// Whether `digits` may be the amount a currency form attached before it stands for: after a form with a
    /// symbol (`$4.11`, `US$100`) any number; after letters only (`RM9.00`) one with a decimal separator, so
    /// that an identifier such as the VAT number `FR11999999998` is no amount in Swiss francs.
    private static func isAmount(_ digits: String, after form: String) -> Bool {
        !form.allSatisfy(\.isLetter) || digits.contains { $0 == "." || $0 == "," }
    }

    /// Whether a word reads as a number (a quantity or an amount).
    private func isNumber(_ text: String) -> Bool {
        text.contains(where: \.isNumber) && normalizer.number(text) != nil
    }
}
