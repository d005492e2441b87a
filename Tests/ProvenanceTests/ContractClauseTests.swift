import ExtractCore
import ExtractTestSupport
import JSONCore
import Provenance
import Testing

/// A contract's governing law and length are read from the clauses that state them, across line breaks; a
/// company's state of incorporation and a period an obligation survives are neither.
@Suite struct ContractClauseTests {
    let jurisdiction = SchemaField(path: ["jurisdiction"], types: ["string"])
    let term = SchemaField(path: ["term"], types: ["string"])

    func values(_ rows: [String], _ field: SchemaField) -> [JSONValue] {
        CandidateFinder(evidence: TestEvidence.lines(rows)).candidates(for: field).map(\.value)
    }

    @Test func governingLawIsThePlaceItsClauseNames() {
        #expect(values([
            "NIKE, Inc., an Oregon corporation, organized under the laws of the State of Nevada.",
            "7. This Agreement shall be governed by and construed in accordance with the laws of the",
            "state of Delaware, without regard to its conflict of laws principles.",
        ], jurisdiction) == ["Delaware"])
        #expect(values(["governed by the internal laws of the Commonwealth of Massachusetts."], jurisdiction)
            == ["Massachusetts"])
        #expect(values(["and the laws of the State of New York shall govern this Agreement."], jurisdiction)
            == ["New York"])
        #expect(values(["This Agreement is governed by Texas law."], jurisdiction) == ["Texas"])
        // No clause: the state a party is incorporated in, or courts, say nothing of the governing law.
        #expect(values([
            "Cloudera, Inc., a corporation organized under the laws of the State of Delaware, and the",
            "courts of the State of California shall have jurisdiction.",
        ], jurisdiction).isEmpty)
    }

    @Test func termIsTheAgreementsOwnLength() {
        #expect(values(["TERM This Agreement shall terminate two years after the date first entered."], term)
            == ["2 years"])
        #expect(values(["the Term shall be for a period of", "eighteen (18) months from the date of this"], term)
            == ["18 months"])
        #expect(values(["for a period of five (5) years from the date first written above"], term) == ["5 years"])
        #expect(values(["This Agreement shall remain in effect for one (1) year."], term) == ["1 year"])
        // How long an obligation lasts after employment is not how long the contract runs.
        #expect(values([
            "During the period of employment and for a period of two (2) years thereafter, Employee will not",
            "for a period of one year after the termination of such employment for any reason",
        ], term).isEmpty)
    }

    @Test func partiesAreTheNamesOfThePreamble() {
        let party = SchemaField(path: ["party", "*"], types: ["string"])
        #expect(values([
            "THIS AGREEMENT is made by and between Intel Corporation (“Intel”) and Cloudera, Inc. (“Cloudera,”",
            "and, together with Intel, each a “Party”).",
        ], party) == ["Intel Corporation", "Cloudera, Inc."])
        #expect(values([
            "between VistaPrint USA, Incorporated, a Delaware corporation (the “Company”), and Anne Drapeau (the",
            "“Employee”).",
        ], party) == ["VistaPrint USA, Incorporated", "Anne Drapeau"])
        // A name ends with its sentence, not at an initial or a legal form's dot.
        #expect(values(["by and between High Speed Net Solutions and R. J. Seifert Enterprises. Collectively, all"],
                       party) == ["High Speed Net Solutions", "R. J. Seifert Enterprises"])
        // Roles are no names: `between Buyer and the Company`.
        #expect(values(["information between Buyer and the Company. As a condition"], party).isEmpty)
    }

    @Test func aWordTermIsNoValueOfItsOwn() {
        // Without a clause, the text beside the word `Term` or `jurisdiction` is no candidate.
        #expect(values(["Term: the parties agree as follows", "personal jurisdiction of the courts"], term).isEmpty)
        #expect(values(["personal jurisdiction of the courts of Illinois"], jurisdiction).isEmpty)
    }
}
