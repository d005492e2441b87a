import Foundation

/// A kind of business field (invoice number, due date, total …): which field names mean it, which printed
/// labels introduce it, and what shape its value has. The table is multilingual (EN, DE, NL, FR).
struct FieldConcept: Sendable, Hashable {
    /// The shape of a value to read next to a label.
    enum ValueKind: String, Sendable, Hashable {
        case date, time, amount, percent, identifier, vatID, iban, bic, phone, email, url, currency, text, person,
            company, address, enumeration, boolean, integer
    }

    /// Which schema types the concept applies to.
    enum Applies: Sendable, Hashable {
        case any, numbers, strings
    }

    var id: String
    /// Sets of name tokens; the concept applies when all tokens of one set occur in the field's name tokens.
    var triggers: [[String]]
    /// Printed labels, lower-case (accents allowed; matching folds them).
    var labels: [String]
    var kind: ValueKind
    var applies: Applies = .any
    /// Weight of a trigger match (generic concepts weigh less than specific ones).
    var weight: Double = 1
    /// For company / address concepts: whether they describe the buyer.
    var isBuyer: Bool = false
    /// How many rows below its label the value sits (2 for a signatory's title under the name).
    var rowsDown: Int = 1
    /// Whether the value is a reference of the document that a party gives (the buyer's reference), printed
    /// among the document's references rather than in that party's block, so that the party blocks do not
    /// decide whose it is.
    var isDocumentReference: Bool = false

    /// Tokens of a field name or description: split at `_`, `-`, spaces, punctuation and camel case.
    static func nameTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var previousLower = false
        for character in text {
            if character.isLetter || character.isNumber {
                if character.isUppercase, previousLower, !current.isEmpty {
                    tokens.append(current.lowercased())
                    current = ""
                }
                current.append(character)
                previousLower = character.isLowercase || character.isNumber
            } else {
                if !current.isEmpty { tokens.append(current.lowercased()) }
                current = ""
                previousLower = false
            }
        }
        if !current.isEmpty { tokens.append(current.lowercased()) }
        return tokens
    }

    /// Which party a field describes, from its name and parents.
    enum Role: Sendable, Hashable {
        case buyer, seller, unspecified
    }

    static func role(of field: SchemaField) -> Role {
        let tokens = Set((field.parents + [field.name]).flatMap(nameTokens))
        if !tokens.isDisjoint(with: ["buyer", "customer", "client", "recipient", "consignee", "bill", "billing"]) {
            return .buyer
        }
        if !tokens.isDisjoint(with: ["seller", "issuer", "vendor", "supplier", "sender", "merchant", "partner"]) {
            return .seller
        }
        return .unspecified
    }

    /// Whether the field name says it holds an identifier (`…_number`, `…_id`, `code`, `ref` …).
    static func namesIdentifier(_ field: SchemaField) -> Bool {
        guard let last = nameTokens(field.name).last else { return false }
        return ["number", "no", "nr", "id", "code", "ref", "reference", "num"].contains(last)
    }

    /// Names that say nothing by themselves, so that the parent decides: `seller.name` is the seller's name.
    static let genericNames: Set<String> = ["name", "value", "text", "label", "full", "legal"]

    /// Whether a trigger matched in the field's name and its parent's concerns the field itself: it must hold a
    /// token of the field's own name, unless that name is generic. `seller.street` is not the seller's name
    /// and `seller.tax_number` not an invoice number, though `seller` and `number` trigger those concepts.
    static func triggerConcernsName(_ trigger: [String], nameTokens: Set<String>) -> Bool {
        !nameTokens.isDisjoint(with: trigger) || nameTokens.isSubset(of: genericNames)
    }

    /// The best concept for a field, by its name (with parents) first, then its description and title.
    static func concept(for field: SchemaField) -> FieldConcept? {
        match(for: field)?.concept
    }

    /// The best concept and whether the field's name (not only its description) chose it.
    static func match(for field: SchemaField) -> (concept: FieldConcept, byName: Bool)? {
        // A field typed `["string", "number"]` (a receipt total printed as `RM 9.00`) may mean either kind.
        let allowsNumber = field.allowsNumber
        let allowsString = !field.wantsNumber && field.allowsString
        let nameTokens = Set(Self.nameTokens(field.name))
        let ownTokens = Set((field.parents.suffix(1) + [field.name]).flatMap(Self.nameTokens))
        let textTokens = Set(Self.nameTokens(field.description ?? "") + Self.nameTokens(field.title ?? ""))
        var best: (FieldConcept, Double)?
        for concept in table {
            switch concept.applies {
            case .numbers where !allowsNumber, .strings where !allowsString: continue
            default: break
            }
            // A field whose name says it holds an identifier (`buyer_reference`, `recipient_id`) is no name or
            // address, though its party's name (`buyer`) triggers the party's name concept.
            if [.company, .person, .address].contains(concept.kind), namesIdentifier(field) { continue }
            for trigger in concept.triggers {
                var score = 0.0
                if trigger.allSatisfy(ownTokens.contains), Self.triggerConcernsName(trigger, nameTokens: nameTokens) {
                    score = Double(trigger.count) * concept.weight * 10
                } else if trigger.allSatisfy(textTokens.contains) {
                    score = Double(trigger.count) * concept.weight
                }
                if score > (best?.1 ?? 0) { best = (concept, score) }
            }
        }
        return best.map { ($0.0, $0.1 >= 10) }
    }

    static let table: [FieldConcept] = [
        FieldConcept(
            id: "invoice_number",
            triggers: [["invoice", "number"], ["invoice", "no"], ["invoice", "id"], ["invoice", "nr"],
                       ["receipt", "number"], ["document", "number"], ["bill", "number"], ["number"]],
            labels: ["invoice number", "invoice no", "invoice nr", "invoice id", "invoice #", "invoice", "rechnungsnr",
                     "rechnungsnummer", "rechnung nr", "rechnungs nr", "rechnung", "factuurnummer", "factuurnr",
                     "factuur nr", "factuur", "facture n", "facture no", "numéro de facture", "n de facture",
                     "facture", "bill number", "bill no", "receipt no", "receipt number", "document number",
                     "beleg nr", "belegnummer", "belegnr", "document no", "doc no"],
            kind: .identifier, applies: .strings),
        FieldConcept(
            id: "tax_number",
            triggers: [["tax", "number"], ["tax", "no"], ["tax", "nr"], ["fiscal", "number"], ["steuernummer"]],
            labels: ["steuernummer", "steuer nr", "st nr", "stnr", "tax number", "tax no", "tax reference",
                     "numéro fiscal", "n fiscal", "fiscaal nummer", "belastingnummer"],
            kind: .identifier, applies: .strings, weight: 1.2),
        FieldConcept(
            id: "delivery_date",
            triggers: [["delivery", "date"], ["delivery"], ["service", "date"], ["supply", "date"]],
            labels: ["delivery date", "date of delivery", "date of supply", "lieferdatum", "leistungsdatum",
                     "leistungs datum", "liefer datum",
                     "liefer und leistungsdatum", "lieferung", "leistungszeitraum", "date de livraison",
                     "livraison", "leverdatum", "leveringsdatum"],
            kind: .date, applies: .strings, weight: 1.2),
        FieldConcept(
            id: "global_id",
            triggers: [["global", "id"], ["gln"], ["global", "number"]],
            labels: ["globale nummer", "global number", "global id", "gln", "global location number", "iln"],
            kind: .identifier, applies: .strings, weight: 1.2),
        // A party's own number (`seller.id`, `buyer.id`): weak, so that any more specific concept wins.
        FieldConcept(
            id: "party_number",
            triggers: [["id"]],
            labels: ["nummer", "kundennummer", "kunden nr", "lieferantennummer", "lieferanten nr", "supplier number",
                     "supplier no", "vendor number", "vendor no", "customer number", "customer no",
                     "numéro fournisseur", "numéro client", "n client", "n fournisseur", "klantnummer",
                     "leveranciersnummer"],
            kind: .identifier, applies: .strings, weight: 0.5),
        FieldConcept(
            id: "registration_number",
            triggers: [["siren"], ["siret"], ["rcs"], ["kvk"], ["registration", "number"], ["company", "number"],
                       ["company", "registration"], ["commercial", "register"], ["handelsregister"]],
            labels: ["siren", "siret", "rcs", "r c s", "kvk", "kvk nummer", "kvk nr", "handelsregister",
                     "registergericht", "company registration number", "company registration no", "company number",
                     "company no", "registration number", "registration no", "reg no", "chamber of commerce",
                     "registre du commerce", "n siren", "n siret"],
            kind: .identifier, applies: .strings, weight: 1.2),
        // Contracts: the place whose law governs, the parties and the contract's own length, read from their clauses.
        FieldConcept(
            id: "governing_law",
            triggers: [["jurisdiction"], ["governing", "law"], ["governing"], ["applicable", "law"], ["law"]],
            labels: [], kind: .text, applies: .strings),
        FieldConcept(
            id: "contract_party",
            triggers: [["party"], ["parties"], ["contracting", "party"], ["contract", "parties"]],
            labels: [], kind: .text, applies: .strings, weight: 0.8),
        FieldConcept(
            id: "contract_term",
            triggers: [["term"], ["contract", "term"], ["agreement", "term"], ["contract", "length"],
                       ["duration"]],
            labels: [], kind: .text, applies: .strings, weight: 0.8),
        FieldConcept(
            id: "street",
            triggers: [["street"], ["street", "address"], ["address", "line"], ["strasse"]],
            labels: ["anschrift", "street address", "straße und hausnummer", "adresse postale"],
            kind: .text, applies: .strings, weight: 1.2),
        FieldConcept(
            id: "postcode",
            triggers: [["postcode"], ["zip"], ["postal", "code"], ["post", "code"], ["plz"], ["zipcode"]],
            labels: ["postcode", "postal code", "zip", "zip code", "plz", "postleitzahl", "code postal"],
            kind: .identifier, applies: .strings, weight: 1.2),
        FieldConcept(
            id: "city",
            triggers: [["city"], ["town"], ["locality"], ["ort"]],
            labels: ["city", "town", "ort", "stadt", "ville", "plaats", "woonplaats"],
            kind: .text, applies: .strings, weight: 1.2),
        FieldConcept(
            id: "country",
            triggers: [["country"], ["country", "code"]],
            labels: ["country", "land", "pays", "staat"],
            kind: .text, applies: .strings),
        FieldConcept(
            id: "due_date",
            triggers: [["due"], ["deadline"], ["payable"], ["expiry"]],
            labels: ["due date", "date due", "payment due", "payment due date", "due", "due on", "due by",
                     "fällig", "fällig am", "fälligkeit", "fälligkeitsdatum", "zahlbar bis", "zahlungsziel",
                     "vervaldatum", "vervaldag", "uiterste betaaldatum", "date limite de paiement",
                     "date limite", "échéance", "date d'échéance", "date d échéance", "payable by"],
            kind: .date, applies: .strings, weight: 1.2),
        FieldConcept(
            id: "start_date",
            triggers: [["start"], ["from"], ["begin"], ["period", "start"]],
            labels: ["start date", "period from", "billing period", "period", "from", "vom", "du", "période du"],
            kind: .date, applies: .strings, weight: 1.2),
        FieldConcept(
            id: "end_date",
            triggers: [["end"], ["until"], ["period", "end"]],
            labels: ["end date", "period to", "until", "to", "bis", "au", "tot"],
            kind: .date, applies: .strings, weight: 1.2),
        FieldConcept(
            id: "invoice_date",
            triggers: [["date"], ["issued"], ["issue"], ["invoice", "date"]],
            labels: ["invoice date", "date of invoice", "date of issue", "issue date", "issued on", "date issued",
                     "billing date", "receipt date", "document date", "date", "datum", "dated", "rechnungsdatum",
                     "beleg datum",
                     "belegdatum", "factuurdatum", "factuur datum", "date de facture", "date facture",
                     "date d'émission", "du"],
            kind: .date, applies: .strings, weight: 0.6),
        FieldConcept(
            id: "untaxed",
            triggers: [["untaxed"], ["subtotal"], ["sub", "total"], ["net"], ["excl"], ["before", "tax"],
                       ["net", "amount"], ["amount", "untaxed"], ["tax", "basis"], ["taxable"]],
            labels: ["subtotal", "sub total", "sub-total", "net amount", "net total", "total net", "net",
                     "total excl vat", "total excl. vat", "excl. vat", "excl vat", "excluding vat", "total before tax",
                     "amount excl", "zwischensumme", "nettobetrag", "netto", "summe netto", "gesamt netto",
                     "nettosumme", "subtotaal", "totaal excl btw", "excl btw", "excl. btw", "grondslag",
                     "total ht", "montant ht", "montant eur ht", "ht", "total hors taxes", "rechnungssumme ohne ust",
                     "summe ohne ust", "gesamtbetrag ohne ust", "betrag ohne ust", "taxable amount", "tax basis",
                     "total hors taxe", "base ht"],
            kind: .amount, applies: .numbers, weight: 1.1),
        FieldConcept(
            id: "line_total",
            triggers: [["line", "total"], ["lines", "total"], ["line", "amount", "total"]],
            labels: ["summe positionen", "summe der positionen", "positionssumme", "summe nettobeträge",
                     "summe der nettobeträge", "summe aller positionen", "line total", "lines total", "sum of lines",
                     "total lines", "total des lignes", "somme des lignes"],
            kind: .amount, applies: .numbers, weight: 1.3),
        FieldConcept(
            id: "charge_total",
            triggers: [["charge", "total"], ["charges", "total"], ["charges"], ["surcharge"]],
            labels: ["gesamtbetrag der zuschläge", "summe der zuschläge", "summe zuschläge", "zuschläge", "charges",
                     "total charges", "surcharge", "total des frais"],
            kind: .amount, applies: .numbers, weight: 1.3),
        FieldConcept(
            id: "allowance_total",
            triggers: [["allowance", "total"], ["allowances"], ["allowance"], ["discount", "total"]],
            labels: ["gesamtbetrag der abschläge", "summe der abschläge", "summe abschläge", "abschläge",
                     "nachlässe", "total discount", "discounts", "allowances", "total des remises", "remises"],
            kind: .amount, applies: .numbers, weight: 1.3),
        FieldConcept(
            id: "prepaid",
            triggers: [["prepaid"], ["paid", "amount"], ["prepayment"], ["advance", "payment"], ["deposit"]],
            labels: ["erhaltene anzahlungen", "erhaltene anzahlung", "anzahlung", "anzahlungen", "bereits gezahlt",
                     "bereits bezahlt", "geleistete anzahlung", "vorauszahlung", "prepaid", "prepaid amount",
                     "amount paid", "already paid", "deposit", "acompte versé", "déjà payé", "déjà réglé",
                     "reeds betaald", "aanbetaling"],
            kind: .amount, applies: .numbers, weight: 1.3),
        FieldConcept(
            id: "due_payable",
            triggers: [["due", "payable"], ["payable"]],
            labels: ["zahlbetrag", "zu zahlen", "zu zahlender betrag", "fälliger betrag", "amount due", "balance due",
                     "total due", "amount payable", "net à payer", "reste à payer", "montant à payer", "à payer",
                     "somme à payer", "te betalen", "openstaand bedrag"],
            kind: .amount, applies: .numbers, weight: 1.3),
        FieldConcept(
            id: "tax_rate",
            triggers: [["tax", "rate"], ["vat", "rate"], ["rate"], ["percent"], ["taxpercent"], ["tax", "percent"]],
            labels: ["tax rate", "vat rate", "vat %", "btw %", "tva %", "% tva", "mwst-satz", "mwst satz", "vat",
                     "tax", "tva", "btw", "mwst", "ust", "sales tax"],
            kind: .percent, applies: .numbers, weight: 1.1),
        FieldConcept(
            id: "tax",
            triggers: [["tax"], ["vat"], ["btw"], ["tva"], ["mwst"], ["amount", "tax"]],
            labels: ["vat amount", "tax amount", "total tax", "total vat", "vat", "tax", "sales tax", "tva", "btw",
                     "btw bedrag", "mwst", "ust", "umsatzsteuer", "mehrwertsteuer", "montant tva", "total tva",
                     "steuerbetrag", "ust betrag", "mwst betrag", "umsatzsteuerbetrag", "total taxes",
                     "montant des taxes"],
            kind: .amount, applies: .numbers),
        FieldConcept(
            id: "total",
            triggers: [["total"], ["amount"], ["grand", "total"], ["amount", "due"], ["balance"], ["sum"]],
            labels: ["total", "total due", "total amount", "total amount due", "amount due", "balance due",
                     "grand total", "total to pay", "total payable", "total for this invoice", "invoice total",
                     "amount payable", "gesamtbetrag", "gesamtsumme", "gesamt", "rechnungsbetrag", "endbetrag",
                     "summe", "zu zahlen", "totaal", "factuur totaal", "totaalbedrag", "te betalen", "total ttc",
                     "montant ttc", "montant eur ttc", "somme à payer", "net à payer", "montant total",
                     "montant à payer", "total facture", "total eur", "bruttosumme", "bruttobetrag",
                     "gesamtbetrag brutto", "summe brutto", "rechnungssumme"],
            kind: .amount, applies: .numbers, weight: 0.9),
        FieldConcept(
            id: "vat_id",
            triggers: [["vat", "id"], ["vat", "number"], ["vat", "no"], ["vat"], ["tax", "id"], ["btw"], ["tva"],
                       ["ust", "id"], ["vat", "reg"]],
            labels: ["vat id", "vat number", "vat no", "vat reg no", "vat registration number", "vat reg", "tva",
                     "n tva", "tva client", "n tva client", "n tva intracommunautaire",
                     "ust-id", "ustid", "ust-idnr", "ust id", "ust idnr", "umsatzsteuer-id", "btw nummer",
                     "btw-nummer", "btw nr", "btw-nr", "btw-id", "btw id", "n de tva", "numéro de tva",
                     "tva intracommunautaire", "tax id", "vat"],
            kind: .vatID, applies: .strings),
        FieldConcept(id: "iban", triggers: [["iban"]], labels: ["iban"], kind: .iban, applies: .strings),
        FieldConcept(id: "bic", triggers: [["bic"], ["swift"]], labels: ["bic", "swift", "swift bic", "bic swift"],
                     kind: .bic, applies: .strings),
        FieldConcept(
            id: "phone", triggers: [["phone"], ["telephone"], ["tel"], ["telefon"], ["mobile"]],
            labels: ["phone", "tel", "telephone", "telefoon", "téléphone", "telefon", "tél", "mobile"],
            kind: .phone, applies: .strings),
        FieldConcept(
            id: "email", triggers: [["email"], ["mail"], ["e", "mail"]],
            labels: ["email", "e-mail", "mail", "emailadres"], kind: .email, applies: .strings),
        FieldConcept(
            id: "website", triggers: [["website"], ["web"], ["url"], ["site"], ["homepage"]],
            labels: ["website", "web", "internet", "im internet", "homepage"], kind: .url, applies: .strings),
        FieldConcept(
            id: "currency", triggers: [["currency"]],
            labels: ["currency", "währung", "valuta", "devise", "monnaie"], kind: .currency),
        FieldConcept(
            id: "order_reference",
            // Two-word triggers outrank the invoice number's bare `number`: `purchase_order_number` and
            // `order_number` are the buyer's order, not the invoice (one-word triggers tie, and the table's order
            // broke the tie for the invoice).
            triggers: [["order"], ["po"], ["purchase"], ["order", "reference"], ["order", "number"], ["order", "no"],
                       ["order", "id"], ["purchase", "order"], ["po", "number"], ["po", "no"]],
            labels: ["order reference", "order number", "order no", "order nr", "purchase order", "po number",
                     "po no", "po", "order", "your reference", "votre référence", "votre commande", "ihre bestellung",
                     "ihre referenz", "uw referentie", "uw bestelling", "bestellnummer", "bestellung", "bestellnr",
                     "bestelling", "ordernummer", "order nr", "commande", "n de commande", "bon de commande"],
            kind: .identifier, applies: .strings),
        FieldConcept(
            id: "client_id",
            triggers: [["client"], ["customer"], ["account"], ["client", "id"], ["customer", "id"]],
            labels: ["customer number", "customer no", "customer id", "client id", "id client", "client number",
                     "account number", "account no", "kundennr", "kundennummer", "kunden nr", "klant",
                     "klantnummer", "klantnr", "n client", "numéro client", "référence client"],
            kind: .identifier, applies: .strings, weight: 0.9),
        FieldConcept(
            id: "line_number", triggers: [["line", "number"]],
            labels: ["numéro de ligne", "line number"], kind: .identifier, applies: .strings),
        FieldConcept(
            id: "payment_terms", triggers: [["payment", "terms"], ["terms"]],
            labels: ["payment terms", "terms of payment", "terms", "zahlungsbedingungen", "betalingsvoorwaarden",
                     "betalingstermijn", "conditions de paiement", "conditions de règlement"],
            kind: .text, applies: .strings),
        FieldConcept(
            id: "payment_method", triggers: [["payment", "method"], ["paid"], ["payment", "means"], ["method"]],
            labels: ["payment method", "paid by", "paid with", "payment by", "betaalmethode", "betaald met",
                     "vooruitbetaald met", "betaalwijze", "zahlungsart", "zahlungsform", "zahlungsweise",
                     "mode de paiement", "mode de règlement", "payé par"],
            kind: .text, applies: .strings),
        FieldConcept(
            id: "time", triggers: [["time"]], labels: ["time", "zeit", "uhrzeit", "heure", "tijd"], kind: .time,
            applies: .strings),
        FieldConcept(
            id: "subject", triggers: [["subject"], ["regarding"]],
            labels: ["subject", "re", "betreff", "betreft", "onderwerp", "objet", "concerning"], kind: .text,
            applies: .strings),
        FieldConcept(
            id: "contact_person", triggers: [["contact"], ["attention"], ["attn"], ["contact", "person"]],
            labels: ["attn", "attention", "for the attention of", "z hd", "zhd", "t a v", "tav", "contact person",
                     "contact", "ansprechpartner", "à l'attention de"],
            kind: .person, applies: .strings),
        FieldConcept(
            id: "volume", triggers: [["volume"]], labels: ["volume", "vol", "jahrgang", "jaargang"], kind: .integer,
            applies: .numbers),
        FieldConcept(
            id: "issue_number", triggers: [["issue"]], labels: ["issue", "heft", "no", "nr"], kind: .integer,
            applies: .numbers),
        FieldConcept(
            id: "package_count", triggers: [["package"], ["packages"], ["parcels"], ["parcel"], ["colli"]],
            labels: ["packages", "package count", "number of packages", "parcels", "colli", "pakketten", "pakete",
                     "packstücke", "colis"],
            kind: .integer, applies: .numbers),
        FieldConcept(
            id: "signatory", triggers: [["signatory"], ["signer"], ["signed", "by"], ["signatory", "name"]],
            labels: ["kind regards", "best regards", "regards", "yours sincerely", "sincerely", "yours faithfully",
                     "met vriendelijke groet", "met vriendelijke groeten", "mit freundlichen grüßen",
                     "mit freundlichen grüssen", "freundliche grüße", "cordialement", "bien cordialement",
                     "salutations distinguées"],
            kind: .person, applies: .strings),
        FieldConcept(
            id: "signatory_title",
            triggers: [["signatory", "title"], ["signatory", "position"], ["signatory", "role"], ["job", "title"],
                       ["signatory", "function"]],
            labels: ["kind regards", "best regards", "regards", "yours sincerely", "sincerely", "yours faithfully",
                     "met vriendelijke groet", "met vriendelijke groeten", "mit freundlichen grüßen",
                     "mit freundlichen grüssen", "freundliche grüße", "cordialement", "bien cordialement",
                     "salutations distinguées"],
            kind: .text, applies: .strings, rowsDown: 2),
        FieldConcept(
            id: "title", triggers: [["title"], ["headline"], ["heading"]], labels: [], kind: .text, applies: .strings,
            weight: 0.5),
        // The reference the buyer gives for its invoices (EN 16931 BT-10; the German public sector's Leitweg-ID):
        // an identifier, not the buyer's name.
        FieldConcept(
            id: "buyer_reference",
            triggers: [["buyer", "reference"], ["customer", "reference"], ["leitweg"], ["leitweg", "id"]],
            labels: ["buyer reference", "buyer's reference", "referenz des käufers", "käuferreferenz",
                     "käufer referenz", "leitweg id", "leitwege id", "leitweg", "customer reference",
                     "référence acheteur", "référence de l'acheteur"],
            kind: .identifier, applies: .strings, weight: 1.2, isDocumentReference: true),
        FieldConcept(
            id: "buyer_name",
            triggers: [["buyer"], ["customer", "name"], ["client", "name"], ["bill", "to"], ["buyer", "name"],
                       ["recipient"], ["recipient", "name"], ["consignee"]],
            labels: ["bill to", "billed to", "invoice to", "sold to", "customer", "factuuradres",
                     "rechnungsadresse", "rechnungsempfänger", "facturé à", "adresse de facturation",
                     "ship to", "deliver to", "delivery address", "adresse de livraison", "lieferadresse",
                     "lieferanschrift", "afleveradres"],
            kind: .company, applies: .strings, isBuyer: true),
        FieldConcept(
            id: "seller_name",
            triggers: [["issuer"], ["seller"], ["vendor"], ["supplier"], ["partner", "name"], ["company"],
                       ["merchant"], ["store"], ["sender"], ["sender", "name"], ["shop"], ["restaurant"]],
            labels: [], kind: .company, applies: .strings, weight: 0.9),
        FieldConcept(
            id: "buyer_address",
            triggers: [["buyer", "address"], ["customer", "address"], ["client", "address"],
                       ["recipient", "address"], ["consignee", "address"]],
            labels: ["bill to", "billed to", "invoice to", "factuuradres", "rechnungsadresse"],
            kind: .address, applies: .strings, isBuyer: true),
        FieldConcept(
            id: "seller_address",
            triggers: [["seller", "address"], ["issuer", "address"], ["vendor", "address"], ["supplier", "address"],
                       ["sender", "address"], ["merchant", "address"], ["address"]],
            labels: [], kind: .address, applies: .strings, weight: 0.9),
    ]
}
