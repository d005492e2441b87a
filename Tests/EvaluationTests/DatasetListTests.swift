import Evaluation
import ExtractTestSupport
import Foundation
import JSONCore
import Testing

/// The dev lists in `eval/`: every line resolves, every ground truth reads, every schema's annotations parse.
struct DatasetListTests {
    @Test(arguments: ["samples", "invoice2data", "zugferd", "sroie", "kleister-nda", "sroie-decoys", "kleister-decoys"])
    func devListIsUsable(name: String) throws {
        let list = Fixtures.repositoryRoot.appendingPathComponent("eval/\(name).tsv")
        guard name == "samples" || FileManager.default.fileExists(atPath: Fixtures.shared.path) else { return }
        let entries = try DatasetEntry.load(list: list.path)
        #expect(!entries.isEmpty)
        // An audit the list names reads, and speaks only of the list's own documents.
        if let file = entries.first?.audit {
            let audit = try ValueAudit.load(file)
            #expect(!audit.verdicts.isEmpty)
            let pdfs = Set(entries.map(\.pdf))
            for key in audit.verdicts.keys { #expect(pdfs.contains(key.pdf), "\(key.pdf) is in \(name).tsv") }
        }
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

    @Test func aListNamesItsAuditFileAndTheAuditReads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a.pdf", "a.json", "s.json"] {
            try Data("{}".utf8).write(to: folder.appendingPathComponent(name))
        }
        let audit = folder.appendingPathComponent("list.audit.tsv")
        try Data(
            ("# checked by hand\n"
                + "a.pdf\t/payment_terms\t\"30 j\"\tprinted\tpage 1 under Conditions\n"
                + "a.pdf\t/lines\t[{\"name\":\"Tea\"}]\tfabricated\tno table is printed\n").utf8
        ).write(to: audit)
        let list = folder.appendingPathComponent("list.tsv")
        try Data("#! absent values are not ground truth\n#! audit list.audit.tsv\na.pdf\ta.json\ts.json\n".utf8)
            .write(to: list)
        let entries = try DatasetEntry.load(list: list.path)
        #expect(entries.count == 1 && entries[0].audit == audit.standardized.path)
        let verdicts = try ValueAudit.load(try #require(entries[0].audit))
        let pdf = entries[0].pdf
        #expect(verdicts.verdict(pdf: pdf, pointer: "/payment_terms", value: "30 j") == .printed)
        #expect(verdicts.verdict(pdf: pdf, pointer: "/lines", value: [["name": "Tea"]]) == .fabricated)
        #expect(verdicts.verdict(pdf: pdf, pointer: "/payment_terms", value: "60 j") == nil)
    }

    @Test(arguments: [
        ("a.pdf\t/x\t\"v\"\tprinted\n", "got 4 fields"),
        ("a.pdf\tx\t\"v\"\tprinted\there\n", "does not start with /"),
        ("a.pdf\t/x\tv\tprinted\there\n", "is not JSON"),
        ("a.pdf\t/x\t\"v\"\tright\there\n", "neither printed nor fabricated"),
        ("a.pdf\t/x\t\"v\"\tprinted\there\na.pdf\t/x\t\"v\"\tfabricated\there\n", "already audited"),
    ])
    func auditErrorsNameTheLineAndTheProblem(text: String, message: String) throws {
        let audit = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID()).tsv")
        defer { try? FileManager.default.removeItem(at: audit) }
        try Data(text.utf8).write(to: audit)
        #expect { try ValueAudit.load(audit.path) } throws: { error in
            "\(error)".contains(message) && "\(error)".contains(".tsv:")
        }
    }

    @Test func aMissingAuditFileIsAnError() throws {
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("list-\(UUID()).tsv")
        defer { try? FileManager.default.removeItem(at: list) }
        try Data("#! audit nowhere.tsv\n".utf8).write(to: list)
        #expect { try DatasetEntry.load(list: list.path) } throws: { error in
            "\(error)".contains(":1:") && "\(error)".contains("nowhere.tsv does not exist")
        }
    }
}
