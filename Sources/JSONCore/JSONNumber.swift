import Foundation

/// An exact decimal number as written in a JSON document.
///
/// The value is kept as `significand × 10^exponent` with every decimal digit of the source text, so
/// integers of any size stay exact and decimal fractions such as `0.0075` are not rounded to binary.
/// Equality and ordering are numeric: `1.0 == 1` and `1e2 == 100`.
///
/// Values with at most 18 significant digits use an inline 64-bit significand; longer values keep
/// their digits in a shared immutable buffer. Exponents are limited to ±1,000,000,000.
public struct JSONNumber: Sendable {
    /// Largest supported decimal exponent magnitude.
    static let exponentLimit = 1_000_000_000

    enum Storage: Sendable {
        /// `mantissa × 10^exponent`; the mantissa is not divisible by 10 unless it is 0 (then exponent is 0).
        case small(mantissa: Int64, exponent: Int32)
        /// More than 18 significant digits.
        case big(BigDecimal)
    }

    let storage: Storage

    init(storage: Storage) {
        self.storage = storage
    }

    /// Creates the number that equals `value` exactly.
    public init(_ value: Int) {
        self.init(normalizing: Int64(value), exponent: 0)
    }

    /// Creates a number from a finite `Double`, using its shortest round-tripping decimal form.
    ///
    /// `JSONNumber(0.1)` is exactly one tenth. JSON has no NaN or infinity: a non-finite value traps;
    /// check `value.isFinite` first, or use ``init(exactly:)``.
    public init(_ value: Double) {
        guard let number = JSONNumber(exactly: value) else {
            preconditionFailure("JSONNumber(\(value)): JSON numbers must be finite; check isFinite first")
        }
        self = number
    }

    /// Creates a number from a `Double`'s shortest decimal form, or `nil` when it is NaN or infinite.
    public init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 9.0e15 {
            self.init(normalizing: Int64(value), exponent: 0)
            return
        }
        let text = "\(value)"
        guard let number = JSONNumber.decode(Array(text.utf8), strict: false) else { return nil }
        self = number
    }

    /// Parses a number written in JSON syntax (RFC 8259: `-?int frac? exp?`), or returns `nil` when `text`
    /// is not such a number. Leading `+`, leading zeros, `.5`, `5.`, `NaN` and surrounding spaces are rejected.
    public init?(literal text: String) {
        guard let number = JSONNumber.decode(Array(text.utf8), strict: true) else { return nil }
        self = number
    }

    /// Builds a normalised small number from `mantissa × 10^exponent`.
    init(normalizing mantissa: Int64, exponent: Int) {
        var mantissa = mantissa
        var exponent = exponent
        if mantissa == 0 {
            self.storage = .small(mantissa: 0, exponent: 0)
            return
        }
        while mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
        self.storage = .small(mantissa: mantissa, exponent: Int32(clamping: exponent))
    }

    /// Builds a normalised number from decimal digit values (0...9), most significant first.
    init(negative: Bool, digits: [UInt8], exponent: Int) {
        var slice = digits.drop { $0 == 0 }
        var exponent = exponent
        while let last = slice.last, last == 0 {
            slice = slice.dropLast()
            exponent += 1
        }
        if slice.isEmpty {
            self.storage = .small(mantissa: 0, exponent: 0)
        } else if slice.count <= 18 {
            var value: Int64 = 0
            for digit in slice { value = value * 10 + Int64(digit) }
            self.storage = .small(mantissa: negative ? -value : value, exponent: Int32(clamping: exponent))
        } else {
            self.storage = .big(BigDecimal(negative: negative, digits: Array(slice), exponent: exponent))
        }
    }

    // MARK: Decoding text

    /// Decodes number text. `strict` applies JSON grammar; otherwise `+`, `.5` and `5.` forms are accepted.
    static func decode(_ bytes: [UInt8], strict: Bool) -> JSONNumber? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let (number, end) = scan(buffer, from: 0, strict: strict), end == buffer.count else { return nil }
            return number
        }
    }

    /// Scans a number starting at `start`; returns the number and the index after it, or `nil` on bad syntax.
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, strict: Bool
    ) -> (JSONNumber, Int)? {
        var index = start
        let count = bytes.count
        var negative = false
        if index < count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        } else if !strict, index < count, bytes[index] == UInt8(ascii: "+") {
            index += 1
        }
        let intStart = index
        while index < count, bytes[index] &- 48 < 10 { index += 1 }
        let intEnd = index
        if strict {
            if intEnd == intStart { return nil }
            if intEnd - intStart > 1, bytes[intStart] == UInt8(ascii: "0") { return nil }
        }
        var fracStart = index
        var fracEnd = index
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fracStart = index
            while index < count, bytes[index] &- 48 < 10 { index += 1 }
            fracEnd = index
            if strict, fracEnd == fracStart { return nil }
        }
        if intEnd == intStart, fracEnd == fracStart { return nil }
        var exponent = 0
        if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var expNegative = false
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                expNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let expStart = index
            while index < count, bytes[index] &- 48 < 10 {
                if exponent <= exponentLimit { exponent = exponent * 10 + Int(bytes[index] &- 48) }
                index += 1
            }
            if index == expStart { return nil }
            if exponent > exponentLimit { return nil }
            if expNegative { exponent = -exponent }
        }
        exponent -= fracEnd - fracStart
        // Fast path: up to 18 digits in total.
        let digitCount = (intEnd - intStart) + (fracEnd - fracStart)
        if digitCount <= 18 {
            var mantissa: Int64 = 0
            for position in intStart..<intEnd { mantissa = mantissa &* 10 &+ Int64(bytes[position] &- 48) }
            for position in fracStart..<fracEnd { mantissa = mantissa &* 10 &+ Int64(bytes[position] &- 48) }
            let number = JSONNumber(normalizing: negative ? -mantissa : mantissa, exponent: exponent)
            guard number.fitsExponentLimit else { return nil }
            return (number, index)
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(digitCount)
        for position in intStart..<intEnd { digits.append(bytes[position] &- 48) }
        for position in fracStart..<fracEnd { digits.append(bytes[position] &- 48) }
        let number = JSONNumber(negative: negative, digits: digits, exponent: exponent)
        guard number.fitsExponentLimit else { return nil }
        return (number, index)
    }

    private var fitsExponentLimit: Bool {
        switch storage {
        case .small(_, let exponent): return abs(Int(exponent)) <= JSONNumber.exponentLimit
        case .big(let big): return abs(big.exponent) <= JSONNumber.exponentLimit
        }
    }

    // MARK: Views

    /// Sign, digit values (most significant first, no leading or trailing zeros) and exponent.
    var decimal: (negative: Bool, digits: [UInt8], exponent: Int) {
        switch storage {
        case .big(let big):
            return (big.negative, big.digits, big.exponent)
        case .small(let mantissa, let exponent):
            if mantissa == 0 { return (false, [], 0) }
            var magnitude = mantissa.magnitude
            var digits: [UInt8] = []
            while magnitude > 0 {
                digits.append(UInt8(magnitude % 10))
                magnitude /= 10
            }
            return (mantissa < 0, digits.reversed(), Int(exponent))
        }
    }

    /// -1, 0 or 1.
    public var signum: Int {
        switch storage {
        case .small(let mantissa, _): return Int(mantissa.signum())
        case .big(let big): return big.negative ? -1 : 1
        }
    }

    /// Whether the value has no fractional part (`1.0` and `1e3` are integers).
    public var isInteger: Bool {
        switch storage {
        case .small(_, let exponent): return exponent >= 0
        case .big(let big): return big.exponent >= 0
        }
    }

    /// The value as `Int` when it is an integer that fits, otherwise `nil`.
    public var intValue: Int? {
        guard case .small(let mantissa, let exponent) = storage, exponent >= 0 else { return nil }
        var value = mantissa
        for _ in 0..<Int(exponent) {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = product
        }
        return Int(exactly: value)
    }

    /// The nearest `Double` (correctly rounded); values beyond its range become ±infinity.
    public var doubleValue: Double {
        if case .small(let mantissa, let exponent) = storage, mantissa.magnitude < (1 << 53) {
            if exponent == 0 { return Double(mantissa) }
            if exponent > 0, exponent <= 22 { return Double(mantissa) * JSONNumber.powersOfTen[Int(exponent)] }
            if exponent < 0, exponent >= -22 { return Double(mantissa) / JSONNumber.powersOfTen[Int(-exponent)] }
        }
        return Double(scientificText) ?? (signum < 0 ? -.infinity : .infinity)
    }

    private static let powersOfTen: [Double] = (0...22).map { power in
        var value = 1.0
        for _ in 0..<power { value *= 10 }
        return value
    }

    /// `d.ddde±x` text that `Double(_:)` reads.
    private var scientificText: String {
        let (negative, digits, exponent) = decimal
        if digits.isEmpty { return "0" }
        var text = negative ? "-" : ""
        text.unicodeScalars.append(Unicode.Scalar(digits[0] + 48))
        if digits.count > 1 {
            text += "."
            for digit in digits.dropFirst() { text.unicodeScalars.append(Unicode.Scalar(digit + 48)) }
        }
        return text + "e\(exponent + digits.count - 1)"
    }
}

/// Digits of a number with more than 18 significant digits. Immutable, so sharing is safe.
final class BigDecimal: Sendable {
    let negative: Bool
    /// Digit values 0...9, most significant first; no leading or trailing zeros.
    let digits: [UInt8]
    let exponent: Int

    init(negative: Bool, digits: [UInt8], exponent: Int) {
        self.negative = negative
        self.digits = digits
        self.exponent = exponent
    }
}

// MARK: - Equality, hashing, ordering

extension JSONNumber: Hashable {
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case let (.small(leftMantissa, leftExponent), .small(rightMantissa, rightExponent)):
            return leftMantissa == rightMantissa && leftExponent == rightExponent
        case let (.big(left), .big(right)):
            return left.negative == right.negative && left.exponent == right.exponent && left.digits == right.digits
        default:
            return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch storage {
        case let .small(mantissa, exponent):
            hasher.combine(mantissa)
            hasher.combine(exponent)
        case let .big(big):
            hasher.combine(big.negative)
            hasher.combine(big.digits)
            hasher.combine(big.exponent)
        }
    }
}

extension JSONNumber: Comparable {
    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// Three-way numeric comparison: negative, zero or positive.
    static func compare(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Int {
        if case let .small(leftMantissa, leftExponent) = lhs.storage,
           case let .small(rightMantissa, rightExponent) = rhs.storage {
            if leftExponent == rightExponent {
                return leftMantissa < rightMantissa ? -1 : (leftMantissa == rightMantissa ? 0 : 1)
            }
            if leftMantissa == 0 || rightMantissa == 0 || (leftMantissa < 0) != (rightMantissa < 0) {
                return leftMantissa.signum() < rightMantissa.signum() ? -1 : 1
            }
        }
        let leftSign = lhs.signum
        let rightSign = rhs.signum
        if leftSign != rightSign { return leftSign < rightSign ? -1 : 1 }
        if leftSign == 0 { return 0 }
        let magnitude = compareMagnitude(lhs.decimal, rhs.decimal)
        return leftSign < 0 ? -magnitude : magnitude
    }

    private static func compareMagnitude(
        _ lhs: (negative: Bool, digits: [UInt8], exponent: Int),
        _ rhs: (negative: Bool, digits: [UInt8], exponent: Int)
    ) -> Int {
        let leftTop = lhs.digits.count + lhs.exponent
        let rightTop = rhs.digits.count + rhs.exponent
        if leftTop != rightTop { return leftTop < rightTop ? -1 : 1 }
        let length = max(lhs.digits.count, rhs.digits.count)
        for index in 0..<length {
            let left = index < lhs.digits.count ? lhs.digits[index] : 0
            let right = index < rhs.digits.count ? rhs.digits[index] : 0
            if left != right { return left < right ? -1 : 1 }
        }
        return 0
    }
}

// MARK: - Divisibility

extension JSONNumber {
    /// Whether `self / divisor` is an integer, computed exactly (`0.0075` is a multiple of `0.0001`).
    ///
    /// Exact for any dividend when the divisor has at most 18 significant digits; for longer divisors the
    /// check falls back to `Double` arithmetic. A zero divisor returns `false`.
    public func isMultiple(of divisor: JSONNumber) -> Bool {
        if signum == 0 { return true }
        let (_, divisorDigits, divisorExponent) = divisor.decimal
        if divisorDigits.isEmpty { return false }
        guard divisorDigits.count <= 18 else {
            let quotient = doubleValue / divisor.doubleValue
            return quotient.isFinite && quotient == quotient.rounded()
        }
        var modulus: UInt64 = 0
        for digit in divisorDigits { modulus = modulus * 10 + UInt64(digit) }
        let (_, digits, exponent) = decimal
        // self = D × 10^e, divisor = m × 10^f (D and m not divisible by 10).
        // If e < f, the quotient needs D divisible by 10, impossible; otherwise test D × 10^(e-f) mod m.
        if exponent < divisorExponent { return false }
        if modulus == 1 { return true }
        var remainder: UInt64 = 0
        for digit in digits { remainder = (remainder * 10 + UInt64(digit)) % modulus }
        let power = JSONNumber.powerMod(10, UInt64(exponent - divisorExponent), modulus)
        return JSONNumber.mulMod(remainder, power, modulus) == 0
    }

    private static func mulMod(_ left: UInt64, _ right: UInt64, _ modulus: UInt64) -> UInt64 {
        let product = left.multipliedFullWidth(by: right)
        return modulus.dividingFullWidth((product.high % modulus, product.low)).remainder
    }

    private static func powerMod(_ base: UInt64, _ exponent: UInt64, _ modulus: UInt64) -> UInt64 {
        var result: UInt64 = 1 % modulus
        var base = base % modulus
        var exponent = exponent
        while exponent > 0 {
            if exponent & 1 == 1 { result = mulMod(result, base, modulus) }
            base = mulMod(base, base, modulus)
            exponent >>= 1
        }
        return result
    }
}

// MARK: - Text

extension JSONNumber: CustomStringConvertible {
    /// Canonical JSON text: integers without a fraction (`1.0` prints `1`), plain decimals for moderate
    /// exponents (`0.0075`), and `1.5e+300` style otherwise.
    public var description: String {
        if case .small(let mantissa, let exponent) = storage, exponent == 0 { return String(mantissa) }
        let (negative, digits, exponent) = decimal
        var bytes: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        let top = digits.count + exponent
        if exponent >= 0, exponent <= 21 {
            bytes += digits.map { $0 + 48 }
            bytes += repeatElement(UInt8(ascii: "0"), count: exponent)
        } else if exponent < 0, top > 0 {
            bytes += digits[..<top].map { $0 + 48 }
            bytes.append(UInt8(ascii: "."))
            bytes += digits[top...].map { $0 + 48 }
        } else if exponent < 0, top > -6 {
            bytes += [UInt8(ascii: "0"), UInt8(ascii: ".")]
            bytes += repeatElement(UInt8(ascii: "0"), count: -top)
            bytes += digits.map { $0 + 48 }
        } else {
            bytes.append(digits[0] + 48)
            if digits.count > 1 {
                bytes.append(UInt8(ascii: "."))
                bytes += digits.dropFirst().map { $0 + 48 }
            }
            let power = top - 1
            bytes += Array((power < 0 ? "e-\(-power)" : "e+\(power)").utf8)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
