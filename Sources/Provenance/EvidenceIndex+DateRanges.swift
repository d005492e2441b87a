extension EvidenceIndex {
    /// Spans of date ranges that start or end on `iso` (`YYYY-MM-DD`) where that date is not printed whole by
    /// itself: `du 1er au 31 Juillet 2015` starts on 2015-07-01, `01.05.14-31.05.14` ends on 2014-05-31. The
    /// span is the whole range. Looked up on demand (lines that print the date's year only), not indexed.
    func dateRangeSpans(_ iso: String) -> [Span] {
        let year = String(iso.prefix(4))
        let shortYear = String(year.suffix(2))
        let reader = ValueReader(normalizer: normalizer)
        var result: [Span] = []
        for (streamIndex, stream) in streams.enumerated() {
            for line in stream.lines {
                let words = stream.words[line]
                guard words.contains(where: { $0.text.contains(year) || $0.text.contains(shortYear) }) else {
                    continue
                }
                let pieces = CandidateFinder.pieces(words)
                var start = 0
                while start < pieces.count {
                    guard let range = reader.dateRange(Array(pieces[start...].prefix(12))) else {
                        start += 1
                        continue
                    }
                    if range.start == iso || range.end == iso {
                        result.append(Span(stream: streamIndex, start: line.lowerBound + start,
                                           end: line.lowerBound + start + range.range.upperBound))
                    }
                    start += max(1, range.range.upperBound)
                }
            }
        }
        return result
    }
}
