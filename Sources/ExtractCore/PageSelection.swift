/// A set of 1-based page numbers written like `1-3,5,8-` (an open range runs to the last page).
public struct PageSelection: Sendable, Hashable, CustomStringConvertible {
    private enum Part: Sendable, Hashable {
        case single(Int)
        case range(Int, Int?)
    }

    private let parts: [Part]
    private let text: String

    /// Every page.
    public static let all = PageSelection(parts: [.range(1, nil)], text: "all")

    private init(parts: [Part], text: String) {
        self.parts = parts
        self.text = text
    }

    /// Parses `1-3,5,8-`; throws an `ExtractError` with code `.invalidOption` on malformed text.
    public init(parsing text: String) throws {
        let trimmed = text.filter { !$0.isWhitespace }
        if trimmed.isEmpty || trimmed.lowercased() == "all" {
            self = .all
            return
        }
        var parts: [Part] = []
        for piece in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = piece.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            func number(_ text: Substring) throws -> Int {
                guard let value = Int(text), value >= 1 else {
                    throw ExtractError(
                        .invalidOption,
                        "invalid page selection '\(text)' in '\(trimmed)': use 1-based numbers like 1-3,5,8-"
                    )
                }
                return value
            }
            if bounds.count == 1 {
                parts.append(.single(try number(bounds[0])))
            } else {
                let low = try number(bounds[0])
                let high = bounds[1].isEmpty ? nil : try number(bounds[1])
                if let high, high < low {
                    throw ExtractError(.invalidOption, "invalid page range '\(piece)': the end comes before the start")
                }
                parts.append(.range(low, high))
            }
        }
        self.init(parts: parts, text: trimmed)
    }

    /// The selected pages that exist in a document of `pageCount` pages, sorted and without duplicates.
    public func pages(in pageCount: Int) -> [Int] {
        var selected = Set<Int>()
        for part in parts {
            switch part {
            case .single(let page) where page <= pageCount:
                selected.insert(page)
            case .range(let low, let high):
                let upper = min(high ?? pageCount, pageCount)
                if low <= upper { selected.formUnion(low...upper) }
            default:
                break
            }
        }
        return selected.sorted()
    }

    /// Pages named explicitly that a document of `pageCount` pages does not have.
    public func missingPages(in pageCount: Int) -> [Int] {
        parts.compactMap { part in
            switch part {
            case .single(let page): page > pageCount ? page : nil
            case .range(let low, _): low > pageCount ? low : nil
            }
        }
    }

    public var description: String { text }
}
