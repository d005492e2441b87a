import Foundation

/// Writes small, valid PDFs for tests: pages of any size carrying lines of Helvetica text and gray raster
/// images, with a correct cross-reference table, so tests can make the documents they need (a 200 × 200 inch
/// page, 50 pages, a page whose text is an instruction to the model, a pasted scan) without shipping them.
public struct MinimalPDF: Sendable {
    /// An 8-bit gray raster image drawn on a page (beneath the page's text).
    public struct Image: Sendable {
        /// Where it is drawn, in points from the page's top-left corner (the raster is stretched to fill it).
        public var box: (x: Double, y: Double, width: Double, height: Double)
        /// Raster width in pixels.
        public var pixelWidth: Int
        /// Raster height in pixels.
        public var pixelHeight: Int
        /// `pixelWidth × pixelHeight` gray values (0 black, 255 white), rows top to bottom.
        public var gray: [UInt8]

        /// An image of `pixelWidth × pixelHeight` gray pixels drawn into the box at `x`, `y` (top-left corner,
        /// points) of `width × height` points.
        public init(x: Double, y: Double, width: Double, height: Double, pixelWidth: Int, pixelHeight: Int,
                    gray: [UInt8]) {
            precondition(gray.count == pixelWidth * pixelHeight, "MinimalPDF.Image: pixel count does not match size")
            box = (x, y, width, height)
            self.pixelWidth = pixelWidth
            self.pixelHeight = pixelHeight
            self.gray = gray
        }
    }

    /// One page.
    public struct Page: Sendable {
        /// Width and height in points (72 per inch).
        public var width: Double
        /// See ``width``.
        public var height: Double
        /// Lines of text, printed from the top-left corner down, 12 pt, one per 16 points (the first baseline
        /// 40 points from the top, starting 40 points from the left).
        public var lines: [String]
        /// Raster images, drawn before the text.
        public var images: [Image]

        /// A page of `width` × `height` points with `lines` and `images`.
        public init(width: Double = 612, height: Double = 792, lines: [String] = [], images: [Image] = []) {
            self.width = width
            self.height = height
            self.lines = lines
            self.images = images
        }
    }

    /// The pages, in order.
    public var pages: [Page]

    /// A document with `pages`.
    public init(pages: [Page]) {
        self.pages = pages
    }

    /// The PDF's bytes.
    public func data() -> Data {
        // Objects: 1 catalog, 2 page tree, 3 font, then per page a page object and its content stream, then the
        // images of all pages.
        var objects: [String] = []
        var nextImage = 4 + 2 * pages.count
        var imageObjects: [String] = []
        let kids = pages.indices.map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        for (index, page) in pages.enumerated() {
            let content = Self.content(page)
            var names: [String] = []
            for (number, image) in page.images.enumerated() {
                names.append("/Im\(number) \(nextImage) 0 R")
                nextImage += 1
                let hex = image.gray.map { String(format: "%02x", $0) }.joined() + ">"
                imageObjects.append(
                    "<< /Type /XObject /Subtype /Image /Width \(image.pixelWidth) /Height \(image.pixelHeight) "
                        + "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode "
                        + "/Length \(hex.utf8.count) >>\nstream\n\(hex)\nendstream"
                )
            }
            let xObjects = names.isEmpty ? "" : " /XObject << \(names.joined(separator: " ")) >>"
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(Self.number(page.width)) \(Self.number(page.height))] "
                    + "/Resources << /Font << /F1 3 0 R >>\(xObjects) >> /Contents \(5 + 2 * index) 0 R >>"
            )
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        }
        objects += imageObjects
        var output = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.utf8.count)
            output += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = output.utf8.count
        output += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { output += String(format: "%010d 00000 n \n", offset) }
        output += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(output.utf8)
    }

    /// Writes the PDF to a new file in a temporary folder and returns its path.
    public func write(named name: String = "generated.pdf") throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("docextract-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try data().write(to: url)
        return url
    }

    private static func content(_ page: Page) -> String {
        var commands: [String] = []
        for (index, image) in page.images.enumerated() {
            let box = image.box
            let bottom = page.height - box.y - box.height
            let matrix = [box.width, 0, 0, box.height, box.x, bottom].map(number).joined(separator: " ")
            commands.append("q \(matrix) cm /Im\(index) Do Q")
        }
        for (index, line) in page.lines.enumerated() {
            let baseline = page.height - 40 - Double(index) * 16
            commands.append("BT /F1 12 Tf 40 \(number(baseline)) Td (\(escape(line))) Tj ET")
        }
        return commands.joined(separator: "\n")
    }

    /// PDF literal string escaping; characters outside ASCII become `?` (WinAnsi covers only Latin-1).
    private static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "(", ")", "\\": escaped += "\\" + String(scalar)
            case " "..."~": escaped.unicodeScalars.append(scalar)
            default: escaped += "?"
            }
        }
        return escaped
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}
