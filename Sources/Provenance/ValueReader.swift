import ExtractCore
import Foundation
import JSONCore

/// Reads a typed value from the words that follow a label (or from any run of words, for scans).
struct ValueReader: Sendable {
    /// One word offered to a reader.
    struct Piece: Sendable, Hashable {
        var text: String
        var box: BoundingBox
        /// Horizontal gap to the previous piece, in multiples of the line height (0 for the first).
        var gap: Double
    }

    /// What a reader found: the value, the printed text, and how many pieces from the start it used.
    struct Reading: Sendable, Hashable {
        var value: JSONValue
        var text: String
        var range: Range<Int>
    }

    let normalizer: ValueNormalizer

    /// Reads `kind` from `pieces`; `nil` when nothing fits.
    func read(_ kind: FieldConcept.ValueKind, _ pieces: [Piece], field: SchemaField) -> Reading? {
        guard !pieces.isEmpty else { return nil }
        switch kind {
        case .date: return date(pieces)
        case .amount, .integer: return amount(pieces)
        case .percent: return percent(pieces)
        case .identifier: return identifier(pieces)
        case .vatID: return vatID(pieces)
        case .iban: return iban(pieces)
        case .bic: return bic(pieces)
        case .phone: return phone(pieces)
        case .email: return email(pieces)
        case .url: return url(pieces)
        case .currency: return currency(pieces, options: field.enumValues)
        case .enumeration: return enumeration(pieces, options: field.enumValues ?? [])
        case .boolean:
            guard let flag = normalizer.boolean(pieces[0].text) else { return nil }
            return Reading(value: .bool(flag), text: pieces[0].text, range: 0..<1)
        case .time: return time(pieces)
        case .person: return person(pieces)
        case .text, .company, .address: return text(pieces)
        }
    }

    private func joined(_ pieces: ArraySlice<Piece>) -> String {
        pieces.map(\.text).joined(separator: " ")
    }

    /// The first date starting within the first four pieces (longest reading at the earliest start).
    func date(_ pieces: [Piece]) -> Reading? {
        for start in 0..<min(4, pieces.count) where pieces[start].text.contains(where: { $0.isLetter || $0.isNumber }) {
            for length in stride(from: min(5, pieces.count - start), through: 1, by: -1) {
                let slice = pieces[start..<(start + length)]
                if slice.dropFirst().contains(where: { $0.gap > 2.5 }) { continue }
                let text = joined(slice)
                if let iso = normalizer.date(text) {
                    return Reading(value: .string(iso), text: text, range: start..<(start + length))
                }
            }
        }
        return nil
    }

    /// A date range starting at the first piece: `1er au 31 Juillet 2015`, `July 1 - July 31, 2014`,
    /// `01.05.14-31.05.14`, `14 - 20 March 2024`; the start borrows month and year from the end when it
    /// leaves them out.
    func dateRange(_ pieces: [Piece]) -> (start: String, end: String, range: Range<Int>)? {
        let separators: Set<String> = ["au", "to", "-", "–", "—", "bis", "tot", "until", "till", "à", "t/m"]
        if let first = pieces.first, first.text.contains("-") {
            let halves = first.text.split(separator: "-", omittingEmptySubsequences: false)
            if halves.count == 2, let left = normalizer.date(String(halves[0])),
                let right = normalizer.date(String(halves[1])), left <= right {
                return (left, right, 0..<1)
            }
        }
        for split in 1..<min(4, pieces.count) where separators.contains(pieces[split].text.lowercased()) {
            let after = Array(pieces[(split + 1)...])
            guard let end = date(after), end.range.lowerBound == 0,
                case .string(let endISO) = end.value else { continue }
            let left = pieces[0..<split].map(\.text).joined(separator: " ")
            let parts = endISO.split(separator: "-").map(String.init)
            var startISO = normalizer.date(left)
            if startISO == nil, split == 1, let day = Int(left.prefix { $0.isNumber }), left.first?.isNumber == true,
                ["", "er", "st", "nd", "rd", "th", "e", "."].contains(String(left.drop { $0.isNumber })) {
                startISO = ValueNormalizer.format(year: Int(parts[0])!, month: Int(parts[1])!, day: day)
            }
            if startISO == nil { startISO = normalizer.date(left + " " + parts[0]) }
            guard let startISO, startISO <= endISO else { continue }
            return (startISO, endISO, 0..<(split + 1 + end.range.upperBound))
        }
        return nil
    }

    /// Ranges of pieces that form dates (so amounts skip `August 3, 2014`).
    private func dateRanges(_ pieces: [Piece]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while start < pieces.count {
            var matched = false
            for length in stride(from: min(5, pieces.count - start), through: 1, by: -1)
            where normalizer.date(joined(pieces[start..<(start + length)])) != nil {
                ranges.append(start..<(start + length))
                start += length
                matched = true
                break
            }
            if !matched { start += 1 }
        }
        return ranges
    }

    /// The first amount (decimals or a currency sign preferred), skipping dates and percentages.
    func amount(_ pieces: [Piece]) -> Reading? {
        let dates = dateRanges(pieces)
        var fallback: Reading?
        var index = 0
        while index < min(pieces.count, 10) {
            if let range = dates.first(where: { $0.contains(index) }) {
                index = range.upperBound
                continue
            }
            let piece = pieces[index]
            guard piece.text.contains(where: \.isNumber) else {
                index += 1
                continue
            }
            let nextIsPercent = index + 1 < pieces.count && pieces[index + 1].text.hasPrefix("%")
            if piece.text.hasSuffix("%") || nextIsPercent {
                index += nextIsPercent ? 2 : 1
                continue
            }
            var best: Reading?
            for length in 1...3 where index + length <= pieces.count {
                let slice = pieces[index..<(index + length)]
                if slice.dropFirst().contains(where: { $0.gap > 0.45 }) { break }
                if let number = normalizer.number(joined(slice)) {
                    best = Reading(value: .number(number), text: joined(slice), range: index..<(index + length))
                }
            }
            if let best {
                let hasCurrency = index > 0 && Self.isCurrencyToken(pieces[index - 1].text)
                    || (index + 1 < pieces.count && Self.isCurrencyToken(pieces[index + 1].text))
                if best.text.contains(".") || best.text.contains(",") || hasCurrency
                    || best.text.contains(where: { "€$£¥".contains($0) }) {
                    return best
                }
                if fallback == nil { fallback = best }
            }
            index += 1
        }
        return fallback
    }

    static func isCurrencyToken(_ text: String) -> Bool {
        let upper = text.uppercased().trimmingCharacters(in: .punctuationCharacters)
        return ValueNormalizer.currencySymbols[text] != nil || Self.currencyCodes.contains(upper)
    }

    /// A number followed by `%` (or written `21%`).
    func percent(_ pieces: [Piece]) -> Reading? {
        for index in 0..<min(pieces.count, 8) {
            let text = pieces[index].text
            if text.hasSuffix("%"), let number = normalizer.number(text) {
                return Reading(value: .number(number), text: text, range: index..<(index + 1))
            }
            if index + 1 < pieces.count, pieces[index + 1].text.hasPrefix("%"), let number = normalizer.number(text) {
                return Reading(value: .number(number), text: text + " %", range: index..<(index + 2))
            }
        }
        return nil
    }

    /// Prefixes printed before a number (`#`, `n°`, `No.` …), dropped from identifiers.
    static let numberPrefixes = ["#", "n°", "nº", "no.", "nr.", "no:", "nr:", ":"]

    /// The first token that looks like an identifier: has a digit, or is an upper-case / underscored code.
    func identifier(_ pieces: [Piece]) -> Reading? {
        for index in 0..<min(pieces.count, 3) {
            // A word ending with a colon is the next label (`USt.-Id.-Nr.:` below `Steuernummer:`), not a value.
            if pieces[index].text.hasSuffix(":") { return nil }
            var text = pieces[index].text
            for prefix in Self.numberPrefixes where text.lowercased().hasPrefix(prefix) {
                text = String(text.dropFirst(prefix.count))
            }
            text = text.trimmingCharacters(in: CharacterSet(charactersIn: ",;:.()[]\"'"))
            guard !text.isEmpty else { continue }
            let hasDigit = text.contains(where: \.isNumber)
            let looksLikeCode = text.count >= 4 && (text.contains("_") || text.contains("-")
                || text.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "/" })
            guard hasDigit || looksLikeCode else {
                // A word that is not an identifier ends the search (a sentence follows the label).
                return nil
            }
            if normalizer.date(text) != nil, text.contains(where: { "./-".contains($0) }) { return nil }
            let decimalLike = text.allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
            if text.contains(where: { $0 == "." || $0 == "," }), decimalLike {
                return nil
            }
            if text.hasSuffix("%") { return nil }
            if let grouped = digitGroups(pieces, from: index) { return grouped }
            return Reading(value: .string(text), text: pieces[index].text, range: index..<(index + 1))
        }
        return nil
    }

    /// A number printed in three or more groups of digits a word space apart, possibly with dashes between them
    /// (`05 158 004 - 11023 - 45`, a Leitweg-ID): read whole, not as its first group.
    func digitGroups(_ pieces: [Piece], from start: Int) -> Reading? {
        func isGroup(_ text: String) -> Bool { !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber } }
        guard isGroup(pieces[start].text) else { return nil }
        var end = start + 1
        var lastGroup = start
        var groups = 1
        while end < pieces.count, end - start < 12, pieces[end].gap <= 1.0 {
            let text = pieces[end].text
            if isGroup(text) {
                groups += 1
                lastGroup = end
            } else if text != "-" {
                break
            }
            end += 1
        }
        guard groups >= 3 else { return nil }
        let text = joined(pieces[start...lastGroup])
        return Reading(value: .string(text), text: text, range: start..<(lastGroup + 1))
    }

    /// A VAT number: a two-letter country prefix, printed in capitals, and 8–14 more characters, possibly in
    /// groups (the French `de 120 000,00` is no German VAT number).
    func vatID(_ pieces: [Piece]) -> Reading? {
        for start in 0..<min(pieces.count, 3) {
            let prefix = pieces[start].text.drop { !$0.isLetter }.prefix(2)
            guard prefix.count == 2, prefix.allSatisfy({ $0.isLetter && $0.isUppercase }) else { continue }
            var compact = ""
            var end = start
            while end < pieces.count, end - start < 5 {
                if end > start, pieces[end].gap > 1.0 { break }
                let part = pieces[end].text.filter { $0.isLetter || $0.isNumber }.uppercased()
                guard !part.isEmpty else { break }
                compact = Self.fixingOCRZeros(compact + part)
                end += 1
                if Self.isVATNumber(compact), end == pieces.count || pieces[end].gap > 1.0
                    || !pieces[end].text.allSatisfy({ $0.isNumber }) {
                    return Reading(value: .string(compact), text: joined(pieces[start..<end]), range: start..<end)
                }
            }
        }
        return nil
    }

    /// Reads a letter `O` between or before digits after a two-letter prefix as the digit `0` (an OCR confusion).
    static func fixingOCRZeros(_ compact: String) -> String {
        var characters = Array(compact)
        guard characters.count > 3 else { return compact }
        for position in 2..<characters.count where characters[position] == "O" {
            let next = position + 1 < characters.count ? characters[position + 1] : " "
            let previous = characters[position - 1]
            if next.isNumber || (position > 2 && previous.isNumber) { characters[position] = "0" }
        }
        return String(characters)
    }

    static func isVATNumber(_ compact: String) -> Bool {
        let characters = Array(compact)
        guard (10...16).contains(characters.count), vatPrefixes.contains(String(characters.prefix(2))),
            characters[2].isNumber || characters[2] == "X" else { return false }
        let digits = characters.dropFirst(2).filter(\.isNumber).count
        return digits >= 7 && characters.dropFirst(2).allSatisfy { $0.isNumber || $0.isUppercase }
    }

    /// Country prefixes of VAT numbers (EU members, `EL` for Greece, `XI`, and common non-EU ones).
    static let vatPrefixes: Set<String> = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU",
        "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI", "GB", "CH", "NO",
    ]

    /// An IBAN in any grouping, accepted only with a valid ISO 7064 mod-97 check.
    func iban(_ pieces: [Piece]) -> Reading? {
        for start in 0..<min(pieces.count, 3) {
            var compact = ""
            var best: Reading?
            var end = start
            while end < pieces.count, end - start < 10 {
                if end > start, pieces[end].gap > 1.0 { break }
                let part = pieces[end].text.filter { $0.isLetter || $0.isNumber }.uppercased()
                guard !part.isEmpty else { break }
                compact += part
                end += 1
                if compact.count > 34 { break }
                if Self.isValidIBAN(compact) {
                    best = Reading(value: .string(compact), text: joined(pieces[start..<end]), range: start..<end)
                }
            }
            if let best { return best }
        }
        return nil
    }

    /// The length of an IBAN of each country of the IBAN registry (ISO 13616).
    static let ibanLengths: [String: Int] = [
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
        "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
        "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
        "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
        "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
        "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29,
        "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28,
        "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
    ]

    /// Whether a compact text is an IBAN: a registry country's prefix and length, and the ISO 7064 check (the
    /// check alone passes one text in 97: `ab 20.09.2018 15:39 Uhr bis 20.09.2018` is no IBAN).
    static func isValidIBAN(_ compact: String) -> Bool {
        let characters = Array(compact)
        guard (15...34).contains(characters.count), characters[0].isLetter, characters[1].isLetter,
            characters[2].isNumber, characters[3].isNumber,
            characters.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }),
            ibanLengths[String(characters.prefix(2))] == characters.count else { return false }
        let rearranged = characters.dropFirst(4) + characters.prefix(4)
        var remainder = 0
        for character in rearranged {
            let value = character.isNumber ? Int(String(character))! : Int(character.asciiValue! - 55)
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97
        }
        return remainder == 1
    }

    /// A BIC/SWIFT code: 4 letters bank, 2 letters country, 2 location, optional 3 branch.
    func bic(_ pieces: [Piece]) -> Reading? {
        for index in 0..<min(pieces.count, 3) {
            let text = pieces[index].text.trimmingCharacters(in: .punctuationCharacters)
            guard text == text.uppercased() else { continue }
            let characters = Array(text)
            guard characters.count == 8 || characters.count == 11 else { continue }
            guard characters.prefix(6).allSatisfy({ $0.isASCII && $0.isLetter }),
                characters.dropFirst(6).allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { continue }
            return Reading(value: .string(text), text: pieces[index].text, range: index..<(index + 1))
        }
        return nil
    }

    /// A telephone number: digits, spaces, `+`, `()`, `-`, `/`, with 6 to 15 digits.
    func phone(_ pieces: [Piece]) -> Reading? {
        let allowed = CharacterSet(charactersIn: "0123456789+()-/. ")
        for start in 0..<min(pieces.count, 3) {
            var end = start
            var digits = 0
            while end < pieces.count, end - start < 7 {
                if end > start, pieces[end].gap > 1.0 { break }
                let text = pieces[end].text
                guard text.unicodeScalars.allSatisfy(allowed.contains), text.contains(where: \.isNumber) || text == "+"
                else { break }
                digits += text.filter(\.isNumber).count
                end += 1
            }
            if (7...15).contains(digits), normalizer.date(joined(pieces[start..<end])) == nil,
                pieces[start].text.first.map({ $0.isNumber || $0 == "+" || $0 == "(" }) == true {
                let text = joined(pieces[start..<end]).trimmingCharacters(in: CharacterSet(charactersIn: ".-/ "))
                return Reading(value: .string(text), text: text, range: start..<end)
            }
        }
        return nil
    }

    /// An e-mail address.
    func email(_ pieces: [Piece]) -> Reading? {
        for index in 0..<min(pieces.count, 4) {
            let text = pieces[index].text.trimmingCharacters(in: CharacterSet(charactersIn: "<>()[],;:."))
            if ValueNormalizer.isEmail(text) {
                return Reading(value: .string(text), text: pieces[index].text, range: index..<(index + 1))
            }
        }
        return nil
    }

    /// A web address, reduced to its host (`https://www.example.com/x` → `www.example.com`).
    func url(_ pieces: [Piece]) -> Reading? {
        for index in 0..<min(pieces.count, 6) {
            var text = pieces[index].text.trimmingCharacters(in: CharacterSet(charactersIn: "<>()[],;:\"'"))
            guard !text.contains("@") else { continue }
            let lower = text.lowercased()
            for scheme in ["https://", "http://"] where lower.hasPrefix(scheme) {
                text = String(text.dropFirst(scheme.count))
            }
            if let slash = text.firstIndex(of: "/") { text = String(text[..<slash]) }
            text = text.trimmingCharacters(in: CharacterSet(charactersIn: "."))
            let labels = text.split(separator: ".")
            guard labels.count >= 2, let tld = labels.last, (2...6).contains(tld.count), tld.allSatisfy(\.isLetter),
                labels.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }),
                lower.hasPrefix("www.") || lower.hasPrefix("http") || labels.count >= 2 && !text.first!.isNumber
            else { continue }
            if normalizer.number(text) != nil { continue }
            return Reading(value: .string(text.lowercased()), text: pieces[index].text, range: index..<(index + 1))
        }
        return nil
    }

    /// A currency code or symbol, mapped to a listed code.
    func currency(_ pieces: [Piece], options: [JSONValue]?) -> Reading? {
        for index in 0..<min(pieces.count, 4) {
            let text = pieces[index].text.trimmingCharacters(in: CharacterSet(charactersIn: "()[],;:."))
            let upper = text.uppercased()
            var code: String?
            if Self.currencyCodes.contains(upper) {
                code = upper
            } else if let symbolCode = ValueNormalizer.currencySymbols[text] {
                code = symbolCode
            } else if let first = text.first, let symbolCode = ValueNormalizer.currencySymbols[String(first)],
                text.dropFirst().contains(where: \.isNumber) {
                code = symbolCode
            }
            guard let code else { continue }
            if let options, !options.contains(.string(code)) { continue }
            return Reading(value: .string(code), text: pieces[index].text, range: index..<(index + 1))
        }
        return nil
    }

    /// A listed enum value printed as a word (or two).
    func enumeration(_ pieces: [Piece], options: [JSONValue]) -> Reading? {
        for index in 0..<min(pieces.count, 4) {
            for length in stride(from: min(3, pieces.count - index), through: 1, by: -1) {
                let text = joined(pieces[index..<(index + length)])
                if let value = normalizer.enumValue(text, among: options) {
                    return Reading(value: value, text: text, range: index..<(index + length))
                }
            }
        }
        return nil
    }

    /// A clock time `14:27`, `9.05`, `14h27`, `14:27:05`, as `HH:MM` (with `:SS` when printed).
    func time(_ pieces: [Piece]) -> Reading? {
        for index in 0..<min(pieces.count, 4) {
            let printed = pieces[index].text.trimmingCharacters(in: CharacterSet(charactersIn: ",;()[]"))
            let parts = printed.lowercased().split(omittingEmptySubsequences: false) { ":.h".contains($0) }
            guard (2...3).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isNumber) }),
                (1...2).contains(parts[0].count), parts.dropFirst().allSatisfy({ $0.count == 2 }),
                let hour = Int(parts[0]), hour < 24, let minute = Int(parts[1]), minute < 60 else { continue }
            if parts.count == 3, (Int(parts[2]) ?? 60) >= 60 { continue }
            if printed.contains("."), parts.count == 2, index + 1 >= pieces.count
                || !["h", "uhr", "am", "pm"].contains(pieces[index + 1].text.lowercased()) {
                continue
            }
            var value = (hour < 10 ? "0" : "") + "\(hour):" + parts[1]
            if parts.count == 3 { value += ":" + parts[2] }
            return Reading(value: .string(value), text: pieces[index].text, range: index..<(index + 1))
        }
        return nil
    }

    /// A person's name after a label, without a leading courtesy title (`Ms.`, `Herr`, `Dhr.` …).
    func person(_ pieces: [Piece]) -> Reading? {
        guard var reading = text(pieces), case .string(let text) = reading.value else { return nil }
        var words = text.split(separator: " ").map(String.init)
        while words.count > 1, Self.courtesyTitles.contains(words[0].lowercased()) { words.removeFirst() }
        reading.value = .string(words.joined(separator: " "))
        return reading
    }

    static let courtesyTitles: Set<String> = [
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "herr", "frau", "dhr", "dhr.",
        "mevr", "mevr.", "mw", "mw.", "m.", "mme", "mme.", "mlle", "sir", "madam",
    ]

    /// The words up to a wide gap (a column break), as one string.
    func text(_ pieces: [Piece]) -> Reading? {
        var end = 0
        while end < pieces.count, end < 20 {
            if end > 0, pieces[end].gap > 2.5 { break }
            end += 1
        }
        var slice = pieces[0..<end]
        while let first = slice.first, first.text.allSatisfy({ $0 == ":" || $0 == "-" || $0 == "–" }) {
            slice = slice.dropFirst()
        }
        let text = joined(slice).trimmingCharacters(in: .whitespaces)
        guard text.contains(where: \.isLetter) || text.contains(where: \.isNumber) else { return nil }
        let start = slice.startIndex
        return Reading(value: .string(text), text: text, range: start..<end)
    }

    /// Whether `text` is only label words (a heading such as `Payment`, `Total`), not a value.
    static func isLabelOnly(_ text: String) -> Bool {
        let tokens = LabelIndex.tokens(ofPhrase: text)
        // A short text ending with a colon is the next label (`Name:` above `Anschrift:`), not a value.
        if tokens.count <= 3, text.trimmingCharacters(in: .whitespaces).hasSuffix(":") { return true }
        // A printed label of any concept (`Date d'échéance` below `Conditions de paiement`) is not a value.
        if tokens.count <= 4, conceptLabels.contains(tokens.joined(separator: " ")) { return true }
        return tokens.isEmpty || (tokens.count <= 3 && tokens.allSatisfy { labelWords.contains($0) })
    }

    /// Every concept's labels as folded tokens joined by spaces.
    static let conceptLabels: Set<String> = Set(
        FieldConcept.table.flatMap(\.labels).map { LabelIndex.tokens(ofPhrase: $0).joined(separator: " ") }
    )

    static let labelWords: Set<String> = [
        "payment", "total", "date", "invoice", "number", "due", "amount", "vat", "tax", "subtotal", "description",
        "quantity", "price", "unit", "customer", "bill", "to", "ship", "terms", "page", "seite", "bedrag", "datum",
        "beschreibung", "bezeichnung", "désignation", "designation", "omschrijving", "menge", "quantité",
    ]

    static let currencyCodes: Set<String> = [
        "EUR", "USD", "GBP", "CHF", "SEK", "DKK", "NOK", "PLN", "CZK", "JPY", "CAD", "AUD", "HUF", "RON", "BGN",
        "CNY", "HKD", "SGD", "INR", "MYR", "NZD", "ZAR", "BRL", "MXN", "TRY", "RUB", "KRW", "ISK",
    ]
}
