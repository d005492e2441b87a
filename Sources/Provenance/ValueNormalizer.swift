import Foundation
import JSONCore

/// Turns raw text (or a model's raw JSON value) into the value a schema property asks for.
///
/// - `format: date` → `YYYY-MM-DD` from `14 March 2024`, `March 14, 2024`, `14.03.2024`, `14/03/2024`,
///   `2024-03-14`, `7. Mai 2014`, `02 Juillet 2015` (month names and abbreviations in English, Dutch,
///   French and German; numeric dates are day-first unless ``DateOrder/monthFirst`` is given, and a part
///   above 12 decides by itself).
/// - `number` / `integer` → an exact ``JSONNumber`` from `1.234,56`, `1 234,56`, `1,234.56`, `€ 1,230.00`,
///   `12,50`, `(45.00)` (negative), `21%`.
/// - `enum` → the listed value that matches case-insensitively or after dropping punctuation and spaces
///   (currency symbols map to their ISO code when the code is listed).
/// - a field asking for a code of a standard list (``CodeList``: currency, country, unit, document type, VAT
///   category) → the code of a printed form (`€` → `EUR`, `Deutschland` → `DE`, `Stk` → `H87`).
/// - `boolean` → from `true/false`, `yes/no`, `ja/nein`, `oui/non`, `1/0`, `✓`.
/// - `string` → trimmed, white space collapsed; `format: email` and `pattern` are checked.
///
/// Every function returns `nil` rather than a guess when the text does not fit.
public struct ValueNormalizer: Sendable, Hashable {
    /// How to read a numeric date whose day and month are both 12 or less.
    public enum DateOrder: String, Sendable, Hashable {
        /// `03/04/2024` is 3 April (Europe, most of the world).
        case dayFirst
        /// `03/04/2024` is March 4 (United States).
        case monthFirst
    }

    /// How ambiguous numeric dates are read.
    public var dateOrder: DateOrder

    /// Creates a normaliser; numeric dates are day-first unless `dateOrder` says otherwise.
    public init(dateOrder: DateOrder = .dayFirst) {
        self.dateOrder = dateOrder
    }

    // MARK: - By field

    /// Normalises `raw` for `field`: the typed JSON value, `.null` for an empty or "n/a" text when the
    /// field is nullable, or `nil` when the text cannot be read as anything the field allows.
    public func normalize(_ raw: String, for field: SchemaField) -> JSONValue? {
        let text = collapse(raw)
        if text.isEmpty || Self.nullWords.contains(text.lowercased()) {
            return field.isNullable ? .null : nil
        }
        if let options = field.enumValues {
            return enumValue(text, among: options) ?? codeValue(text, for: field).flatMap { code in
                options.first { $0 == code }
            }
        }
        if let code = codeValue(text, for: field) { return code }
        let types = field.types.isEmpty ? ["string"] : field.types
        for type in Self.typePreference where types.contains(type) {
            switch type {
            case "boolean":
                if let flag = boolean(text) { return .bool(flag) }
            case "integer":
                if let number = integer(text) { return .number(number) }
            case "number":
                if let number = number(text) { return .number(number) }
            case "string":
                if let value = string(text, format: field.format, pattern: field.pattern) { return .string(value) }
            default:
                continue
            }
        }
        return nil
    }

    /// Normalises a value a model produced (a string is read like printed text; a number, boolean or
    /// `null` is kept when the field allows it), or returns `nil` when it does not fit.
    public func normalize(_ value: JSONValue, for field: SchemaField) -> JSONValue? {
        switch value {
        case .string(let text):
            return normalize(text, for: field)
        case .null:
            return field.isNullable ? .null : nil
        case .number(let number):
            if let options = field.enumValues { return options.first { $0 == value } }
            if field.types.contains("integer"), number.isInteger { return value }
            if field.types.contains("number") { return value }
            if field.types.contains("string") { return normalize(number.description, for: field) }
            return nil
        case .bool(let flag):
            if let options = field.enumValues { return options.first { $0 == value } }
            if field.types.contains("boolean") { return value }
            if field.types.contains("string") { return .string(flag ? "true" : "false") }
            return nil
        case .array, .object:
            return nil
        }
    }

    /// Normalises `raw` for a leaf schema given as JSON (its `type`, `format`, `enum`, `pattern`).
    public func normalize(_ raw: String, schema: JSONValue) -> JSONValue? {
        let field = SchemaFields.leaves(of: ["type": "object", "properties": ["value": schema]]).first
        guard let field else { return nil }
        return normalize(raw, for: field)
    }

    // MARK: - Codes

    /// The code a printed form names when `field` asks for a code of a standard list
    /// (``CodeList/wantsCode(_:)``): `€` or `Euro` → `EUR`, `Deutschland` → `DE`, `Stück` → `H87`, `Avoir` →
    /// `381`; `nil` otherwise, or when the code does not fit the field's `pattern`.
    public func codeValue(_ raw: String, for field: SchemaField) -> JSONValue? {
        guard field.allowsString, let list = CodeList.list(for: field), let code = list.code(forPrinted: collapse(raw)),
            CodeList.wantsCode(field) else { return nil }
        return string(code, pattern: field.pattern).map { .string($0) }
    }

    // MARK: - Strings

    /// The text trimmed with inner white space collapsed to single spaces; `nil` when empty, when
    /// `format` is `email` and the text is not an address, or when it does not match `pattern`.
    public func string(_ raw: String, format: String? = nil, pattern: String? = nil) -> String? {
        var text = collapse(raw)
        guard !text.isEmpty else { return nil }
        switch format {
        case "date":
            guard let iso = date(text) else { return nil }
            text = iso
        case "email", "idn-email":
            let candidate = text.trimmingCharacters(in: CharacterSet(charactersIn: "<>()[],;:."))
            guard Self.isEmail(candidate) else { return nil }
            text = candidate
        default:
            break
        }
        if let pattern, let regex = try? NSRegularExpression(pattern: pattern) {
            let range = NSRange(text.startIndex..., in: text)
            guard regex.firstMatch(in: text, range: range) != nil else { return nil }
        }
        return text
    }

    /// Trims and collapses white space (including no-break and thin spaces).
    public func collapse(_ raw: String) -> String {
        raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    // MARK: - Booleans

    /// `true` / `false` from common words in English, German, Dutch and French, `1` / `0`, `x` and check
    /// marks; `nil` otherwise.
    public func boolean(_ raw: String) -> Bool? {
        let word = collapse(raw).lowercased().trimmingCharacters(in: .punctuationCharacters)
        if Self.trueWords.contains(word) { return true }
        if Self.falseWords.contains(word) { return false }
        return nil
    }

    // MARK: - Enums

    /// The value of `options` that `raw` names: equal ignoring case, or equal after dropping punctuation,
    /// symbols and spaces; a currency symbol (`€`, `$`, `£` …) names its ISO code when that is listed.
    /// `nil` when none or more than one option matches.
    public func enumValue(_ raw: String, among options: [JSONValue]) -> JSONValue? {
        let text = collapse(raw)
        if let exact = options.first(where: { $0.stringValue == text }) { return exact }
        let folded = text.lowercased()
        let caseMatches = options.filter { $0.stringValue?.lowercased() == folded }
        if caseMatches.count == 1 { return caseMatches[0] }
        let key = Self.compactKey(text)
        if !key.isEmpty {
            let loose = options.filter { option in
                if let string = option.stringValue { return Self.compactKey(string) == key }
                if case .number(let number) = option { return Self.compactKey(number.description) == key }
                return false
            }
            if loose.count == 1 { return loose[0] }
        }
        if let code = Self.currencySymbols[text] ?? CodeList.currency.code(forPrinted: text) {
            return options.first { $0.stringValue == code }
        }
        if let number = number(text) {
            let numeric = options.filter { $0.numberValue == number }
            if numeric.count == 1 { return numeric[0] }
        }
        return nil
    }

    /// Lower-cased letters and digits only.
    static func compactKey(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter {
            CharacterSet.alphanumerics.contains($0)
        }))
    }

    // MARK: - Numbers

    /// An integer from locale-formatted text (`1.234`, `1 234`, `12.00`), or `nil` when the text is not a
    /// whole number.
    public func integer(_ raw: String) -> JSONNumber? {
        guard let value = number(raw), value.isInteger else { return nil }
        return value
    }

    /// An exact decimal number from locale-formatted text, or `nil`.
    ///
    /// Currency symbols and codes, a trailing `%`, surrounding parentheses (negative) and a leading or
    /// trailing sign are accepted. When both `.` and `,` occur, the last one is the decimal separator and
    /// the other must group digits in threes; a separator that repeats groups digits; a single separator
    /// followed by exactly three digits after a 1–3 digit non-zero lead is grouping (`1,230` = 1230), any
    /// other single separator is decimal (`12,50` = 12.5). Spaces and apostrophes group digits in threes.
    public func number(_ raw: String) -> JSONNumber? {
        var text = collapse(raw)
        guard !text.isEmpty, text.count <= 64 else { return nil }
        var negative = false
        if text.hasPrefix("("), text.hasSuffix(")") {
            negative = true
            text = String(text.dropFirst().dropLast())
        }
        text = stripCurrency(text)
        if text.hasSuffix("%") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
        text = stripCurrency(text)
        if let first = text.first, first == "-" || first == "+" || first == "−" {
            negative = negative != (first != "+")
            text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
        } else if let last = text.last, last == "-" || last == "−" {
            negative.toggle()
            text = String(text.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        text = stripCurrency(text)
        guard let digits = Self.canonicalDigits(text) else { return nil }
        return JSONNumber(literal: (negative && digits.contains(where: { $0 != "0" && $0 != "." }) ? "-" : "") + digits)
    }

    /// Removes currency symbols and ISO codes at either end.
    private func stripCurrency(_ text: String) -> String {
        var result = text.trimmingCharacters(in: .whitespaces)
        // Upper-cased once per change rather than twice per symbol (this was most of an index's build time).
        var upper = result.uppercased()
        var count = result.count
        var changed = true
        while changed {
            changed = false
            for symbol in Self.currencyPrefixes {
                if count > symbol.count, upper.hasPrefix(symbol) {
                    result = String(result.dropFirst(symbol.count)).trimmingCharacters(in: .whitespaces)
                    upper = result.uppercased()
                    count = result.count
                    changed = true
                }
                if count > symbol.count, upper.hasSuffix(symbol) {
                    result = String(result.dropLast(symbol.count)).trimmingCharacters(in: .whitespaces)
                    upper = result.uppercased()
                    count = result.count
                    changed = true
                }
            }
        }
        return result
    }

    /// Digits with an optional `.fraction`, in JSON literal form, or `nil` when `text` is not a number.
    static func canonicalDigits(_ text: String) -> String? {
        let groupSpace: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}", "'", "’"]
        var body = Array(text)
        guard let first = body.first, first.isASCII, first.isNumber || first == "." || first == "," else { return nil }
        guard body.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," || groupSpace.contains($0) })
        else { return nil }
        // Spaces and apostrophes: every group after the first must have three digits (up to a separator).
        if body.contains(where: { groupSpace.contains($0) }) {
            let parts = String(body).split(omittingEmptySubsequences: false) { groupSpace.contains($0) }
            for (index, part) in parts.enumerated() {
                guard !part.isEmpty else { return nil }
                if index == 0 {
                    guard part.allSatisfy(\.isNumber), part.count <= 3 else { return nil }
                } else {
                    let lead = part.prefix { $0.isNumber }
                    guard lead.count == 3 else { return nil }
                    if index < parts.count - 1, lead.count != part.count { return nil }
                }
            }
            body = body.filter { !groupSpace.contains($0) }
        }
        let dots = body.filter { $0 == "." }.count
        let commas = body.filter { $0 == "," }.count
        var decimal: Character?
        var grouping: Character?
        if dots > 0, commas > 0 {
            decimal = body.lastIndex(of: ".")! > body.lastIndex(of: ",")! ? "." : ","
            grouping = decimal == "." ? "," : "."
            guard body.filter({ $0 == decimal }).count == 1 else { return nil }
        } else if dots + commas > 1 {
            grouping = dots > 0 ? "." : ","
        } else if dots + commas == 1 {
            let separator: Character = dots == 1 ? "." : ","
            let position = body.firstIndex(of: separator)!
            let lead = body[..<position]
            let tail = body[(position + 1)...]
            if tail.count == 3, (1...3).contains(lead.count), lead.first != "0" {
                grouping = separator
            } else {
                decimal = separator
            }
        }
        var integerPart = body
        var fraction: [Character] = []
        if let decimal, let position = body.lastIndex(of: decimal) {
            integerPart = Array(body[..<position])
            fraction = Array(body[(position + 1)...])
            guard !fraction.isEmpty || !integerPart.isEmpty, fraction.allSatisfy(\.isNumber) else { return nil }
        }
        if let grouping {
            let groups = String(integerPart).split(separator: grouping, omittingEmptySubsequences: false)
            guard groups.count > 1, let lead = groups.first, (1...3).contains(lead.count),
                groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            integerPart = integerPart.filter { $0 != grouping }
        }
        guard integerPart.allSatisfy(\.isNumber), !(integerPart.isEmpty && fraction.isEmpty) else { return nil }
        var whole = String(integerPart.drop { $0 == "0" })
        if whole.isEmpty { whole = "0" }
        return fraction.isEmpty ? whole : whole + "." + String(fraction)
    }

    /// Whether `word` may be one of the words of a text that ``number(_:)`` reads: every character is an ASCII
    /// digit, a separator, sign, bracket or percent sign, white space, or one of the characters of a currency
    /// symbol or code that ``number(_:)`` strips (compared upper-cased, as it compares them).
    ///
    /// A necessary condition only, checked once per word: an index that reads every run of up to three words
    /// skips the runs holding a word that fails it (`Sensor`, `Item`) without parsing them, with the same result.
    public static func mayBeInNumber(_ word: String) -> Bool {
        word.allSatisfy { character in
            if (character.isASCII && character.isNumber) || character.isWhitespace
                || numberPunctuation.contains(character) {
                return true
            }
            return String(character).uppercased().allSatisfy { currencyCharacters.contains($0) }
        }
    }

    private static let numberPunctuation: Set<Character> = [".", ",", "(", ")", "%", "+", "-", "−", "'", "’"]
    private static let currencyCharacters = Set(currencyPrefixes.joined())

    // MARK: - Dates

    /// `YYYY-MM-DD` for a date written in any of the supported ways, or `nil`.
    ///
    /// The whole text must be the date: weekday names, ordinal suffixes (`14th`, `1er`), a trailing dot
    /// after the day (`7. Mai`) and little words such as `the`, `of`, `day`, `le`, `den` are allowed; anything
    /// else makes the result `nil`. An ISO date-time keeps its date. Two-digit years are 2000–2069 or 1970–1999.
    public func date(_ raw: String) -> String? {
        let text = collapse(raw).lowercased()
        guard !text.isEmpty, text.count <= 48 else { return nil }
        if let iso = isoDate(text) { return iso }
        if let numeric = numericDate(text) { return numeric }
        return wordDate(text)
    }

    /// Whether `word` may be one of the words of a text that ``date(_:)`` reads: lower-cased, either every
    /// character is a digit, white space or one of `-/.:+zt` (ISO and numeric dates, ISO date-times), or every
    /// run of its letters and digits is a month name, a day or year number (with an ordinal suffix), a weekday
    /// or a filler word such as `of` (dates written with words).
    ///
    /// A necessary condition only, checked once per word: an index that reads every run of up to five words
    /// twice skips the runs holding a word that fails it without parsing them, with the same result (parsing
    /// them was most of synthesis's time on a 200-page document).
    public static func mayBeInDate(_ word: String) -> Bool {
        let text = word.lowercased()
        if text.allSatisfy({ $0.isNumber || $0.isWhitespace || "-/.:+zt".contains($0) }) { return true }
        var token = ""
        func allowed(_ token: String) -> Bool {
            token.isEmpty || monthNumbers[token] != nil
                || monthNumbers[token.folding(options: .diacriticInsensitive, locale: nil)] != nil
                || leadingNumber(token) != nil || dateFillerWords.contains(token) || weekdayWords.contains(token)
        }
        for character in text {
            if character.isLetter || character.isNumber {
                token.append(character)
            } else {
                guard allowed(token) else { return false }
                token = ""
            }
        }
        return allowed(token)
    }

    /// `2024-03-14`, `2024/03/14`, `2024.03.14`, or an ISO date-time.
    private func isoDate(_ text: String) -> String? {
        var body = Substring(text)
        if let tIndex = body.firstIndex(where: { $0 == "t" || $0 == " " }),
            body.distance(from: body.startIndex, to: tIndex) == 10 {
            let rest = body[body.index(after: tIndex)...]
            guard rest.first?.isNumber == true, rest.allSatisfy({ $0.isNumber || ":.+-z".contains($0) }) else {
                return nil
            }
            body = body[..<tIndex]
        }
        let parts = body.split(omittingEmptySubsequences: false, whereSeparator: { "-/.".contains($0) })
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
            parts[1].count <= 2, parts[2].count <= 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return Self.format(year: year, month: month, day: day)
    }

    /// `14.03.2024`, `14/03/2024`, `14-3-24`, `03/14/2024`.
    private func numericDate(_ text: String) -> String? {
        let parts = text.split(omittingEmptySubsequences: true, whereSeparator: { "-/. ".contains($0) })
        let separators = text.filter { "-/.".contains($0) }
        guard parts.count == 3, separators.count >= 2,
            parts.allSatisfy({ $0.allSatisfy(\.isNumber) && (1...4).contains($0.count) }) else { return nil }
        guard parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 2 || parts[2].count == 4,
            let first = Int(parts[0]), let second = Int(parts[1]), let rawYear = Int(parts[2]) else { return nil }
        let year = Self.expandYear(rawYear, digits: parts[2].count)
        if first > 12, second <= 12 { return Self.format(year: year, month: second, day: first) }
        if second > 12, first <= 12 { return Self.format(year: year, month: first, day: second) }
        return dateOrder == .dayFirst
            ? Self.format(year: year, month: second, day: first)
            : Self.format(year: year, month: first, day: second)
    }

    /// `14 March 2024`, `March 14, 2024`, `14-Mar-2024`, `7. Mai 2014`, `Thursday, 14 March 2024`.
    private func wordDate(_ text: String) -> String? {
        // A dash standing alone separates a range (`July 1 - July 31, 2014`): its halves are no date together.
        if text.split(separator: " ").contains(where: { ["-", "–", "—"].contains($0) }) {
            return nil
        }
        var tokens: [Substring] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else {
                if !current.isEmpty { tokens.append(Substring(current)) }
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(Substring(current)) }
        var month: Int?
        var numbers: [(value: Int, digits: Int)] = []
        for token in tokens {
            let word = String(token)
            if let value = Self.monthNumbers[word] ?? Self.monthNumbers[word.folding(options: .diacriticInsensitive,
                                                                                       locale: nil)] {
                guard month == nil else { return nil }
                month = value
            } else if let number = Self.leadingNumber(word) {
                numbers.append(number)
            } else if Self.dateFillerWords.contains(word) || Self.weekdayWords.contains(word) {
                continue
            } else {
                return nil
            }
        }
        guard let month, numbers.count == 2 else { return nil }
        let dayIndex: Int
        if numbers[0].digits == 4, numbers[1].digits <= 2 {
            dayIndex = 1
        } else if numbers[0].digits <= 2, numbers[1].digits == 4 || numbers[1].digits == 2 {
            dayIndex = 0
        } else {
            return nil
        }
        let day = numbers[dayIndex].value
        let yearToken = numbers[1 - dayIndex]
        guard yearToken.digits == 4 || yearToken.digits == 2 else { return nil }
        let year = Self.expandYear(yearToken.value, digits: yearToken.digits)
        return Self.format(year: year, month: month, day: day)
    }

    /// A number with an optional ordinal suffix (`14th`, `1st`, `1er`, `2e`, `3rd`), with its digit count.
    private static func leadingNumber(_ word: String) -> (value: Int, digits: Int)? {
        let digits = word.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4, let value = Int(digits) else { return nil }
        let suffix = word.dropFirst(digits.count)
        guard suffix.isEmpty || ["st", "nd", "rd", "th", "er", "e", "ème", "eme", "de", "ste", "te"]
            .contains(String(suffix)) else { return nil }
        return (value, suffix.isEmpty ? digits.count : min(digits.count, 2))
    }

    private static func expandYear(_ year: Int, digits: Int) -> Int {
        guard digits == 2 else { return year }
        return year < 70 ? 2000 + year : 1900 + year
    }

    /// Validated `YYYY-MM-DD`.
    static func format(year: Int, month: Int, day: Int) -> String? {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// A simple address check: one `@`, a non-empty local part, a dotted domain, no spaces.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(" ") else { return false }
        let domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty } && (labels.last?.count ?? 0) >= 2
    }

    // MARK: - Vocabulary

    /// Types tried in this order when a field allows several.
    static let typePreference = ["boolean", "integer", "number", "string"]

    static let nullWords: Set<String> = [
        "null", "none", "n/a", "na", "-", "—", "–", "nil", "not printed", "unknown",
    ]
    static let trueWords: Set<String> = [
        "true", "yes", "y", "ja", "j", "oui", "si", "1", "x", "✓", "✔", "☑", "on",
    ]
    static let falseWords: Set<String> = ["false", "no", "n", "nein", "nee", "non", "0", "off", "☐", "✗"]

    /// Little words a date may hold (`the 22nd day of April, 2013`, `le 3 mai`).
    static let dateFillerWords: Set<String> = [
        "the", "of", "on", "day", "le", "du", "den", "der", "de", "van", "am", "el",
    ]
    static let weekdayWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "mo", "di", "mi", "do", "fr", "sa", "so",
    ]

    /// Month names and abbreviations (EN, NL, FR, DE), lower-cased; accents are also accepted folded.
    static let monthNumbers: [String: Int] = {
        let names: [[String]] = [
            ["january", "jan", "januari", "janvier", "janv", "januar", "jänner", "jän"],
            ["february", "feb", "febr", "februari", "février", "fevrier", "févr", "fevr", "fév", "fev", "februar"],
            ["march", "mar", "maart", "mrt", "mars", "märz", "maerz", "mär", "marz"],
            ["april", "apr", "avril", "avr"],
            ["may", "mei", "mai"],
            ["june", "jun", "juni", "juin"],
            ["july", "jul", "juli", "juillet", "juil"],
            ["august", "aug", "augustus", "août", "aout", "aoû"],
            ["september", "sep", "sept", "septembre"],
            ["october", "oct", "okt", "oktober", "octobre"],
            ["november", "nov", "novembre"],
            ["december", "dec", "dez", "dezember", "décembre", "decembre", "déc"],
        ]
        var table: [String: Int] = [:]
        for (index, group) in names.enumerated() {
            for name in group {
                table[name] = index + 1
                table[name.folding(options: .diacriticInsensitive, locale: nil)] = index + 1
            }
        }
        return table
    }()

    /// Currency symbols → ISO 4217 codes (`$` is read as USD).
    static let currencySymbols: [String: String] = [
        "€": "EUR", "$": "USD", "US$": "USD", "£": "GBP", "¥": "JPY", "CHF": "CHF", "Fr.": "CHF", "zł": "PLN",
        "Kč": "CZK", "C$": "CAD", "A$": "AUD", "kr": "SEK",
    ]

    /// Symbols and codes stripped around numbers (upper-cased for comparison).
    static let currencyPrefixes: [String] = [
        "US$", "C$", "A$", "€", "$", "£", "¥", "EUR", "USD", "GBP", "CHF", "SEK", "DKK", "NOK", "PLN", "CZK", "JPY",
        "CAD", "AUD", "MYR", "RM", "ZŁ", "KČ", "FR.",
    ]
}
