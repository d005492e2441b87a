import JSONCore
import Provenance
import Testing

@Suite struct ValueNormalizerTests {
    let normalizer = ValueNormalizer()

    @Test(arguments: [
        ("14 March 2024", "2024-03-14"),
        ("March 14, 2024", "2024-03-14"),
        ("Mar 14 2024", "2024-03-14"),
        ("14-Mar-2024", "2024-03-14"),
        ("Thursday, 14 March 2024", "2024-03-14"),
        ("the 14th of March 2024", "2024-03-14"),
        ("14.03.2024", "2024-03-14"),
        ("14/03/2024", "2024-03-14"),
        ("03/04/2024", "2024-04-03"),
        ("8-9-2022", "2022-09-08"),
        ("21.05.14", "2014-05-21"),
        ("2024-03-14", "2024-03-14"),
        ("2024/03/14", "2024-03-14"),
        ("2024-03-14T10:20:00Z", "2024-03-14"),
        ("August 3 , 2014", "2014-08-03"),
        ("7. Mai 2014", "2014-05-07"),
        ("14 maart 2024", "2024-03-14"),
        ("1 mei 2023", "2023-05-01"),
        ("02 Juillet 2015", "2015-07-02"),
        ("1er février 2024", "2024-02-01"),
        ("3 août 2021", "2021-08-03"),
        ("14. März 2024", "2024-03-14"),
        ("31 Dezember 1999", "1999-12-31"),
        ("29 February 2024", "2024-02-29"),
    ])
    func dates(raw: String, iso: String) {
        #expect(normalizer.date(raw) == iso)
    }

    @Test func monthFirstHint() {
        let american = ValueNormalizer(dateOrder: .monthFirst)
        #expect(american.date("03/04/2024") == "2024-03-04")
        #expect(american.date("03/14/2024") == "2024-03-14")
        // A part above 12 decides by itself, whatever the hint.
        #expect(american.date("14/03/2024") == "2024-03-14")
        #expect(normalizer.date("03/14/2024") == "2024-03-14")
    }

    @Test(arguments: [
        "29 February 2023", "31 April 2024", "32.01.2024", "14/13/2024", "March 2024", "14 March", "hello",
        "Invoice date: 14 March 2024", "2024-13-01", "1er au 31 Juillet 2015", "", "14 March 2024 and more",
        "1 - July 31", "July 1 - July 31, 2014",
    ])
    func datesThatAreNotDates(raw: String) {
        #expect(normalizer.date(raw) == nil)
    }

    @Test(arguments: [
        ("1.234,56", "1234.56"),
        ("1 234,56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("€ 1,230.00", "1230"),
        ("1,230.00 EUR", "1230"),
        ("$4.11", "4.11"),
        ("12,50", "12.5"),
        ("12.50", "12.5"),
        ("1.234.567", "1234567"),
        ("1'234.50", "1234.5"),
        ("-45.10", "-45.1"),
        ("(45.10)", "-45.1"),
        ("45.10-", "-45.1"),
        ("21%", "21"),
        ("21 %", "21"),
        ("0,125", "0.125"),
        ("0.01", "0.01"),
        ("10,695.49", "10695.49"),
        ("007", "7"),
    ])
    func numbers(raw: String, canonical: String) {
        #expect(normalizer.number(raw) == JSONNumber(literal: canonical))
    }

    @Test(arguments: ["", "abc", "1,2,3", "12.345,67.8", "1 23,45", "12a", "€", "1.23.45", "--5", "1,23,456"])
    func numbersThatAreNotNumbers(raw: String) {
        #expect(normalizer.number(raw) == nil)
    }

    @Test func exactDecimals() {
        // 0.1 + 0.2 style errors must not appear: the digits are kept exactly.
        let value = normalizer.number("1.234.567,89")
        #expect(value?.description == "1234567.89")
        #expect(normalizer.number("0,07")?.description == "0.07")
    }

    @Test func integers() {
        #expect(normalizer.integer("1.234") == JSONNumber(1234))
        #expect(normalizer.integer("12.00") == JSONNumber(12))
        #expect(normalizer.integer("12,5") == nil)
    }

    @Test func enums() {
        let options: [JSONValue] = ["EUR", "USD", "GBP", "Credit card", "bank-transfer"]
        #expect(normalizer.enumValue("eur", among: options) == "EUR")
        #expect(normalizer.enumValue(" usd ", among: options) == "USD")
        #expect(normalizer.enumValue("credit-card", among: options) == "Credit card")
        #expect(normalizer.enumValue("Bank Transfer.", among: options) == "bank-transfer")
        #expect(normalizer.enumValue("€", among: options) == "EUR")
        #expect(normalizer.enumValue("£", among: options) == "GBP")
        #expect(normalizer.enumValue("CHF", among: options) == nil)
        #expect(normalizer.enumValue("cash", among: options) == nil)
        #expect(normalizer.enumValue("2", among: [1, 2, 3]) == 2)
    }

    @Test func booleans() {
        #expect(normalizer.boolean("Yes") == true)
        #expect(normalizer.boolean("nein") == false)
        #expect(normalizer.boolean("oui") == true)
        #expect(normalizer.boolean("FALSE") == false)
        #expect(normalizer.boolean("maybe") == nil)
    }

    @Test func strings() {
        #expect(normalizer.string("  Net   30\n days ") == "Net 30 days")
        #expect(normalizer.string("   ") == nil)
        #expect(normalizer.string("mail: a@b.example", format: "email") == nil)
        #expect(normalizer.string("<a@b.example>", format: "email") == "a@b.example")
        #expect(normalizer.string("14:27", pattern: "^[0-2][0-9]:[0-5][0-9]$") == "14:27")
        #expect(normalizer.string("2:27 pm", pattern: "^[0-2][0-9]:[0-5][0-9]$") == nil)
    }

    @Test func bySchema() {
        #expect(normalizer.normalize("14 March 2024", schema: ["type": "string", "format": "date"]) == "2024-03-14")
        let exact = JSONValue.number(JSONNumber(literal: "1234.56")!)
        #expect(normalizer.normalize("1.234,56", schema: ["type": "number"]) == exact)
        #expect(normalizer.normalize("12", schema: ["type": "integer"]) == 12)
        #expect(normalizer.normalize("12.5", schema: ["type": "integer"]) == nil)
        #expect(normalizer.normalize("n/a", schema: ["type": ["number", "null"]]) == .null)
        #expect(normalizer.normalize("n/a", schema: ["type": "number"]) == nil)
        #expect(normalizer.normalize("", schema: ["type": ["string", "null"], "format": "date"]) == .null)
        #expect(normalizer.normalize("tomorrow", schema: ["type": ["string", "null"], "format": "date"]) == nil)
        #expect(normalizer.normalize("usd", schema: ["enum": ["EUR", "USD"]]) == "USD")
        #expect(normalizer.normalize("yes", schema: ["type": "boolean"]) == true)
        #expect(normalizer.normalize("  Nordvik   B.V. ", schema: ["type": "string"]) == "Nordvik B.V.")
        // A number field given a model's number or a string: both end up as exact numbers.
        let field = SchemaField(path: ["total"], types: ["number"])
        #expect(normalizer.normalize(JSONValue.string("€ 10,695.49"), for: field)
            == .number(JSONNumber(literal: "10695.49")!))
        #expect(normalizer.normalize(JSONValue.number(JSONNumber(3)), for: field) == 3)
        #expect(normalizer.normalize(JSONValue.bool(true), for: field) == nil)
    }
}
