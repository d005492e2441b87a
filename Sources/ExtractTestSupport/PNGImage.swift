import CZlib
import Foundation

/// A decoded PNG (8-bit gray, gray + alpha, RGB or RGBA, not interlaced): enough to check browser screenshots
/// and page renders pixel by pixel.
public struct PNGImage: Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// RGBA, 4 bytes per pixel, row after row.
    public let rgba: [UInt8]

    /// A decoding failure, with the reason.
    public struct DecodingError: Error, CustomStringConvertible {
        /// What is wrong with the data.
        public var description: String
    }

    /// Decodes PNG bytes.
    public init(_ data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count > 8, bytes[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw DecodingError(description: "not a PNG")
        }
        var offset = 8
        var header: [UInt8] = []
        var compressed: [UInt8] = []
        while offset + 8 <= bytes.count {
            let length = Self.bigEndian(bytes, offset)
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let start = offset + 8
            guard start + length + 4 <= bytes.count else { throw DecodingError(description: "truncated chunk") }
            if type == "IHDR" { header = Array(bytes[start..<(start + length)]) }
            if type == "IDAT" { compressed += bytes[start..<(start + length)] }
            if type == "IEND" { break }
            offset = start + length + 4
        }
        guard header.count == 13 else { throw DecodingError(description: "no IHDR") }
        let width = Self.bigEndian(header, 0)
        let height = Self.bigEndian(header, 4)
        let channels: Int
        switch header[9] {
        case 0: channels = 1
        case 2: channels = 3
        case 4: channels = 2
        case 6: channels = 4
        default: throw DecodingError(description: "colour type \(header[9]) is not supported")
        }
        guard header[8] == 8, header[12] == 0, width > 0, height > 0 else {
            throw DecodingError(description: "only 8-bit, non-interlaced PNGs are supported")
        }
        let stride = width * channels
        var raw = [UInt8](repeating: 0, count: height * (stride + 1))
        var rawLength = uLongf(raw.count)
        let status = raw.withUnsafeMutableBufferPointer { output in
            compressed.withUnsafeBufferPointer { input in
                uncompress(output.baseAddress, &rawLength, input.baseAddress, uLong(input.count))
            }
        }
        guard status == Z_OK, Int(rawLength) == raw.count else {
            throw DecodingError(description: "the image data does not inflate (zlib status \(status))")
        }
        var pixels = [UInt8](repeating: 0, count: height * stride)
        for row in 0..<height {
            let filter = raw[row * (stride + 1)]
            let source = row * (stride + 1) + 1
            let target = row * stride
            for column in 0..<stride {
                let value = raw[source + column]
                let left = column >= channels ? Int(pixels[target + column - channels]) : 0
                let up = row > 0 ? Int(pixels[target - stride + column]) : 0
                let upLeft = row > 0 && column >= channels ? Int(pixels[target - stride + column - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                case 4: predictor = Self.paeth(left, up, upLeft)
                default: throw DecodingError(description: "unknown filter \(filter)")
                }
                pixels[target + column] = UInt8(truncatingIfNeeded: Int(value) + predictor)
            }
        }
        var rgba = [UInt8](repeating: 255, count: width * height * 4)
        for index in 0..<(width * height) {
            let pixel = index * channels
            switch channels {
            case 1, 2:
                rgba[index * 4] = pixels[pixel]
                rgba[index * 4 + 1] = pixels[pixel]
                rgba[index * 4 + 2] = pixels[pixel]
                if channels == 2 { rgba[index * 4 + 3] = pixels[pixel + 1] }
            default:
                rgba[index * 4] = pixels[pixel]
                rgba[index * 4 + 1] = pixels[pixel + 1]
                rgba[index * 4 + 2] = pixels[pixel + 2]
                if channels == 4 { rgba[index * 4 + 3] = pixels[pixel + 3] }
            }
        }
        self.width = width
        self.height = height
        self.rgba = rgba
    }

    /// The pixel at column `x`, row `y` (0-based from the top-left corner).
    public func pixel(x: Int, y: Int) -> (red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8) {
        let index = (y * width + x) * 4
        return (rgba[index], rgba[index + 1], rgba[index + 2], rgba[index + 3])
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int) -> Int {
        Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
    }

    private static func paeth(_ left: Int, _ up: Int, _ upLeft: Int) -> Int {
        let estimate = left + up - upLeft
        let (toLeft, toUp, toUpLeft) = (abs(estimate - left), abs(estimate - up), abs(estimate - upLeft))
        if toLeft <= toUp, toLeft <= toUpLeft { return left }
        return toUp <= toUpLeft ? up : upLeft
    }
}
