/// One-to-one pairing of predicted and expected elements by a similarity score.
///
/// Greedy on the score matrix: the best-scoring remaining pair is taken first, ties broken by row order,
/// pairs scoring zero or less are never made. For the small tables of invoices this reaches the optimum
/// in practice; it is deterministic and O(n² log n).
enum RowMatcher {
    /// Pairs `(predicted index, expected index)`.
    static func pairs(predicted: Int, expected: Int, score: (Int, Int) -> Double) -> [(Int, Int)] {
        var candidates: [(score: Double, predicted: Int, expected: Int)] = []
        for p in 0..<predicted {
            for e in 0..<expected {
                let value = score(p, e)
                if value > 0 { candidates.append((value, p, e)) }
            }
        }
        candidates.sort {
            if $0.score != $1.score { return $0.score > $1.score }
            if $0.expected != $1.expected { return $0.expected < $1.expected }
            return $0.predicted < $1.predicted
        }
        var usedPredicted = Set<Int>()
        var usedExpected = Set<Int>()
        var result: [(Int, Int)] = []
        for candidate in candidates
        where !usedPredicted.contains(candidate.predicted) && !usedExpected.contains(candidate.expected) {
            usedPredicted.insert(candidate.predicted)
            usedExpected.insert(candidate.expected)
            result.append((candidate.predicted, candidate.expected))
        }
        return result.sorted { $0.1 < $1.1 }
    }
}
