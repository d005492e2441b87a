import ExtractCore
import Foundation

/// Maps pixel boxes of the (possibly deskewed) image OCR saw back to page points.
struct BoxMapper {
    let pointsPerPixel: Double
    let centerX: Double
    let centerY: Double
    let cosine: Double
    let sine: Double
    let rotates: Bool
    /// Pixels of the image Tesseract read per pixel of the rendered page (2 for a page upscaled twice).
    let scale: Double

    init(image: GrayImage, rotationDegrees: Double, scale: Double = 1) {
        pointsPerPixel = image.pointsPerPixel
        self.scale = scale
        centerX = Double(image.width) / 2
        centerY = Double(image.height) / 2
        let radians = -rotationDegrees * .pi / 180
        cosine = cos(radians)
        sine = sin(radians)
        rotates = rotationDegrees != 0
    }

    func map(left: Int32, top: Int32, right: Int32, bottom: Int32) -> BoundingBox {
        var box = BoundingBox(
            x1: Double(left) / scale, y1: Double(top) / scale, x2: Double(right) / scale, y2: Double(bottom) / scale
        )
        if rotates {
            // Rotate the box's centre back and keep its size: rotating the corners would inflate small words.
            let dx = box.midX - centerX
            let dy = box.midY - centerY
            let midX = centerX + dx * cosine - dy * sine
            let midY = centerY + dx * sine + dy * cosine
            box = BoundingBox(x: midX - box.width / 2, y: midY - box.height / 2, width: box.width, height: box.height)
        }
        return box.scaled(by: pointsPerPixel)
    }
}
