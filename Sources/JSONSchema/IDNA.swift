/// Internationalised host name rules for `format: hostname` and `idn-hostname`: Punycode (RFC 3492),
/// the IDNA2008 label rules (RFC 5891/5892, contextual rules included) and the Bidi rule (RFC 5893).
///
/// Unicode properties the standard library does not expose (scripts, bidirectional classes, joining types)
/// are approximated by code-point ranges of the scripts concerned (Greek, Hebrew, Arabic, Syriac, Thaana,
/// NKo, Hiragana, Katakana, Han); the derived IDNA property tables are approximated by general categories.
enum IDNA {
    // MARK: Punycode

    private static let base = 36
    private static let tMin = 1
    private static let tMax = 26
    private static let skew = 38
    private static let damp = 700
    private static let initialBias = 72
    private static let initialN = 128

    private static func adapt(_ delta: Int, _ count: Int, _ first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func threshold(_ k: Int, _ bias: Int) -> Int {
        k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
    }

    /// Decodes the part of an A-label after `xn--`, or returns `nil` when it is not valid Punycode.
    static func decodePunycode(_ input: Substring) -> [Unicode.Scalar]? {
        let bytes = Array(input.utf8)
        var output: [Unicode.Scalar] = []
        var position = 0
        if let delimiter = bytes.lastIndex(of: UInt8(ascii: "-")) {
            for byte in bytes[..<delimiter] {
                guard byte < 0x80 else { return nil }
                output.append(Unicode.Scalar(byte))
            }
            position = delimiter + 1
        }
        var n = initialN
        var i = 0
        var bias = initialBias
        while position < bytes.count {
            let oldI = i
            var weight = 1
            var k = base
            while true {
                guard position < bytes.count else { return nil }
                let byte = bytes[position]
                position += 1
                let digit: Int
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = Int(byte - UInt8(ascii: "a"))
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = Int(byte - UInt8(ascii: "A"))
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0")) + 26
                default: return nil
                }
                let (product, overflow) = digit.multipliedReportingOverflow(by: weight)
                guard !overflow, i <= Int(UInt32.max) else { return nil }
                i += product
                let t = threshold(k, bias)
                if digit < t { break }
                weight *= base - t
                guard weight <= Int(UInt32.max) else { return nil }
                k += base
            }
            bias = adapt(i - oldI, output.count + 1, oldI == 0)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard n <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(n)) else { return nil }
            output.insert(scalar, at: i)
            i += 1
        }
        return output
    }

    /// Encodes scalars as Punycode (without the `xn--` prefix).
    static func encodePunycode(_ input: [Unicode.Scalar]) -> String {
        var output = ""
        for scalar in input where scalar.isASCII { output.unicodeScalars.append(scalar) }
        let basicCount = output.unicodeScalars.count
        var handled = basicCount
        if basicCount > 0 { output += "-" }
        var n = initialN
        var delta = 0
        var bias = initialBias
        func digit(_ value: Int) -> Unicode.Scalar {
            Unicode.Scalar(UInt8(value < 26 ? value + 97 : value - 26 + 48))
        }
        while handled < input.count {
            let next = input.map { Int($0.value) }.filter { $0 >= n }.min() ?? n
            delta += (next - n) * (handled + 1)
            n = next
            for scalar in input {
                let value = Int(scalar.value)
                if value < n { delta += 1 }
                if value == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = threshold(k, bias)
                        if q < t { break }
                        output.unicodeScalars.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.unicodeScalars.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return output
    }

    // MARK: Labels

    private static func inRanges(_ value: UInt32, _ ranges: [ClosedRange<UInt32>]) -> Bool {
        ranges.contains { $0.contains(value) }
    }

    static func isGreek(_ scalar: Unicode.Scalar) -> Bool {
        inRanges(scalar.value, [0x0370...0x03FF, 0x1F00...0x1FFF])
    }

    static func isHebrew(_ scalar: Unicode.Scalar) -> Bool {
        inRanges(scalar.value, [0x0590...0x05FF, 0xFB1D...0xFB4F])
    }

    private static func isKanaOrHan(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value != 0x30FB && inRanges(scalar.value, [
            0x3040...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0x20000...0x2FA1F, 0x3005...0x3007,
        ])
    }

    private static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        inRanges(scalar.value, [0x0620...0x064A, 0x066E...0x06D3, 0x06FA...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF])
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static let disallowedExceptions: Set<UInt32> = [
        0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B,
    ]
    private static let validExceptions: Set<UInt32> = [0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007]

    /// Whether a label (as code points, after Punycode decoding) satisfies the IDNA2008 label rules.
    static func isValidULabel(_ label: [Unicode.Scalar]) -> Bool {
        guard let first = label.first, !isMark(first), first != "-", label.last != "-" else { return false }
        if label.count >= 4, label[2] == "-", label[3] == "-" { return false }
        let hasArabicIndic = label.contains { (0x0660...0x0669).contains($0.value) }
        let hasExtendedArabicIndic = label.contains { (0x06F0...0x06F9).contains($0.value) }
        if hasArabicIndic, hasExtendedArabicIndic { return false }
        for (index, scalar) in label.enumerated() {
            let previous = index > 0 ? label[index - 1] : nil
            let next = index + 1 < label.count ? label[index + 1] : nil
            let value = scalar.value
            if validExceptions.contains(value) { continue }
            if disallowedExceptions.contains(value) { return false }
            switch value {
            case 0x00B7:
                guard previous == "l", next == "l" else { return false }
            case 0x0375:
                guard let next, isGreek(next) else { return false }
            case 0x05F3, 0x05F4:
                guard let previous, isHebrew(previous) else { return false }
            case 0x30FB:
                guard label.contains(where: isKanaOrHan) else { return false }
            case 0x200D:
                guard let previous, previous.properties.canonicalCombiningClass == .virama else { return false }
            case 0x200C:
                if let previous, previous.properties.canonicalCombiningClass == .virama { continue }
                let before = label[..<index].last { !isMark($0) }
                let after = label[(index + 1)...].first { !isMark($0) }
                guard let before, let after, isArabicLetter(before), isArabicLetter(after) else { return false }
            default:
                if scalar.isASCII {
                    let character = Character(scalar)
                    guard character.isLetter || character.isNumber || scalar == "-" else { return false }
                    continue
                }
                switch scalar.properties.generalCategory {
                case .lowercaseLetter, .otherLetter, .modifierLetter, .nonspacingMark, .spacingMark, .decimalNumber:
                    continue
                default:
                    return false
                }
            }
        }
        return true
    }

    // MARK: Bidi rule

    private enum BidiClass {
        case left, right, arabicLetter, arabicNumber, europeanNumber, separator, nonspacingMark, other
    }

    private static func bidiClass(_ scalar: Unicode.Scalar) -> BidiClass {
        let value = scalar.value
        if (0x30...0x39).contains(value) || (0x06F0...0x06F9).contains(value) { return .europeanNumber }
        if (0x0660...0x0669).contains(value) || value == 0x066B || value == 0x066C { return .arabicNumber }
        if isMark(scalar), scalar.properties.generalCategory != .spacingMark { return .nonspacingMark }
        if value == 0x2D || value == 0x2B || value == 0x2C || value == 0x2E || value == 0x3A { return .separator }
        if value == 0x200C || value == 0x200D { return .other }
        if inRanges(value, [0x0590...0x05FF, 0x07C0...0x085F, 0xFB1D...0xFB4F]) { return .right }
        if inRanges(value, [0x0600...0x074F, 0x0750...0x07BF, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF]) {
            return .arabicLetter
        }
        return scalar.properties.isAlphabetic || isMark(scalar) ? .left : .other
    }

    /// Whether any label holds right-to-left characters, which makes the Bidi rule apply to every label.
    static func isBidiDomain(_ labels: [[Unicode.Scalar]]) -> Bool {
        labels.contains { label in
            label.contains { scalar in
                switch bidiClass(scalar) {
                case .right, .arabicLetter, .arabicNumber: return true
                default: return false
                }
            }
        }
    }

    /// The RFC 5893 Bidi rule for one label of a domain that contains right-to-left labels.
    static func satisfiesBidiRule(_ label: [Unicode.Scalar]) -> Bool {
        let classes = label.map(bidiClass)
        guard let first = classes.first else { return false }
        let last = classes.last { $0 != .nonspacingMark } ?? first
        switch first {
        case .right, .arabicLetter:
            guard !(classes.contains(.europeanNumber) && classes.contains(.arabicNumber)) else { return false }
            guard !classes.contains(.left) else { return false }
            return [.right, .arabicLetter, .europeanNumber, .arabicNumber].contains(last)
        case .left:
            guard !classes.contains(where: { [.right, .arabicLetter, .arabicNumber].contains($0) }) else {
                return false
            }
            return last == .left || last == .europeanNumber
        default:
            return false
        }
    }
}
