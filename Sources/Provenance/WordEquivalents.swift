/// Words that a value and the document may write two ways with the same meaning: a legal form spelt out or
/// abbreviated (`Wynn Resorts Ltd.` ↔ `Wynn Resorts, Limited`, `Inc.` ↔ `Incorporated`) and a small count in
/// digits or in words (`2 years` ↔ `two years`).
///
/// Used by ``EvidenceLocator`` at its normalized level, after exact matching failed: each of a value's word
/// keys may be replaced by an equivalent, and the variants are looked up word for word.
enum WordEquivalents {
    /// At most this many variants of one value are looked up (each is one exact lookup).
    static let maximumVariants = 16

    /// The key sequences `keys` may be printed as, other than `keys` itself; empty when no key has an
    /// equivalent. A value of one word has none: `Inc` alone, or `2`, is no phrase to find this way (a lone
    /// number is matched as a number).
    static func variants(of keys: [String]) -> [[String]] {
        guard keys.count >= 2, keys.contains(where: { !isCount($0) }) else { return [] }
        var variants: [[String]] = [[]]
        for key in keys {
            let choices = [key] + (table[key] ?? [])
            var next: [[String]] = []
            for variant in variants {
                for choice in choices where next.count < maximumVariants {
                    next.append(variant + [choice])
                }
            }
            variants = next
        }
        return variants.filter { $0 != keys }
    }

    /// Whether `key` is a count in digits or in words (a value made of counts only is a number, not a phrase).
    static func isCount(_ key: String) -> Bool {
        key.allSatisfy(\.isNumber) || numberWords.contains(key)
    }

    /// Legal forms, abbreviated and spelt out (English).
    static let legalForms: [(String, String)] = [
        ("inc", "incorporated"), ("ltd", "limited"), ("corp", "corporation"), ("co", "company"),
    ]

    /// `one` … `twenty`, by value.
    static let numberWords = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ]

    /// Key → its equivalents, both ways.
    static let table: [String: [String]] = {
        var table: [String: [String]] = [:]
        for (short, long) in legalForms {
            table[short, default: []].append(long)
            table[long, default: []].append(short)
        }
        for (value, word) in numberWords.enumerated() {
            table[String(value), default: []].append(word)
            table[word, default: []].append(String(value))
        }
        return table
    }()
}
