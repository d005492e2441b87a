import JSONCore

/// A realistic invoice schema and a generated instance of about 1 MB that satisfies it.
enum InvoiceFixture {
    static let schemaText = """
    {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://docextract.example/invoice.schema.json",
        "title": "Invoice",
        "type": "object",
        "required": ["invoice_number", "issue_date", "currency", "seller", "buyer", "lines", "totals"],
        "additionalProperties": false,
        "properties": {
            "invoice_number": {"type": "string", "pattern": "^INV-[0-9]{4}-[0-9]{6}$"},
            "issue_date": {"type": "string", "format": "date"},
            "due_date": {"type": "string", "format": "date"},
            "currency": {"enum": ["EUR", "USD", "GBP", "CHF"]},
            "seller": {"$ref": "#/$defs/party"},
            "buyer": {"$ref": "#/$defs/party"},
            "lines": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/line"}},
            "totals": {
                "type": "object",
                "required": ["net", "tax", "gross"],
                "additionalProperties": false,
                "properties": {
                    "net": {"$ref": "#/$defs/money"},
                    "tax": {"$ref": "#/$defs/money"},
                    "gross": {"$ref": "#/$defs/money"}
                }
            },
            "notes": {"type": "array", "items": {"type": "string", "maxLength": 500}}
        },
        "$defs": {
            "money": {"type": "number", "multipleOf": 0.01},
            "party": {
                "type": "object",
                "required": ["name", "address"],
                "additionalProperties": false,
                "properties": {
                    "name": {"type": "string", "minLength": 1},
                    "vat_id": {"type": "string", "pattern": "^[A-Z]{2}[0-9A-Z]{2,12}$"},
                    "email": {"type": "string", "format": "email"},
                    "address": {
                        "type": "object",
                        "required": ["street", "city", "country"],
                        "properties": {
                            "street": {"type": "string"},
                            "city": {"type": "string"},
                            "postal_code": {"type": "string", "maxLength": 10},
                            "country": {"type": "string", "pattern": "^[A-Z]{2}$"}
                        }
                    }
                }
            },
            "line": {
                "type": "object",
                "required": ["position", "description", "quantity", "price_unit", "amount"],
                "additionalProperties": false,
                "properties": {
                    "position": {"type": "integer", "minimum": 1},
                    "sku": {"type": "string", "pattern": "^[A-Z]{3}-[0-9]{5}$"},
                    "description": {"type": "string", "minLength": 1, "maxLength": 200},
                    "quantity": {"type": "number", "exclusiveMinimum": 0},
                    "unit": {"enum": ["pc", "kg", "h", "m"]},
                    "price_unit": {"type": "number", "minimum": 0, "multipleOf": 0.0001},
                    "tax_rate": {"enum": [0, 5.5, 10, 20]},
                    "amount": {"$ref": "#/$defs/money"},
                    "discount": {"type": ["number", "null"]},
                    "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": true}
                }
            }
        }
    }
    """

    /// An invoice with `lines` line items (4,000 lines is about 1 MB of JSON).
    static func instance(lines: Int) -> JSONValue {
        let units: [JSONValue] = ["pc", "kg", "h", "m"]
        let taxRates: [JSONValue] = [0, 5.5, 10, 20]
        var items: [JSONValue] = []
        items.reserveCapacity(lines)
        var net = 0
        for position in 1...lines {
            let cents = 100 + (position * 7919) % 99_000
            let quantity = 1 + position % 9
            net += cents * quantity
            let line: JSONValue = [
                "position": .number(JSONNumber(position)),
                "sku": .string("ABC-\(String(10_000 + position % 90_000))"),
                "description": .string("Item \(position): replacement part for assembly line, batch \(position % 97)"),
                "quantity": .number(JSONNumber(quantity)),
                "unit": units[position % units.count],
                "price_unit": .number(JSONNumber(literal: "\(cents / 100).\(String(format2: cents % 100))")!),
                "tax_rate": taxRates[position % taxRates.count],
                "amount": .number(JSONNumber(literal: money(cents * quantity))!),
                "discount": position % 5 == 0 ? .number(JSONNumber(literal: "0.05")!) : .null,
                "tags": ["spare", .string("batch-\(position % 97)"), .string("line-\(position)")],
            ]
            items.append(line)
        }
        let party: (String, String) -> JSONValue = { name, country in
            [
                "name": .string(name), "vat_id": .string("\(country)123456789"),
                "email": .string("billing@\(name.lowercased().replacingSpaces).example"),
                "address": ["street": "1 Main Street", "city": "Springfield", "postal_code": "12345",
                            "country": .string(country)],
            ]
        }
        return [
            "invoice_number": "INV-2026-000123",
            "issue_date": "2026-11-30",
            "due_date": "2026-12-30",
            "currency": "EUR",
            "seller": party("Acme Parts", "DE"),
            "buyer": party("Springfield Works", "FR"),
            "lines": .array(items),
            "totals": [
                "net": .number(JSONNumber(literal: money(net))!),
                "tax": .number(JSONNumber(literal: money(net / 5))!),
                "gross": .number(JSONNumber(literal: money(net + net / 5))!),
            ],
            "notes": ["Payable within 30 days.", "Thank you for your business."],
        ]
    }

    private static func money(_ cents: Int) -> String {
        "\(cents / 100).\(String(format2: cents % 100))"
    }
}

extension String {
    /// Two-digit zero-padded decimal.
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : String(value)
    }

    var replacingSpaces: String {
        split(separator: " ").joined(separator: "-")
    }
}
