import ExtractCore

/// Measures what share of a page a set of possibly overlapping boxes covers, on a coarse grid.
enum CoverageGrid {
    static func coverage(of boxes: [BoundingBox], within size: PageSize, cells: Int = 100) -> Double {
        guard !boxes.isEmpty, size.width > 0, size.height > 0 else { return 0 }
        var covered = [Bool](repeating: false, count: cells * cells)
        let cellWidth = size.width / Double(cells)
        let cellHeight = size.height / Double(cells)
        for box in boxes {
            guard let clipped = box.intersection(size.bounds) else { continue }
            let left = Int((clipped.x / cellWidth).rounded())
            let right = Int((clipped.maxX / cellWidth).rounded())
            let top = Int((clipped.y / cellHeight).rounded())
            let bottom = Int((clipped.maxY / cellHeight).rounded())
            guard left < right, top < bottom else { continue }
            for row in top..<min(bottom, cells) {
                for column in left..<min(right, cells) { covered[row * cells + column] = true }
            }
        }
        return Double(covered.lazy.filter { $0 }.count) / Double(cells * cells)
    }
}
