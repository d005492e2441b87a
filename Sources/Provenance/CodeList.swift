import Foundation
import JSONCore

/// A standard code list whose codes documents print in another form: a currency symbol or name for its
/// ISO 4217 code, a country name for its ISO 3166-1 code, `Stk` or `hours` for a UN/ECE Recommendation 20
/// unit code, `Rechnung` or `Avoir` for a UNTDID 1001 document type, `exempt` for a UNCL 5305 VAT category.
///
/// Each list maps a code to the forms it is printed in (``printedForms(of:)``) and a printed form back to a
/// code (``code(forPrinted:)``); ``list(for:)`` tells from a schema field (an `x-code-list` hint, its `enum`,
/// name or description) which list its values come from, and ``wantsCode(_:)`` whether the field asks for
/// the code rather than the printed text. The tables are compact (the codes invoices use, names in English,
/// German, French, Dutch, Spanish and Italian), not the full standards; see `CodeList+Tables.swift`.
///
/// Printed forms are compared as whole tokens (``formKey(_:)``: NFKC, lower-cased, edge punctuation and a
/// plural marker such as `(s)` or `(e)` dropped), never inside a word; ``EvidenceIndex`` adds where each
/// form may stand (``Placement``) so that a short unit such as `m` counts only next to a quantity.
public enum CodeList: String, Sendable, Hashable, CaseIterable, Codable {
    /// ISO 4217 currency codes (`EUR`, `USD`); printed as symbols (`€`, `$`) or names (`Euro`, `US-Dollar`).
    case currency
    /// ISO 3166-1 alpha-2 country codes (`DE`, `NL`); printed as names (`Deutschland`, `Pays-Bas`).
    case country
    /// UN/ECE Recommendation 20 unit codes (`H87`, `HUR`, `KGM`), with the Recommendation 21 package codes
    /// EN 16931 allows (`XPP`); printed as unit words and symbols (`Stk`, `Std`, `kg`).
    case unit
    /// UNTDID 1001 document name codes (`380` commercial invoice, `381` credit note); printed as the
    /// document's title (`Rechnung`, `Facture`, `Avoir`).
    case documentType
    /// UNCL 5305 duty or tax category codes as EN 16931 uses them (`S`, `Z`, `E`, `AE`, `K`, `G`, `O`, `L`,
    /// `M`); printed as words (`exempt`, `reverse charge`, `innergemeinschaftliche Lieferung`).
    case vatCategory

    /// Where a printed form must stand to count as the code.
    public enum Placement: Sendable, Hashable {
        /// Anywhere, as a whole token (or run of tokens).
        case anywhere
        /// Next to a number on the same line (a unit after its quantity, a currency symbol by its amount), or
        /// attached to one (`20kg`, `$4.11`, `4,55€`).
        case nextToNumber
        /// At the start of a line (a document title: `Facture FA-2017-0010`, `Gutschrift Nr. 12`).
        case lineStart
    }

    /// Where a printed form of this list must stand: unit forms beside a quantity; currency symbols and
    /// forms of one or two characters beside an amount; document titles at the start of a line; country
    /// names and VAT category words anywhere (country forms of one or two characters beside a number).
    public func placement(ofForm form: String) -> Placement {
        switch self {
        case .unit: return .nextToNumber
        case .documentType: return .lineStart
        case .currency, .country:
            let isShort = form.count <= 2 || !form.contains(where: \.isLetter)
            return isShort ? .nextToNumber : .anywhere
        case .vatCategory: return .anywhere
        }
    }

    // MARK: - Codes

    /// The code in its standard spelling (`usd` → `USD`, `c62` → `C62`) when `value` is a code of this list,
    /// else `nil`.
    public func canonicalCode(_ value: String) -> String? {
        let code = value.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        return Self.tables[self]?.forms[code] != nil ? code : nil
    }

    /// The printed forms of `code` (form keys, see ``formKey(_:)``), most specific first; empty when the list
    /// does not know the code. The code itself is not among them.
    public func printedForms(of code: String) -> [String] {
        guard let canonical = canonicalCode(code) else { return [] }
        return Self.tables[self]?.forms[canonical] ?? []
    }

    /// Forms of other codes that make a form of `code` ambiguous when printed in the same document: a bare
    /// `$` or `dollar` stands for USD only when no more specific dollar (`CA$`, `AU$`, `NZ$` …) is printed.
    public func overridingForms(of code: String) -> [String] {
        guard self == .currency, canonicalCode(code) == "USD" else { return [] }
        return Self.specificDollars
    }

    /// The forms of `code` that other forms in ``overridingForms(of:)`` can override (`$`, `dollar`).
    func isGeneric(_ form: String) -> Bool {
        self == .currency && Self.genericDollarForms.contains(form)
    }

    /// The code a printed form stands for (`Stück` → `H87`, `€` → `EUR`, `Niederlande` → `NL`, `Avoir` →
    /// `381`), or the code itself when `text` is one; `nil` when the list does not know it. A bare `$` reads
    /// as `USD` (the most common dollar; a document printing `CA$` is read by that form instead).
    public func code(forPrinted text: String) -> String? {
        if let code = canonicalCode(text) { return code }
        let key = Self.formKey(text)
        guard !key.isEmpty else { return nil }
        return Self.tables[self]?.codes[key]
    }

    // MARK: - Fields

    /// The list a field's values come from, or `nil` for a field that holds no code.
    ///
    /// Decided by, in order: an `x-code-list` (or `x-codelist`) annotation naming the list or its standard
    /// (`ISO 4217`, `ISO 3166-1`, `UN/ECE Rec 20`, `UNTDID 1001`, `UNCL 5305`); an `enum` whose values are
    /// mostly codes of one list; the standard named in the description; the field's name (`currency`,
    /// `country`, `country_code`, `unit` / `uom` / `unit_code` on a string, `type_code` / `document_type`,
    /// a tax or VAT `category`).
    public static func list(for field: SchemaField) -> CodeList? {
        for key in ["x-code-list", "x-codelist"] {
            if let hint = field.schema[key]?.stringValue, let list = named(hint) { return list }
        }
        guard field.allowsString || field.enumValues != nil else { return nil }
        if let options = field.enumValues?.compactMap(\.stringValue), !options.isEmpty {
            for list in [CodeList.currency, .country, .unit] {
                let known = options.filter { list.canonicalCode($0) == $0 }.count
                if known * 2 > options.count { return list }
            }
        }
        if let described = named((field.description ?? "") + " " + (field.title ?? "")) { return described }
        guard !field.wantsNumber else { return nil }
        let own = FieldConcept.nameTokens(field.name)
        let context = Set((field.parents.suffix(1) + [field.name]).flatMap(FieldConcept.nameTokens))
        if own.contains("currency") || own.contains("währung") || own.contains("waehrung") { return .currency }
        if own.contains("country") || own.contains("land") { return .country }
        if own.last == "uom" || own == ["unit"] || own == ["unit", "code"] || own == ["unit", "of", "measure"]
            || own == ["quantity", "unit"] || own == ["qty", "unit"] {
            return .unit
        }
        if own == ["type", "code"] || own == ["document", "type"] || own == ["invoice", "type"]
            || own == ["document", "type", "code"] || own == ["invoice", "type", "code"] {
            return .documentType
        }
        if own.contains("category"), !context.isDisjoint(with: ["tax", "vat", "btw", "tva", "mwst", "ust"]) {
            return .vatCategory
        }
        return nil
    }

    /// Whether `field` asks for the code itself, so that a printed form (`€`, `Stück`) should become the code:
    /// an `x-code-list` hint, an `enum` of codes, a `pattern` or `maxLength` of at most three characters that
    /// the code fits, or a description that calls the value a code or names its standard. A tax or VAT
    /// `category` always does (EN 16931 knows the category only as its code).
    public static func wantsCode(_ field: SchemaField) -> Bool {
        guard let list = list(for: field) else { return false }
        if field.schema["x-code-list"] != nil || field.schema["x-codelist"] != nil || list == .vatCategory {
            return true
        }
        if let options = field.enumValues?.compactMap(\.stringValue), !options.isEmpty {
            return options.contains { list.canonicalCode($0) == $0 }
        }
        if let maxLength = field.schema["maxLength"]?.intValue, maxLength <= 3 { return true }
        if let pattern = field.pattern, let sample = list.sampleCode,
            let regex = try? NSRegularExpression(pattern: pattern),
            regex.firstMatch(in: sample, range: NSRange(sample.startIndex..., in: sample)) != nil {
            return true
        }
        let text = ((field.description ?? "") + " " + (field.title ?? "")).lowercased()
        if named(text) != nil { return true }
        let words = Set(FieldConcept.nameTokens(text) + FieldConcept.nameTokens(field.name))
        return words.contains("code") || words.contains("iso")
    }

    /// A typical code, to test a field's `pattern` against.
    var sampleCode: String? {
        switch self {
        case .currency: "EUR"
        case .country: "DE"
        case .unit: "C62"
        case .documentType: "380"
        case .vatCategory: "S"
        }
    }

    /// The list a hint or description names by its standard or its own name, if any.
    static func named(_ text: String) -> CodeList? {
        let folded = text.lowercased().replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        guard !folded.isEmpty else { return nil }
        if folded.contains("4217") || folded == "currency" { return .currency }
        if folded.contains("3166") || folded == "country" { return .country }
        if folded.contains("rec20") || folded.contains("recommendation20") || folded.contains("rec.20")
            || folded.contains("unece20") || folded == "unit" {
            return .unit
        }
        // Bare numbers are too common in descriptions: 1001 and 5305 count with the directory's name.
        if ["untdid1001", "uncl1001", "edifact1001"].contains(where: folded.contains) || folded == "documenttype" {
            return .documentType
        }
        if ["uncl5305", "untdid5305", "edifact5305"].contains(where: folded.contains) || folded == "vatcategory" {
            return .vatCategory
        }
        return nil
    }

    // MARK: - Forms

    /// The comparison key of a printed form or word: NFKC (`m²` → `m2`), lower-cased, without edge
    /// punctuation (`Stk.` → `stk`, `(Euro)` → `euro`) and without a trailing plural marker (`Unit(s)` →
    /// `unit`, `Tag(e)` → `tag`). Symbols (`€`, `$`) are kept.
    public static func formKey(_ text: String) -> String {
        // NFKC is the costly part and changes no ASCII text.
        var key = text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased()
            : text.precomposedStringWithCompatibilityMapping.lowercased()
        for marker in ["(s)", "(e)", "(n)", "(en)", "(es)", "(x)"] where key.count > marker.count + 1 {
            if key.hasSuffix(marker) { key.removeLast(marker.count) }
        }
        return key.trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespaces))
    }
}
