/// An 8-bit grayscale raster of a rendered page (0 = black, 255 = white), rows top to bottom.
public struct GrayImage: Sendable, Hashable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Resolution the page was rendered at, in pixels per inch.
    public let dpi: Double
    /// `width × height` bytes, row-major, no padding.
    public let pixels: [UInt8]

    /// Creates an image; `pixels.count` must equal `width × height`.
    public init(width: Int, height: Int, dpi: Double, pixels: [UInt8]) {
        precondition(pixels.count == width * height, "GrayImage: pixel count does not match size")
        self.width = width
        self.height = height
        self.dpi = dpi
        self.pixels = pixels
    }

    /// Points per pixel: multiply a pixel box by this to get a page box in points.
    public var pointsPerPixel: Double { 72 / dpi }

    /// The value at (x, y).
    public subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }

    /// The pixels inside `box` (points from the page's top-left corner, clipped to the image), at the same
    /// resolution, with the crop's top-left corner in pixels; nil when the box misses the image.
    public func cropped(to box: BoundingBox) -> (image: GrayImage, left: Int, top: Int)? {
        let scale = dpi / 72
        let left = max(0, Int((box.x * scale).rounded(.down)))
        let top = max(0, Int((box.y * scale).rounded(.down)))
        let right = min(width, Int((box.maxX * scale).rounded(.up)))
        let bottom = min(height, Int((box.maxY * scale).rounded(.up)))
        guard right > left, bottom > top else { return nil }
        var crop = [UInt8]()
        crop.reserveCapacity((right - left) * (bottom - top))
        for row in top..<bottom {
            crop.append(contentsOf: pixels[(row * width + left)..<(row * width + right)])
        }
        return (GrayImage(width: right - left, height: bottom - top, dpi: dpi, pixels: crop), left, top)
    }
}
