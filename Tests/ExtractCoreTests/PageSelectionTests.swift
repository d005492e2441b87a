import ExtractCore
import Testing

@Suite struct PageSelectionTests {
    @Test func rangesListsAndOpenEnds() throws {
        #expect(try PageSelection(parsing: "1-3,5").pages(in: 10) == [1, 2, 3, 5])
        #expect(try PageSelection(parsing: "8-").pages(in: 10) == [8, 9, 10])
        #expect(try PageSelection(parsing: "3,1,3").pages(in: 10) == [1, 3])
        #expect(try PageSelection(parsing: " 2 - 4 ").pages(in: 3) == [2, 3])
        #expect(PageSelection.all.pages(in: 4) == [1, 2, 3, 4])
    }

    @Test func pagesBeyondTheDocumentAreReported() throws {
        let selection = try PageSelection(parsing: "2,7,9-12")
        #expect(selection.pages(in: 5) == [2])
        #expect(selection.missingPages(in: 5) == [7, 9])
        #expect(PageSelection.all.missingPages(in: 3).isEmpty)
    }

    @Test(arguments: ["0", "a-b", "3-1", "1,,2", "-2", "1.5"])
    func malformedSelectionsAreRejected(_ text: String) {
        #expect(throws: ExtractError.self) { try PageSelection(parsing: text) }
    }
}
