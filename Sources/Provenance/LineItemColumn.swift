import Foundation

/// A kind of column of an item table (position, description, quantity, unit, prices, tax rate, item numbers):
/// which row fields mean it, by their names and descriptions, and which printed header labels introduce it. The
/// label table is multilingual (EN, DE, FR, NL), in the manner of ``FieldConcept``.
enum LineItemColumn: String, Sendable, Hashable, CaseIterable {
    case lineID, name, quantity, unit, unitPrice, lineAmount, taxRate, sellerItemID, globalItemID

    /// Whether the column holds numbers (read by ``ValueNormalizer/number(_:)``).
    var isNumeric: Bool {
        switch self {
        case .quantity, .unitPrice, .lineAmount, .taxRate: true
        default: false
        }
    }

    /// Printed header labels, lower-case (matching folds accents and punctuation), with a weight: a label that
    /// may head other columns too (`Artikel`, `Prix HT`, `No`) weighs less.
    var labels: [(String, Double)] {
        switch self {
        case .lineID:
            return [("pos", 1), ("position", 1), ("pos nr", 1), ("lfd nr", 1), ("line", 0.8), ("ligne", 0.8),
                    ("regel", 0.6), ("nr", 0.5), ("no", 0.5), ("n", 0.4), ("#", 0.8), ("item", 0.3)]
        case .name:
            return [("beschreibung", 1), ("bezeichnung", 1), ("artikelbezeichnung", 1.2), ("leistung", 0.8),
                    ("artikel", 0.5), ("description", 1), ("désignation", 1), ("designation", 1), ("libellé", 1),
                    ("omschrijving", 1), ("product", 0.8), ("produit", 0.8), ("article", 0.5), ("item", 0.6),
                    ("service", 0.6), ("text", 0.4), ("name", 0.8), ("produkt", 0.8)]
        case .quantity:
            return [("menge", 1), ("anzahl", 1), ("anz", 0.8), ("qty", 1), ("quantity", 1), ("quantité", 1),
                    ("qté", 1), ("qte", 1), ("aantal", 1), ("hoeveelheid", 1), ("stück", 0.6), ("units", 0.5)]
        case .unit:
            return [("einheit", 1), ("me", 0.6), ("unit", 0.7), ("uom", 1), ("unité", 0.8), ("eenheid", 1)]
        case .unitPrice:
            return [("einzelpreis", 1.2), ("nettopreis", 1.1), ("stückpreis", 1.2), ("preis", 0.8),
                    ("ep", 0.6), ("unit price", 1.2), ("price", 0.8), ("rate", 0.5), ("prix unitaire", 1.2),
                    ("pu", 0.6), ("p u", 0.6), ("prix", 0.7), ("prix ht", 0.5), ("prijs", 0.9),
                    ("eenheidsprijs", 1.2), ("stuksprijs", 1.2)]
        case .lineAmount:
            return [("betrag", 1), ("nettobetrag", 1.1), ("gesamt", 0.9), ("gesamtpreis", 1.1), ("summe", 0.7),
                    ("zeilenbetrag", 1.1), ("positionsbetrag", 1.1), ("amount", 1), ("total", 0.8),
                    ("line total", 1.1), ("montant", 1), ("montant ht", 1.1), ("total ht", 1), ("prix ht", 0.8),
                    ("bedrag", 1), ("totaal", 0.9), ("subtotal", 0.8), ("nettowert", 1.1), ("gesamtwert", 1),
                    ("wert", 0.6)]
        case .taxRate:
            return [("mwst", 1), ("ust", 1), ("steuersatz", 1.1), ("mwst satz", 1.1), ("ust satz", 1.1),
                    ("steuer", 0.6), ("vat", 1), ("vat %", 1.1), ("tax", 0.8), ("tax rate", 1.1), ("tva", 1),
                    ("taux tva", 1.1), ("btw", 1), ("btw %", 1.1), ("mwst %", 1.1), ("ust %", 1.1), ("tva %", 1.1)]
        case .sellerItemID:
            return [("art nr", 1), ("artikelnummer", 1.1), ("artikelnr", 1.1), ("artikel nr", 1.1),
                    ("art nr lief", 1.2), ("artikel", 0.4), ("sku", 1), ("item no", 1), ("item number", 1),
                    ("item code", 1), ("product code", 1), ("code", 0.7), ("réf", 0.8), ("ref", 0.8),
                    ("référence", 0.8), ("reference", 0.6), ("part no", 1), ("artikelcode", 1.1),
                    ("art nr lieferant", 1.2)]
        case .globalItemID:
            return [("gtin", 1.2), ("ean", 1.2), ("ean code", 1.2), ("barcode", 1)]
        }
    }

    /// Label tails of German compounds (`Zeilenbetrag`, `VK-Preis`, `Liefermenge`): a header word ending in one
    /// of them names that column, a little less surely than a whole label.
    static let compoundTails: [(String, LineItemColumn)] = [
        ("betrag", .lineAmount), ("preis", .unitPrice), ("menge", .quantity), ("bezeichnung", .name),
        ("steuersatz", .taxRate),
    ]

    /// Header labels of a totals line, which ends an item table.
    static let totalsLabels: [String] = [
        "gesamtbetrag", "gesamtsumme", "summe", "zwischensumme", "positionssumme", "rechnungsbetrag", "endbetrag",
        "nettosumme", "total", "subtotal", "sub total", "grand total", "total ht", "total ttc", "sous total",
        "montant total", "totaal", "subtotaal", "amount due", "balance due", "übertrag", "ubertrag", "carried forward",
    ]

    /// The column a row field asks for, from its name (with the description and title as a fallback); nil for a
    /// field no column of an item table holds (a buyer's item number, a line note …).
    static func of(_ field: SchemaField) -> LineItemColumn? {
        if let column = of(tokens: FieldConcept.nameTokens(field.name)) { return column }
        let text = (field.description ?? "") + " " + (field.title ?? "")
        return of(tokens: FieldConcept.nameTokens(text))
    }

    static func of(tokens list: [String]) -> LineItemColumn? {
        let tokens = Set(list)
        guard !tokens.isEmpty else { return nil }
        func any(_ words: Set<String>) -> Bool { !tokens.isDisjoint(with: words) }
        if any(["buyer", "customer", "client", "note", "notes", "discount", "allowance", "charge"]) { return nil }
        if any(["global", "gtin", "ean", "barcode", "upc"]) { return .globalItemID }
        if any(["pos", "position"]) || (tokens.contains("line") && any(["id", "no", "nr", "number", "num"]))
            || list == ["line"] || list == ["lineno"] {
            return .lineID
        }
        if any(["amount", "total", "subtotal", "sum", "betrag"]) { return .lineAmount }
        if any(["taxpercent", "vat", "btw", "tva", "mwst", "ust"]) || tokens.contains("tax") { return .taxRate }
        if any(["price", "preis", "prix", "prijs"]) || list == ["rate"] { return .unitPrice }
        if any(["quantity", "qty", "menge", "count", "quantite", "aantal"]) { return .quantity }
        if any(["unit", "uom"]) { return .unit }
        if any(["sku", "code", "article", "art", "part", "ref", "reference"])
            || (any(["item", "product"]) && any(["id", "no", "nr", "number", "num"])) {
            return .sellerItemID
        }
        if any(["name", "desc", "description", "product", "title", "designation", "label", "text", "item",
                "bezeichnung", "service"]) {
            return .name
        }
        return nil
    }
}
