import Foundation

/// Checks strings against the `format` values JSON Schema 2020-12 defines.
///
/// Supported: `date`, `time`, `date-time` (RFC 3339, leap seconds only at 23:59:60 UTC), `duration`
/// (RFC 3339 appendix A), `email`/`idn-email` (RFC 5321 mailbox, address literals allowed), `hostname`/
/// `idn-hostname` (RFC 1123 labels; the IDN forms accept non-ASCII letters without full IDNA2008 checks),
/// `ipv4`, `ipv6`, `uri`, `uri-reference`, `iri`, `iri-reference` (RFC 3986/3987 syntax), `uuid`,
/// `json-pointer`, `relative-json-pointer`, `regex` (ECMA-262 as translated by ``ECMARegex``) and
/// `uri-template` (balanced expressions). Unknown formats always pass.
enum FormatChecker {
    /// Whether `format` is one this checker knows.
    static func isKnown(_ format: String) -> Bool {
        knownFormats.contains(format)
    }

    private static let knownFormats: Set<String> = [
        "date", "time", "date-time", "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6",
        "uri", "uri-reference", "iri", "iri-reference", "uuid", "json-pointer", "relative-json-pointer", "regex",
        "uri-template",
    ]

    /// Whether `value` conforms to `format`; unknown formats return `true`.
    static func check(_ format: String, _ value: String) -> Bool {
        switch format {
        case "date": return isDate(Array(value.utf8)[...])
        case "time": return isTime(Array(value.utf8)[...])
        case "date-time": return isDateTime(value)
        case "duration": return isDuration(value)
        case "email": return isEmail(value, international: false)
        case "idn-email": return isEmail(value, international: true)
        case "hostname": return isHostname(value, international: false)
        case "idn-hostname": return isHostname(value, international: true)
        case "ipv4": return isIPv4(Substring(value))
        case "ipv6": return isIPv6(value)
        case "uri": return isURI(value, requireScheme: true, international: false)
        case "uri-reference": return isURI(value, requireScheme: false, international: false)
        case "iri": return isURI(value, requireScheme: true, international: true)
        case "iri-reference": return isURI(value, requireScheme: false, international: true)
        case "uuid": return isUUID(value)
        case "json-pointer": return JSONPointer.tokens(value) != nil
        case "relative-json-pointer": return isRelativePointer(value)
        case "regex": return (try? ECMARegex(value)) != nil
        case "uri-template": return isURITemplate(value)
        default: return true
        }
    }

    // MARK: Dates and times

    private static func digits(_ bytes: ArraySlice<UInt8>, _ start: Int, _ count: Int) -> Int? {
        let base = bytes.startIndex + start
        guard base + count <= bytes.endIndex else { return nil }
        var value = 0
        for index in base..<(base + count) {
            let digit = bytes[index] &- 48
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    private static func byte(_ bytes: ArraySlice<UInt8>, _ offset: Int) -> UInt8? {
        let index = bytes.startIndex + offset
        return index < bytes.endIndex ? bytes[index] : nil
    }

    static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count == 10, byte(bytes, 4) == UInt8(ascii: "-"), byte(bytes, 7) == UInt8(ascii: "-"),
              let year = digits(bytes, 0, 4), let month = digits(bytes, 5, 2), let day = digits(bytes, 8, 2),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    static func isTime(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 9, byte(bytes, 2) == UInt8(ascii: ":"), byte(bytes, 5) == UInt8(ascii: ":"),
              let hour = digits(bytes, 0, 2), let minute = digits(bytes, 3, 2), let second = digits(bytes, 6, 2),
              hour <= 23, minute <= 59, second <= 60 else { return false }
        var offset = 8
        if byte(bytes, offset) == UInt8(ascii: ".") {
            offset += 1
            let start = offset
            while let next = byte(bytes, offset), next &- 48 < 10 { offset += 1 }
            guard offset > start else { return false }
        }
        guard let zone = byte(bytes, offset) else { return false }
        var offsetMinutes = 0
        if zone == UInt8(ascii: "Z") || zone == UInt8(ascii: "z") {
            guard bytes.count == offset + 1 else { return false }
        } else if zone == UInt8(ascii: "+") || zone == UInt8(ascii: "-") {
            guard bytes.count == offset + 6, byte(bytes, offset + 3) == UInt8(ascii: ":"),
                  let zoneHour = digits(bytes, offset + 1, 2), let zoneMinute = digits(bytes, offset + 4, 2),
                  zoneHour <= 23, zoneMinute <= 59 else { return false }
            offsetMinutes = (zoneHour * 60 + zoneMinute) * (zone == UInt8(ascii: "+") ? 1 : -1)
        } else {
            return false
        }
        if second == 60 {
            // A leap second is only valid at 23:59:60 UTC.
            let utcMinutes = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utcMinutes == 23 * 60 + 59
        }
        return true
    }

    static func isDateTime(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count > 11, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") else { return false }
        return isDate(bytes[0..<10]) && isTime(bytes[11...])
    }

    /// RFC 3339 appendix A: `P` then weeks alone, or date units then `T` and time units, each list a contiguous
    /// run of `Y M D` / `H M S` in order (`P1Y2D` and `PT1H2S` are invalid).
    static func isDuration(_ value: String) -> Bool {
        var characters = Substring(value)
        guard characters.first == "P" else { return false }
        characters = characters.dropFirst()
        guard !characters.isEmpty else { return false }
        let parts = characters.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let datePart = parts[0]
        let timePart = parts.count > 1 ? parts[1] : nil
        if let timePart, timePart.isEmpty { return false }
        func units(_ text: Substring, order: [Character]) -> Bool {
            var lastUsed: Int?
            var number = ""
            for character in text {
                if character.isASCII, character.isNumber {
                    number.append(character)
                    continue
                }
                guard !number.isEmpty, let position = order.firstIndex(of: character) else { return false }
                if let lastUsed, position != lastUsed + 1 { return false }
                lastUsed = position
                number = ""
            }
            return number.isEmpty
        }
        if datePart.contains("W") {
            return timePart == nil && units(datePart, order: ["W"])
        }
        guard units(datePart, order: ["Y", "M", "D"]) else { return false }
        if let timePart { return units(timePart, order: ["H", "M", "S"]) }
        return !datePart.isEmpty
    }

    // MARK: Network names

    static func isIPv4(_ value: Substring) -> Bool {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  part == "0" || !part.hasPrefix("0"), let number = Int(part), number <= 255 else { return false }
        }
        return true
    }

    static func isIPv6(_ value: String) -> Bool {
        guard !value.isEmpty, value.allSatisfy({ $0.isASCII && ($0.isHexDigit || $0 == ":" || $0 == ".") }) else {
            return false
        }
        var text = Substring(value)
        var groupsNeeded = 8
        if let lastColon = text.lastIndex(of: ":"), text[lastColon...].contains(".") {
            guard isIPv4(text[text.index(after: lastColon)...]) else { return false }
            groupsNeeded = 6
            text = text[...lastColon]
            if text.hasSuffix("::") {
                // keep the double colon intact
            } else {
                text = text.dropLast()
            }
        }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        func groups(_ half: String) -> Int? {
            if half.isEmpty { return 0 }
            let items = half.split(separator: ":", omittingEmptySubsequences: false)
            for item in items where item.isEmpty || item.count > 4 { return nil }
            return items.count
        }
        if halves.count == 1 {
            return groups(halves[0]) == groupsNeeded
        }
        guard let left = groups(halves[0]), let right = groups(halves[1]) else { return false }
        return left + right < groupsNeeded
    }

    /// RFC 1123 host names; A-labels (`xn--…`) must decode to valid IDNA2008 labels. With `international`,
    /// U-labels are accepted too and `。`, `．`, `｡` separate labels (RFC 3490 §3.1).
    static func isHostname(_ value: String, international: Bool) -> Bool {
        let separators: Set<Unicode.Scalar> = international ? [".", "\u{3002}", "\u{FF0E}", "\u{FF61}"] : ["."]
        var labels: [[Unicode.Scalar]] = [[]]
        for scalar in value.unicodeScalars {
            if separators.contains(scalar) {
                labels.append([])
            } else {
                labels[labels.count - 1].append(scalar)
            }
        }
        var totalLength = labels.count - 1
        var decodedLabels: [[Unicode.Scalar]] = []
        for label in labels {
            guard !label.isEmpty else { return false }
            if label.allSatisfy(\.isASCII) {
                guard label.count <= 63, label.first != "-", label.last != "-" else { return false }
                for scalar in label {
                    let character = Character(scalar)
                    guard character.isLetter || character.isNumber || scalar == "-" else { return false }
                }
                totalLength += label.count
                if label.count >= 4, label[2] == "-", label[3] == "-" {
                    // Reserved for A-labels: "xn--" followed by valid, canonical Punycode of a valid U-label.
                    let text = String(String.UnicodeScalarView(label))
                    guard text.lowercased().hasPrefix("xn--"),
                          let decoded = IDNA.decodePunycode(text.dropFirst(4)),
                          !decoded.allSatisfy(\.isASCII),
                          IDNA.encodePunycode(decoded).lowercased() == text.dropFirst(4).lowercased(),
                          IDNA.isValidULabel(decoded) else { return false }
                    decodedLabels.append(decoded)
                } else {
                    decodedLabels.append(label)
                }
            } else {
                guard international, IDNA.isValidULabel(label) else { return false }
                let encodedLength = 4 + IDNA.encodePunycode(label).utf8.count
                guard encodedLength <= 63 else { return false }
                totalLength += encodedLength
                decodedLabels.append(label)
            }
        }
        guard totalLength <= 253 else { return false }
        if IDNA.isBidiDomain(decodedLabels) {
            return decodedLabels.allSatisfy(IDNA.satisfiesBidiRule)
        }
        return true
    }

    static func isEmail(_ value: String, international: Bool) -> Bool {
        guard let at = value.lastIndex(of: "@") else { return false }
        let local = value[..<at]
        let domain = value[value.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty, local.utf8.count <= 64 else { return false }
        if local.hasPrefix("\"") {
            guard local.count >= 2, local.hasSuffix("\"") else { return false }
        } else {
            guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
            let allowed = Set("!#$%&'*+-/=?^_`{|}~.")
            for character in local {
                if character.isASCII {
                    guard character.isLetter || character.isNumber || allowed.contains(character) else { return false }
                } else if !international {
                    return false
                }
            }
        }
        if domain.hasPrefix("[") {
            guard domain.hasSuffix("]") else { return false }
            let literal = domain.dropFirst().dropLast()
            if literal.hasPrefix("IPv6:") { return isIPv6(String(literal.dropFirst(5))) }
            return isIPv4(literal)
        }
        return isHostname(String(domain), international: international)
    }

    // MARK: URIs and identifiers

    private static let unreserved = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".unicodeScalars
    )
    private static let subDelimiters = Set("!$&'()*+,;=".unicodeScalars)

    private static func isValidPart(_ text: Substring, extra: String, international: Bool) -> Bool {
        let extraSet = Set(extra.unicodeScalars)
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "%" {
                guard index + 2 < scalars.count, scalars[index + 1].properties.isASCIIHexDigit,
                      scalars[index + 2].properties.isASCIIHexDigit else { return false }
                index += 3
                continue
            }
            let allowed = unreserved.contains(scalar) || subDelimiters.contains(scalar) || extraSet.contains(scalar)
                || (international && scalar.value >= 0xA0 && !scalar.properties.isWhitespace)
            guard allowed else { return false }
            index += 1
        }
        return true
    }

    static func isURI(_ value: String, requireScheme: Bool, international: Bool) -> Bool {
        let reference = URIReference(value)
        if reference.scheme == nil {
            if requireScheme { return false }
            // A relative reference's first segment must not contain ':'.
            if let firstSegment = reference.path.split(separator: "/", omittingEmptySubsequences: false).first,
               firstSegment.contains(":") { return false }
        }
        if let authority = reference.authority {
            var hostPort = Substring(authority)
            if let at = hostPort.lastIndex(of: "@") {
                guard isValidPart(hostPort[..<at], extra: ":", international: international) else { return false }
                hostPort = hostPort[hostPort.index(after: at)...]
            }
            if hostPort.hasPrefix("[") {
                guard let close = hostPort.firstIndex(of: "]") else { return false }
                let literal = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
                guard isIPv6(String(literal)) || literal.lowercased().hasPrefix("v") else { return false }
                hostPort = hostPort[hostPort.index(after: close)...]
                if !hostPort.isEmpty {
                    guard hostPort.hasPrefix(":"), hostPort.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else {
                        return false
                    }
                }
            } else {
                var host = hostPort
                if let colon = hostPort.lastIndex(of: ":") {
                    let port = hostPort[hostPort.index(after: colon)...]
                    guard port.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
                    host = hostPort[..<colon]
                }
                guard isValidPart(host, extra: "", international: international) else { return false }
            }
        }
        guard isValidPart(Substring(reference.path), extra: ":@/", international: international) else { return false }
        if let query = reference.query, !isValidPart(Substring(query), extra: ":@/?", international: international) {
            return false
        }
        if let fragment = reference.fragment,
           !isValidPart(Substring(fragment), extra: ":@/?", international: international) {
            return false
        }
        return true
    }

    static func isUUID(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard Character(Unicode.Scalar(byte)).isHexDigit else { return false }
            }
        }
        return true
    }

    static func isRelativePointer(_ value: String) -> Bool {
        let digitsPrefix = value.prefix { $0.isASCII && $0.isNumber }
        guard !digitsPrefix.isEmpty, digitsPrefix == "0" || !digitsPrefix.hasPrefix("0") else { return false }
        let rest = value.dropFirst(digitsPrefix.count)
        return rest == "#" || JSONPointer.tokens(String(rest)) != nil
    }

    /// RFC 6570 level 4 syntax: literals without spaces, controls, double quotes, angle brackets, backslash, caret,
    /// backtick, pipe or braces, `%` only as pct-encoding,
    /// and expressions `{op? varspec(,varspec)*}` with `varname(:1-9999 | *)?`.
    static func isURITemplate(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        var index = 0
        func isHex(_ offset: Int) -> Bool {
            offset < scalars.count && scalars[offset].properties.isASCIIHexDigit
        }
        let forbiddenLiterals: Set<Unicode.Scalar> = [" ", "\"", "<", ">", "\\", "^", "`", "|", "}"]
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "{" {
                guard let close = scalars[(index + 1)...].firstIndex(of: "}"),
                      isTemplateExpression(scalars[(index + 1)..<close]) else { return false }
                index = close + 1
                continue
            }
            if scalar == "%" {
                guard isHex(index + 1), isHex(index + 2) else { return false }
                index += 3
                continue
            }
            if scalar.value < 0x20 || scalar.value == 0x7F || forbiddenLiterals.contains(scalar) { return false }
            index += 1
        }
        return true
    }

    private static func isTemplateExpression(_ body: ArraySlice<Unicode.Scalar>) -> Bool {
        var body = body
        if let first = body.first, "+#./;?&".unicodeScalars.contains(first) { body = body.dropFirst() }
        guard !body.isEmpty else { return false }
        for varspec in body.split(separator: ",", omittingEmptySubsequences: false) {
            var name = varspec[...]
            if name.last == "*" {
                name = name.dropLast()
            } else if let colon = name.firstIndex(of: ":") {
                let length = name[(colon + 1)...]
                guard let first = length.first, first != "0", length.count <= 4,
                      length.allSatisfy({ $0.isASCII && $0.properties.numericType != nil }) else { return false }
                name = name[..<colon]
            }
            guard !name.isEmpty, name.first != ".", name.last != "." else { return false }
            var index = name.startIndex
            var previousDot = false
            while index < name.endIndex {
                let scalar = name[index]
                if scalar == "%" {
                    guard index + 2 < name.endIndex, name[index + 1].properties.isASCIIHexDigit,
                          name[index + 2].properties.isASCIIHexDigit else { return false }
                    index += 3
                    previousDot = false
                    continue
                }
                if scalar == "." {
                    if previousDot { return false }
                    previousDot = true
                } else {
                    guard scalar.isASCII, scalar == "_" || Character(scalar).isLetter || Character(scalar).isNumber
                    else { return false }
                    previousDot = false
                }
                index += 1
            }
        }
        return true
    }
}
