import Evaluation
import ExtractTestSupport
import Foundation
import JSONCore
import Testing

/// The dev lists in `eval/`: every line resolves, every ground truth reads, every schema's annotations parse.
struct DatasetListTests {
    @Test(arguments: ["samples", "invoice2data", "zugferd", "sroie", "kleister-nda"])
    func devListIsUsable(name: String) throws {
        let list = Fixtures.repositoryRoot.appendingPathComponent("eval/\(name).tsv")
        guard name == "samples" || FileManager.default.fileExists(atPath: Fixtures.shared.path) else { return }
        let entries = try DatasetEntry.load(list: list.path)
        #expect(!entries.isEmpty)
        for entry in entries {
            let schema = try JSONValue(parsing: Data(contentsOf: URL(fileURLWithPath: entry.schema)))
            let plan = try ScoringPlan(schema: schema)
            #expect(!plan.fields.isEmpty, "\(entry.schema)")
            let expected = try GroundTruth.load(entry.expected, schema: schema)
            #expect(expected.objectValue != nil, "\(entry.expected) unwraps to an object")
        }
    }

    @Test func aListCanSayItsAbsentValuesAreNotGroundTruth() throws {
        let zugferd = Fixtures.repositoryRoot.appendingPathComponent("eval/zugferd.tsv")
        let invoices = Fixtures.repositoryRoot.appendingPathComponent("eval/invoice2data.tsv")
        guard FileManager.default.fileExists(atPath: Fixtures.shared.path) else { return }
        #expect(try DatasetEntry.load(list: zugferd.path).allSatisfy { !$0.absenceIsGroundTruth })
        #expect(try DatasetEntry.load(list: invoices.path).allSatisfy(\.absenceIsGroundTruth))
    }

    @Test func listErrorsNameTheLine() throws {
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("list-\(UUID()).tsv")
        defer { try? FileManager.default.removeItem(at: list) }
        try Data("# comment\n\na.pdf\tb.json\n".utf8).write(to: list)
        #expect { try DatasetEntry.load(list: list.path) } throws: { error in
            "\(error)".contains(":3:") && "\(error)".contains("got 2 fields")
        }
    }
}
