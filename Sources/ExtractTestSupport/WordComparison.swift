import ExtractCore
import Foundation

/// Compares the words two sources read, for tests and benchmarks (OCR against the text layer).
public enum WordComparison {
    /// Lower-cased words with surrounding punctuation removed; empty words dropped.
    public static func normalized(_ words: [String]) -> [String] {
        words.map { word in
            word.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.symbols).union(.whitespaces))
        }.filter { !$0.isEmpty }
    }

    /// The share of `expected` words (as a multiset) that also occur in `actual`, from 0 to 1.
    public static func recall(expected: [String], actual: [String]) -> Double {
        let wanted = normalized(expected)
        guard !wanted.isEmpty else { return 1 }
        var available: [String: Int] = [:]
        for word in normalized(actual) { available[word, default: 0] += 1 }
        var found = 0
        for word in wanted where (available[word] ?? 0) > 0 {
            available[word]! -= 1
            found += 1
        }
        return Double(found) / Double(wanted.count)
    }

    /// Pairs each word of `reference` with the same word in `other` (in order, each used once) and returns
    /// the intersection-over-union of their boxes.
    public static func matchedBoxOverlaps(reference: [TextWord], other: [TextWord]) -> [(String, Double)] {
        var pool: [String: [TextWord]] = [:]
        for word in other { pool[word.text, default: []].append(word) }
        var result: [(String, Double)] = []
        for word in reference {
            guard var candidates = pool[word.text], !candidates.isEmpty else { continue }
            let best = candidates.indices.max { a, b in
                candidates[a].box.intersectionOverUnion(word.box) < candidates[b].box.intersectionOverUnion(word.box)
            }!
            result.append((word.text, candidates[best].box.intersectionOverUnion(word.box)))
            candidates.remove(at: best)
            pool[word.text] = candidates
        }
        return result
    }
}
