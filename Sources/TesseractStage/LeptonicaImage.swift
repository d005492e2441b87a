import CTesseract
import Synchronization

/// One Leptonica `Pix` owned by Swift: destroyed when the last reference goes, so no preprocessing step leaks
/// a page-sized raster (an evidence worker runs under an address-space cap).
final class LeptonicaImage {
    /// Counts the images one engine has alive (for leak checks).
    final class Tally: Sendable {
        let live = Atomic<Int>(0)
    }

    /// The image; valid as long as this object lives.
    let pix: UnsafeMutablePointer<Pix>
    private let tally: Tally

    /// Takes ownership of `pix`, counted in `tally`; nil when Leptonica returned no image.
    init?(_ pix: UnsafeMutablePointer<Pix>?, tally: Tally) {
        guard let pix else { return nil }
        self.pix = pix
        self.tally = tally
        tally.live.add(1, ordering: .relaxed)
    }

    deinit {
        var owned: UnsafeMutablePointer<Pix>? = pix
        pixDestroy(&owned)
        tally.live.subtract(1, ordering: .relaxed)
    }

    /// Local contrast normalisation of an 8-bit image (Leptonica `pixContrastNorm`): in tiles of about 100
    /// pixels, the range between the darkest and lightest pixel is stretched to full contrast, so faint
    /// thermal print and text on a tinted or unevenly lit ground reach Tesseract's threshold dark on white.
    /// Tiles whose range is under 55 levels (blank paper) are left as they are. Nil when Leptonica fails.
    func contrastNormalized() -> LeptonicaImage? {
        let width = Int(pixGetWidth(pix))
        let height = Int(pixGetHeight(pix))
        // Leptonica wants at least 5-pixel tiles and at most a few hundred tiles a side is plenty.
        let tile = Int32(max(5, min(100, min(width, height) / 2)))
        guard pixGetDepth(pix) == 8, tile >= 5 else { return nil }
        return LeptonicaImage(pixContrastNorm(nil, pix, tile, tile, 55, 1, 1), tally: tally)
    }

    /// The image with dark strokes grown by one pixel each way (gray erosion with a 3 × 3 brick), which joins
    /// the dots of dot-matrix and worn thermal print into strokes Tesseract can segment. Nil when Leptonica
    /// fails.
    func strokesThickened() -> LeptonicaImage? {
        guard pixGetDepth(pix) == 8 else { return nil }
        return LeptonicaImage(pixErodeGray(pix, 3, 3), tally: tally)
    }

    /// The image enlarged twice each way by linear interpolation (Leptonica `pixScaleGray2xLI`), then sharpened
    /// by unsharp masking (`pixUnsharpMaskingGray`, half-width 1, fraction 0.5) so the interpolated edges stay
    /// crisp. Nil when Leptonica fails.
    func upscaledTwiceSharpened() -> LeptonicaImage? {
        guard pixGetDepth(pix) == 8, let large = LeptonicaImage(pixScaleGray2xLI(pix), tally: tally) else {
            return nil
        }
        return LeptonicaImage(pixUnsharpMaskingGray(large.pix, 1, 0.5), tally: tally)
    }

    /// Stops Leptonica printing its warnings and errors to stderr (failures are seen from the results).
    static func silenceMessages() {
        _ = setMsgSeverity(Int32(L_SEVERITY_NONE))
    }
}
