/// An object member name as a set or dictionary key, compared by Unicode code points.
///
/// Swift's `String ==` treats canonically equivalent strings (`"\u{e9}"`, `"e\u{301}"`) as equal; JSON member
/// names are different when their code points differ, so sets of names must not fold them together.
struct PropertyName: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (lhs: PropertyName, rhs: PropertyName) -> Bool {
        let left = lhs.text.utf8
        let right = rhs.text.utf8
        guard left.count == right.count else { return false }
        let fast = left.withContiguousStorageIfAvailable { leftBuffer in
            right.withContiguousStorageIfAvailable { rightBuffer in leftBuffer.elementsEqual(rightBuffer) }
        }
        if let fast, let result = fast { return result }
        return left.elementsEqual(right)
    }

    /// `String`'s hash: code-point-equal names are canonically equal too, so it is consistent with `==`.
    func hash(into hasher: inout Hasher) {
        hasher.combine(text)
    }
}
