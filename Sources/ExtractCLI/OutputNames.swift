/// The names `extract A.pdf B.pdf … --out-dir DIR` gives each document's outputs: `<stem>.json` and
/// `<stem>.report.json`, the stem taken from the input's file name.
///
/// The stem is the input's last path component without its extension, made safe to use as one file name:
/// control characters (newlines, tabs, escapes) and Unicode direction overrides become `_`, a leading `-` or
/// `.` becomes `_` (so no output is hidden, named `.` or `..`, or read as an option by another tool), an
/// empty stem becomes `document`, and a stem longer than 200 bytes of UTF-8 is cut. Spaces and other Unicode
/// characters are kept. A stem is never a path: whatever the input's folder (`..`, absolute, elsewhere),
/// the outputs land directly in DIR.
///
/// Within one run no two documents share a name: inputs are named in command-line order, and one whose stem
/// (or whose report name) is already taken gets `-2`, `-3` … (`x/a.pdf` → `a.json`, then `y/a.pdf` →
/// `a-2.json`), as the watch folder does. Names depend only on the command line, never on which documents
/// failed, so re-running the same batch rewrites the same files.
struct OutputNames {
    /// One stem per input, in the order given.
    let stems: [String]

    /// The longest stem, in UTF-8 bytes: `<stem>-NNNN.report.json` stays well inside NAME_MAX (255).
    static let maximumStemBytes = 200

    /// Names the outputs of `inputs`, in order.
    init(inputs: [String]) {
        var taken: Set<String> = []
        var stems: [String] = []
        for input in inputs {
            let base = Self.stem(for: input)
            var stem = base
            var counter = 1
            while taken.contains(stem + ".json") || taken.contains(stem + ".report.json") {
                counter += 1
                stem = "\(base)-\(counter)"
            }
            taken.insert(stem + ".json")
            taken.insert(stem + ".report.json")
            stems.append(stem)
        }
        self.stems = stems
    }

    /// The data file of input `index`.
    func dataName(_ index: Int) -> String { stems[index] + ".json" }

    /// The report file of input `index`.
    func reportName(_ index: Int) -> String { stems[index] + ".report.json" }

    /// The safe stem of one input path (before collisions are resolved).
    static func stem(for input: String) -> String {
        let base = input.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? ""
        var stem = Substring(base)
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = stem[..<dot] }
        var scalars = String.UnicodeScalarView()
        var leading = true
        for scalar in stem.unicodeScalars {
            if isUnsafe(scalar) || (leading && (scalar == "-" || scalar == ".")) {
                scalars.append("_")
            } else {
                scalars.append(scalar)
                leading = false
            }
        }
        var safe = String(scalars)
        if safe.isEmpty { safe = "document" }
        while safe.utf8.count > maximumStemBytes { safe.removeLast() }
        return safe
    }

    /// Characters that make a name hard to see or to type: control characters and direction overrides.
    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.generalCategory == .control { return true }
        switch scalar.value {
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
