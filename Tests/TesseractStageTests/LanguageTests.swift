import ExtractCore
import Foundation
import TesseractStage
import Testing

/// The OCR languages option: valid lists, missing data, malformed input.
@Suite struct LanguageTests {
    @Test func englishIsInstalled() throws {
        let languages = try OCRLanguages("eng")
        #expect(languages.codes == ["eng"])
        #expect(FileManager.default.fileExists(atPath: languages.dataDirectory + "/eng.traineddata"))
    }

    @Test func missingLanguageNamesTheDebianPackage() {
        let error = #expect(throws: ExtractError.self) { try OCRLanguages("eng+zzz") }
        #expect(error?.code == .ocrLanguageMissing)
        #expect(error?.message.contains("tesseract-ocr-zzz") == true)
        #expect(error?.message.contains("eng") == false || error?.message.contains("zzz") == true)
    }

    @Test func wrongTessdataPrefixIsReported() {
        let error = #expect(throws: ExtractError.self) {
            try OCRLanguages("eng", environment: ["TESSDATA_PREFIX": "/nonexistent/tessdata"])
        }
        #expect(error?.code == .ocrLanguageMissing)
        #expect(error?.message.contains("TESSDATA_PREFIX") == true)
    }

    @Test(arguments: ["", "eng+", "../eng", "eng deu", "+"])
    func malformedListsAreRejected(_ spec: String) {
        let error = #expect(throws: ExtractError.self) { try OCRLanguages(spec) }
        #expect(error?.code == .invalidOption)
    }
}
