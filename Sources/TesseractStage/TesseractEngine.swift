import CTesseract
import ExtractCore
import Foundation

/// One Tesseract engine (libtesseract's `TessBaseAPI`) with Leptonica images.
///
/// Not thread-safe: an engine shared by two threads aborts. Keep one engine per thread (``OCRService`` does).
public final class TesseractEngine {
    private let handle: OpaquePointer
    /// The languages the engine was loaded with.
    public let languages: OCRLanguages

    /// Loads an engine for `languages` in automatic page segmentation mode (block types are reported).
    public init(languages: OCRLanguages) throws {
        guard let api = TessBaseAPICreate() else {
            throw ExtractError(.ocrFailed, "could not create a Tesseract engine")
        }
        // Keep Tesseract's and Leptonica's own chatter off our stderr.
        _ = TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        LeptonicaImage.silenceMessages()
        guard TessBaseAPIInit2(api, languages.dataDirectory, languages.description, OEM_LSTM_ONLY) == 0 else {
            TessBaseAPIDelete(api)
            throw ExtractError(
                .ocrLanguageMissing,
                "Tesseract could not load '\(languages)' from \(languages.dataDirectory): reinstall the "
                    + "tesseract-ocr language packages"
            )
        }
        TessBaseAPISetPageSegMode(api, PSM_AUTO)
        handle = api
        self.languages = languages
    }

    private let tally = LeptonicaImage.Tally()

    /// The Leptonica images (page, deskewed, preprocessed) this engine holds: 0 whenever it is not reading a
    /// page, as each is freed as soon as its reading is done.
    public var preprocessingImagesAlive: Int { tally.live.load(ordering: .relaxed) }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// OCRs a rendered page. Boxes come back in points from the page's top-left corner, like the text layer.
    ///
    /// With `deskew`, a skewed scan is straightened before recognition (Leptonica) and the boxes are rotated
    /// back, so they still sit on the page as it is. `preprocessing` prepares the page for Tesseract (see
    /// ``OCRPreprocessing``); `.auto` may read a poorly read page up to three more times (thickened; enlarged
    /// twice when the page was rendered under 200 dpi; Sauvola-thresholded) and merge the readings line by line.
    ///
    /// With `timeLimit`, Tesseract's own monitor stops recognition at that deadline and the page fails with
    /// `.timeLimitExceeded` (the deadline is checked between words, so it is kept to within a word or so); a
    /// further reading only runs in the time the earlier ones left. The monitor is not consulted during deskewing,
    /// preprocessing or Tesseract's page layout analysis, which can run past the deadline; only a process
    /// boundary bounds those (the evidence worker's parent kills a worker that overruns, see
    /// `WorkerProcessOptions.ocrDeadlineMargin` in DocExtract).
    public func recognize(
        _ image: GrayImage, deskew: Bool = true, preprocessing: OCRPreprocessing = .none, timeLimit: Duration? = nil
    ) throws -> PageText {
        try recognize(image, deskew: deskew, preprocessing: preprocessing, timeLimit: timeLimit, passes: nil)
    }

    /// ``recognize(_:deskew:preprocessing:timeLimit:)`` with `.auto`'s further readings given as `passes`
    /// (nil: ``OCRPass/passes(width:height:dpi:)``), each made while the merged reading's confidence stays under
    /// its own; for tests.
    func recognize(
        _ image: GrayImage, deskew: Bool, preprocessing: OCRPreprocessing, timeLimit: Duration?, passes: [OCRPass]?
    ) throws -> PageText {
        guard image.width > 0, image.height > 0 else { return PageText(source: .ocr, lines: []) }
        let started = ContinuousClock.now
        guard let page = LeptonicaImage(try Self.makePix(image), tally: tally) else {
            throw ExtractError(.ocrFailed, "could not allocate a \(image.width) × \(image.height) image for OCR")
        }
        var rotation = 0.0
        var straight = page
        if deskew {
            var angle: Float = 0
            var confidence: Float = 0
            if let turned = LeptonicaImage(pixFindSkewAndDeskew(page.pix, 2, &angle, &confidence), tally: tally) {
                if abs(angle) >= 0.1, confidence >= 2.0 {
                    rotation = Double(angle)
                    straight = turned
                }
            }
        }
        let mapper = BoxMapper(image: image, rotationDegrees: rotation)
        guard preprocessing != .none, let normalised = straight.contrastNormalized() else {
            return try read(straight, dpi: image.dpi, mapper: mapper, timeLimit: timeLimit)
        }
        let first = try read(normalised, dpi: image.dpi, mapper: mapper, timeLimit: timeLimit)
        guard preprocessing == .auto else { return first }
        var merged = first
        for pass in passes ?? OCRPass.passes(width: image.width, height: image.height, dpi: image.dpi) {
            guard (merged.meanConfidence ?? 0) < pass.belowConfidence else { continue }
            var remaining = timeLimit
            if let timeLimit {
                remaining = timeLimit - (ContinuousClock.now - started)
                if remaining! <= .zero { break }
            }
            do {
                guard let next = try read(normalised, pass: pass, page: image, rotation: rotation, timeLimit: remaining)
                else { continue }
                merged = OCRReadingMerger.merge(merged, next)
            } catch let error as ExtractError where error.code == .timeLimitExceeded {
                break
            }
        }
        return merged
    }

    /// One further reading of the contrast-normalised page `normalised` (of `page`, deskewed by `rotation`
    /// degrees), prepared as `pass` says; nil when Leptonica could not prepare it.
    private func read(
        _ normalised: LeptonicaImage, pass: OCRPass, page: GrayImage, rotation: Double, timeLimit: Duration?
    ) throws -> PageText? {
        let prepared: LeptonicaImage?
        switch pass.preparation {
        case .strokesThickened: prepared = normalised.strokesThickened()
        case .upscaledTwice: prepared = normalised.upscaledTwiceSharpened()
        case .sauvolaThreshold: prepared = normalised
        }
        guard let prepared else { return nil }
        if pass.preparation == .sauvolaThreshold {
            _ = TessBaseAPISetVariable(handle, "thresholding_method", "2")
        }
        defer {
            if pass.preparation == .sauvolaThreshold {
                _ = TessBaseAPISetVariable(handle, "thresholding_method", "0")
            }
        }
        let scale = Double(pass.scale)
        let mapper = BoxMapper(image: page, rotationDegrees: rotation, scale: scale)
        return try read(prepared, dpi: page.dpi * scale, mapper: mapper, timeLimit: timeLimit)
    }

    /// One Tesseract reading of a prepared image.
    private func read(_ image: LeptonicaImage, dpi: Double, mapper: BoxMapper, timeLimit: Duration?) throws
        -> PageText
    {
        TessBaseAPISetImage2(handle, image.pix)
        TessBaseAPISetSourceResolution(handle, Int32(dpi.rounded()))
        var monitor: OpaquePointer?
        if let timeLimit {
            monitor = TessMonitorCreate()
            TessMonitorSetDeadlineMSecs(monitor, Int32(clamping: Self.milliseconds(timeLimit)))
        }
        defer { if let monitor { TessMonitorDelete(monitor) } }
        let started = ContinuousClock.now
        guard TessBaseAPIRecognize(handle, monitor) == 0 else {
            TessBaseAPIClear(handle)
            if let timeLimit, ContinuousClock.now - started >= timeLimit {
                throw ExtractError(
                    .timeLimitExceeded,
                    "OCR of the page took longer than the limit of \(Self.describe(timeLimit)) per page and was "
                        + "stopped (raise it with --ocr-timeout SECONDS, or lower --dpi)"
                )
            }
            throw ExtractError(.ocrFailed, "Tesseract failed to recognise the page")
        }
        defer { TessBaseAPIClear(handle) }
        return TesseractResultReader(api: handle, mapper: mapper).read()
    }

    /// OCRs only `regions` of a rendered page (points from the page's top-left corner): each is cropped from
    /// `image` and recognised on its own, and its boxes are moved back onto the page, so they are in page
    /// points like everything else. The result's ``PageText/regions`` lists the areas read (a region outside
    /// the image is skipped). `deskew`, `preprocessing` and `timeLimit` apply to each region.
    public func recognize(
        _ image: GrayImage, regions: [BoundingBox], deskew: Bool = true, preprocessing: OCRPreprocessing = .none,
        timeLimit: Duration? = nil
    ) throws -> PageText {
        var lines: [TextLine] = []
        var blocks: [TextBlock] = []
        var read: [BoundingBox] = []
        for region in regions {
            guard let crop = image.cropped(to: region) else { continue }
            let text = try recognize(crop.image, deskew: deskew, preprocessing: preprocessing, timeLimit: timeLimit)
            let dx = Double(crop.left) * image.pointsPerPixel
            let dy = Double(crop.top) * image.pointsPerPixel
            let move = { (line: TextLine) in
                TextLine(
                    words: line.words.map { word in
                        var moved = word
                        moved.box = word.box.offsetBy(dx: dx, dy: dy)
                        return moved
                    },
                    box: line.box.offsetBy(dx: dx, dy: dy)
                )
            }
            lines += text.lines.map(move)
            blocks += text.blocks.map { block in
                TextBlock(kind: block.kind, box: block.box.offsetBy(dx: dx, dy: dy), lines: block.lines.map(move))
            }
            read.append(region)
        }
        return PageText(source: .ocr, lines: lines, blocks: blocks, regions: read)
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        let parts = duration.components
        return max(1, parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000)
    }

    /// `120 s`, `0.5 s`.
    private static func describe(_ duration: Duration) -> String {
        let seconds = Double(milliseconds(duration)) / 1000
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }

    /// Copies gray pixels into an 8-bit Leptonica image (Leptonica packs 4 pixels per 32-bit word, first pixel
    /// in the most significant byte).
    private static func makePix(_ image: GrayImage) throws -> UnsafeMutablePointer<Pix>? {
        guard let pix = pixCreate(Int32(image.width), Int32(image.height), 8), let data = pixGetData(pix) else {
            throw ExtractError(.ocrFailed, "could not allocate a \(image.width) × \(image.height) image for OCR")
        }
        pixSetResolution(pix, Int32(image.dpi.rounded()), Int32(image.dpi.rounded()))
        let wordsPerLine = Int(pixGetWpl(pix))
        image.pixels.withUnsafeBufferPointer { source in
            for row in 0..<image.height {
                let line = data.advanced(by: row * wordsPerLine)
                let base = row * image.width
                var column = 0
                var word = 0
                while column < image.width {
                    var value: UInt32 = 0
                    for offset in 0..<4 {
                        let pixel = column + offset < image.width ? UInt32(source[base + column + offset]) : 255
                        value |= pixel << UInt32(24 - 8 * offset)
                    }
                    line[word] = value
                    word += 1
                    column += 4
                }
            }
        }
        return pix
    }
}
