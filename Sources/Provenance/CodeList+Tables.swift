/// The code lists' tables: for each code, the forms documents print it in (form keys, ``CodeList/formKey(_:)``),
/// in English, German, French, Dutch, Spanish and Italian. A form listed under several codes reads back as the
/// first of them (``CodeList/code(forPrinted:)``): `Stk` is `H87` (piece) before `C62` (one).
extension CodeList {
    /// Forms of one list, both ways.
    struct Table: Sendable {
        /// Code → printed forms (form keys), most specific first.
        var forms: [String: [String]] = [:]
        /// Form key → code (the first code that lists it).
        var codes: [String: String] = [:]

        init(_ entries: [(String, [String])]) {
            for (code, forms) in entries {
                let keys = forms.map(CodeList.formKey)
                self.forms[code, default: []] += keys
                for key in keys where codes[key] == nil && !key.isEmpty { codes[key] = code }
            }
        }
    }

    static let tables: [CodeList: Table] = [
        .currency: Table(currencies), .country: Table(countries), .unit: Table(units),
        .documentType: Table(documentTypes), .vatCategory: Table(vatCategories),
    ]

    /// Dollars more specific than a bare `$`: printed anywhere in a document, `$` is not read as USD there.
    static let specificDollars = [
        "ca$", "c$", "cad", "au$", "a$", "aud", "nz$", "nzd", "hk$", "hkd", "s$", "sgd", "mx$", "mxn", "r$", "brl",
    ]

    /// The USD forms a more specific dollar overrides.
    static let genericDollarForms: Set<String> = ["$", "dollar", "dollars"]

    /// ISO 4217 (currency codes), the codes invoices commonly use. `$` reads as USD unless a more specific dollar
    /// is printed (``specificDollars``); `¥` as JPY; `kr` (SEK, NOK, DKK, ISK) is left out as ambiguous.
    static let currencies: [(String, [String])] = [
        ("EUR", ["€", "euro", "euros", "eur."]),
        ("USD", ["us$", "us-dollar", "us-dollars", "us dollar", "us dollars", "u.s. dollar", "u.s. dollars",
                 "united states dollar", "united states dollars", "dollar américain", "amerikanischer dollar", "$",
                 "dollar", "dollars"]),
        ("GBP", ["£", "pound sterling", "pounds sterling", "sterling", "british pound", "british pounds", "pounds",
                 "pfund sterling", "britisches pfund", "livre sterling", "livres sterling"]),
        ("CHF", ["sfr", "fr.", "swiss franc", "swiss francs", "schweizer franken", "franken", "franc suisse",
                 "francs suisses", "zwitserse frank"]),
        ("JPY", ["¥", "円", "yen", "japanese yen"]),
        ("CNY", ["rmb", "yuan", "renminbi", "元"]),
        ("CAD", ["ca$", "c$", "canadian dollar", "canadian dollars", "dollar canadien", "dollars canadiens",
                 "kanadischer dollar"]),
        ("AUD", ["au$", "a$", "australian dollar", "australian dollars", "australischer dollar"]),
        ("NZD", ["nz$", "new zealand dollar", "new zealand dollars"]),
        ("HKD", ["hk$", "hong kong dollar", "hong kong dollars"]),
        ("SGD", ["s$", "singapore dollar", "singapore dollars"]),
        ("SEK", ["swedish krona", "swedish kronor", "svenska kronor", "schwedische kronen", "couronne suédoise"]),
        ("NOK", ["norwegian krone", "norwegian kroner", "norske kroner", "norwegische kronen"]),
        ("DKK", ["danish krone", "danish kroner", "danske kroner", "dänische kronen", "couronne danoise"]),
        ("PLN", ["zł", "złoty", "zloty", "polish zloty"]),
        ("CZK", ["kč", "czech koruna", "tschechische kronen"]),
        ("HUF", ["forint", "ft"]),
        ("INR", ["₹", "rupee", "rupees", "indian rupee"]),
        ("MYR", ["rm", "ringgit"]),
        ("RUB", ["₽", "rouble", "roubles", "ruble", "rubles"]),
        ("KRW", ["₩", "won"]),
        ("TRY", ["₺", "turkish lira", "türk lirası"]),
        ("BRL", ["r$", "brazilian real", "reais"]),
        ("ZAR", ["south african rand"]),
        ("MXN", ["mx$", "mexican peso", "mexican pesos"]),
        ("RON", ["lei", "romanian leu"]),
        ("BGN", ["лв", "bulgarian lev"]),
        ("ISK", ["icelandic króna", "icelandic krona"]),
    ]

    /// ISO 3166-1 alpha-2 (country codes): European and major world countries, with their names in English,
    /// German, French, Dutch, Spanish and Italian (and their own language).
    static let countries: [(String, [String])] = [
        ("DE", ["germany", "deutschland", "allemagne", "duitsland", "alemania", "germania",
                "bundesrepublik deutschland", "federal republic of germany"]),
        ("AT", ["austria", "österreich", "oesterreich", "autriche", "oostenrijk"]),
        ("CH", ["switzerland", "schweiz", "suisse", "zwitserland", "suiza", "svizzera", "confoederatio helvetica"]),
        ("FR", ["france", "frankreich", "frankrijk", "francia"]),
        ("BE", ["belgium", "belgien", "belgique", "belgië", "belgie", "bélgica", "belgio"]),
        ("NL", ["netherlands", "the netherlands", "holland", "niederlande", "pays-bas", "pays bas", "nederland",
                "países bajos", "paises bajos", "paesi bassi"]),
        ("LU", ["luxembourg", "luxemburg", "luxemburgo", "lussemburgo"]),
        ("IT", ["italy", "italien", "italie", "italië", "italia"]),
        ("ES", ["spain", "spanien", "espagne", "spanje", "españa", "espana", "spagna"]),
        ("PT", ["portugal", "portugal", "portogallo"]),
        ("GB", ["united kingdom", "u.k.", "great britain", "vereinigtes königreich", "großbritannien",
                "grossbritannien", "royaume-uni", "royaume uni", "verenigd koninkrijk", "groot-brittannië",
                "reino unido", "regno unito", "england", "uk"]),
        ("IE", ["ireland", "irland", "irlande", "ierland", "irlanda"]),
        ("DK", ["denmark", "dänemark", "danemark", "denemarken", "dinamarca", "danimarca", "danmark"]),
        ("SE", ["sweden", "schweden", "suède", "zweden", "suecia", "svezia", "sverige"]),
        ("NO", ["norway", "norwegen", "norvège", "noorwegen", "noruega", "norvegia", "norge"]),
        ("FI", ["finland", "finnland", "finlande", "finlandia", "suomi"]),
        ("IS", ["iceland", "islande", "ijsland", "islandia", "islanda"]),
        ("PL", ["poland", "polen", "pologne", "polonia", "polska"]),
        ("CZ", ["czech republic", "czechia", "tschechien", "tschechische republik", "république tchèque",
                "tsjechië", "república checa", "repubblica ceca", "česko"]),
        ("SK", ["slovakia", "slowakei", "slovaquie", "slowakije", "eslovaquia", "slovacchia", "slovensko"]),
        ("HU", ["hungary", "ungarn", "hongrie", "hongarije", "hungría", "ungheria", "magyarország"]),
        ("SI", ["slovenia", "slowenien", "slovénie", "slovenië", "eslovenia", "slovenija"]),
        ("HR", ["croatia", "kroatien", "croatie", "kroatië", "croacia", "croazia", "hrvatska"]),
        ("RO", ["romania", "rumänien", "roumanie", "roemenië", "rumania", "românia"]),
        ("BG", ["bulgaria", "bulgarien", "bulgarie", "bulgarije"]),
        ("GR", ["greece", "griechenland", "grèce", "griekenland", "grecia"]),
        ("CY", ["cyprus", "zypern", "chypre", "chipre", "cipro"]),
        ("MT", ["malta", "malte"]),
        ("EE", ["estonia", "estland", "estonie", "eesti"]),
        ("LV", ["latvia", "lettland", "lettonie", "letland", "letonia", "lettonia", "latvija"]),
        ("LT", ["lithuania", "litauen", "lituanie", "litouwen", "lituania", "lietuva"]),
        ("LI", ["liechtenstein"]),
        ("MC", ["monaco"]),
        ("US", ["united states", "united states of america", "usa", "u.s.a.", "u.s.", "vereinigte staaten",
                "états-unis", "etats-unis", "verenigde staten", "estados unidos", "stati uniti"]),
        ("CA", ["canada", "kanada"]),
        ("MX", ["mexico", "mexiko", "mexique", "méxico", "messico"]),
        ("BR", ["brazil", "brasilien", "brésil", "brazilië", "brasil", "brasile"]),
        ("AR", ["argentina", "argentinien", "argentine", "argentinië"]),
        ("CN", ["china", "chine", "volksrepublik china", "people's republic of china", "cina"]),
        ("JP", ["japan", "japon", "japón", "giappone"]),
        ("KR", ["south korea", "republic of korea", "südkorea", "corée du sud", "zuid-korea", "corea del sur"]),
        ("IN", ["india", "indien", "inde"]),
        ("AU", ["australia", "australien", "australie", "australië"]),
        ("NZ", ["new zealand", "neuseeland", "nouvelle-zélande", "nieuw-zeeland", "nueva zelanda"]),
        ("ZA", ["south africa", "südafrika", "afrique du sud", "zuid-afrika", "sudáfrica"]),
        ("TR", ["turkey", "türkei", "turquie", "turkije", "turquía", "turchia", "türkiye"]),
        ("RU", ["russia", "russland", "russie", "rusland", "rusia", "russian federation"]),
        ("UA", ["ukraine", "oekraïne", "ucrania", "ucraina"]),
        ("IL", ["israel", "israël"]),
        ("AE", ["united arab emirates", "vereinigte arabische emirate", "émirats arabes unis"]),
        ("SG", ["singapore", "singapur", "singapour"]),
        ("HK", ["hong kong", "hongkong"]),
        ("MY", ["malaysia", "malaisie", "maleisië", "malasia"]),
        ("TH", ["thailand", "thaïlande", "tailandia"]),
    ]

    /// UN/ECE Recommendation 20 (codes for units of measure used in international trade), the codes EN 16931
    /// invoices use, and the Recommendation 21 package code `XPP` (piece) it allows. `C62` is "one" (a count
    /// with no unit) and `H87` "piece": documents print both as a count word (`Stk`, `pcs`, `Unit(s)`), so
    /// each lists the other's words too; a piece word reads back as `H87`, a unit word as `C62`.
    static let units: [(String, [String])] = [
        ("H87", ["piece", "pieces", "pc", "pcs", "pce", "pces", "stk", "stck", "stück", "stueck", "st", "pièce",
                 "pièces", "stuk", "stuks", "pezzo", "pezzi", "pz", "pieza", "piezas"]),
        ("C62", ["unit", "units", "einheit", "einheiten", "unité", "unités", "eenheid", "eenheden", "unidad",
                 "unidades", "unità", "u", "ea", "each", "piece", "pieces", "pc", "pcs", "pce", "stk", "stück",
                 "st", "pièce", "pièces", "stuks"]),
        ("XPP", ["piece", "pieces", "pc", "pcs", "pce", "stk", "stück", "st", "pièce", "stuks"]),
        ("HUR", ["h", "hr", "hrs", "hour", "hours", "std", "stunde", "stunden", "heure", "heures", "uur", "hora",
                 "horas", "ora", "ore"]),
        ("MIN", ["min", "mins", "minute", "minutes", "minuten", "minuut", "minuto", "minutos", "minuti"]),
        ("DAY", ["day", "days", "tag", "tage", "tg", "jour", "jours", "dag", "dagen", "día", "días", "giorno",
                 "giorni"]),
        ("WEE", ["week", "weeks", "wk", "woche", "wochen", "semaine", "semaines", "weken", "semana", "semanas",
                 "settimana", "settimane"]),
        ("MON", ["month", "months", "mon", "monat", "monate", "mois", "maand", "maanden", "mes", "meses", "mese",
                 "mesi"]),
        ("ANN", ["year", "years", "yr", "jahr", "jahre", "an", "ans", "année", "années", "jaar", "año", "años",
                 "anno", "anni"]),
        ("KGM", ["kg", "kgs", "kilogram", "kilograms", "kilogramm", "kilogramme", "kilogrammes", "kilo", "kilos"]),
        ("GRM", ["g", "gr", "gram", "grams", "gramm", "gramme", "grammes"]),
        ("TNE", ["t", "tonne", "tonnes", "metric ton", "metric tons"]),
        ("MTR", ["m", "meter", "meters", "metre", "metres", "mètre", "mètres", "lfm", "metro", "metri"]),
        ("CMT", ["cm", "centimeter", "centimetre", "centimètre"]),
        ("MMT", ["mm", "millimeter", "millimetre", "millimètre"]),
        ("KMT", ["km", "kilometer", "kilometre", "kilomètre", "kilometres", "kilometers"]),
        ("MTK", ["m²", "qm", "sqm", "square metre", "square metres", "square meter", "square meters",
                 "quadratmeter", "mètre carré", "mètres carrés", "vierkante meter"]),
        ("MTQ", ["m³", "cbm", "cubic metre", "cubic metres", "cubic meter", "cubic meters", "kubikmeter",
                 "mètre cube", "mètres cubes"]),
        ("LTR", ["l", "ltr", "lt", "liter", "liters", "litre", "litres", "litro", "litri", "litros"]),
        ("MLT", ["ml", "milliliter", "millilitre"]),
        ("KWH", ["kwh", "kilowatt hour", "kilowatt hours", "kilowattstunde", "kilowattstunden"]),
        ("SET", ["set", "sets", "satz", "sätze", "jeu", "jeux"]),
        ("PR", ["pair", "pairs", "paar", "paire", "paires"]),
        ("LS", ["pauschal", "pauschale", "psch", "pausch", "lump sum", "forfait", "forfaitaire", "a forfait"]),
    ]

    /// UNTDID 1001 (document name codes), the invoice types EN 16931 uses, by the titles documents print.
    static let documentTypes: [(String, [String])] = [
        ("380", ["rechnung", "handelsrechnung", "warenrechnung", "invoice", "commercial invoice", "tax invoice",
                 "facture", "factuur", "fattura", "factura", "faktura"]),
        ("381", ["gutschrift", "credit note", "credit memo", "avoir", "facture d'avoir", "creditnota",
                 "creditfactuur", "nota di credito", "nota de crédito", "abono"]),
        ("383", ["debit note", "lastschrift", "belastungsanzeige", "note de débit", "debetnota", "nota di debito"]),
        ("384", ["rechnungskorrektur", "korrekturrechnung", "corrected invoice", "facture rectificative",
                 "gecorrigeerde factuur", "factura rectificativa", "fattura rettificativa"]),
        ("386", ["anzahlungsrechnung", "vorauszahlungsrechnung", "vorschussrechnung", "prepayment invoice",
                 "advance payment invoice", "facture d'acompte", "vooruitbetalingsfactuur", "factura de anticipo"]),
        ("387", ["mietrechnung", "hire invoice", "rental invoice", "facture de location"]),
        ("389", ["self-billed invoice", "self billed invoice", "selbst ausgestellte rechnung", "autofacture",
                 "autofacturation", "gutschrift"]),
        ("326", ["teilrechnung", "partial invoice", "facture partielle", "deelfactuur", "factura parcial"]),
        ("875", ["abschlagsrechnung", "partial construction invoice", "facture de situation"]),
        ("876", ["teilschlussrechnung", "partial final construction invoice"]),
        ("877", ["schlussrechnung", "final construction invoice", "facture de solde"]),
    ]

    /// UNCL 5305 (duty or tax or fee category codes), the VAT categories EN 16931 allows, by the words that
    /// name them on invoices.
    static let vatCategories: [(String, [String])] = [
        ("S", ["standard rate", "standard rated", "normalsatz", "regelsteuersatz", "taux normal", "standaardtarief",
               "tipo general", "aliquota ordinaria"]),
        ("Z", ["zero rated", "zero-rated", "zero rate", "nullsatz", "nullsteuersatz", "taux zéro", "nultarief"]),
        ("E", ["exempt", "vat exempt", "tax exempt", "steuerfrei", "steuerbefreit", "umsatzsteuerfrei", "befreit",
               "exonéré", "exonérée", "exonération", "vrijgesteld", "exento", "exenta", "esente"]),
        ("AE", ["reverse charge", "reverse-charge", "steuerschuldnerschaft des leistungsempfängers",
                "autoliquidation", "btw verlegd", "verlegd", "inversión del sujeto pasivo", "inversione contabile"]),
        ("K", ["intra-community", "intracommunity", "intra community", "innergemeinschaftliche",
               "innergemeinschaftlich", "intracommunautaire", "intracomunitaria", "intracomunitario"]),
        ("G", ["export", "exports", "ausfuhr", "ausfuhrlieferung", "exportation", "exportación", "esportazione",
               "uitvoer"]),
        ("O", ["not subject to vat", "outside the scope of vat", "outside the scope", "nicht steuerbar",
               "non soumis à la tva", "hors champ", "niet belastbaar"]),
        ("L", ["igic", "canary islands"]),
        ("M", ["ipsi", "ceuta", "melilla"]),
    ]
}
