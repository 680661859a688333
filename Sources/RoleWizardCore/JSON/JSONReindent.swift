extension JSONWriter {
    /// Lays out already-valid JSON text the way `pretty` does, without building a `JSONValue`.
    ///
    /// The wizard shows a catalog policy's document on every key that changes the selected
    /// match; parsing it (Yams, then the policy grammar) costs about a millisecond, this a few
    /// microseconds. The input must be JSON that is known to be valid (the catalog's compact
    /// documents, written by Python's `json.dumps`); escapes are rewritten to `pretty`'s forms
    /// (`\b` and `\f` as `\u0008` and `\u000c`, backticks and U+2028/U+2029 escaped), so the
    /// result equals `pretty` of the parsed value. Returns nil when brackets do not balance.
    public static func reindent(_ json: ArraySlice<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(json.count * 2)
        var depth = 0
        var inString = false
        var index = json.startIndex

        func newline() {
            out.append(UInt8(ascii: "\n"))
            for _ in 0..<depth { out.append(UInt8(ascii: " ")); out.append(UInt8(ascii: " ")) }
        }
        func append(_ text: StaticString) {
            text.withUTF8Buffer { out.append(contentsOf: $0) }
        }
        /// The next byte that is not JSON whitespace, from `position` on.
        func nextSignificant(after position: Int) -> UInt8? {
            var position = position
            while position != json.endIndex {
                let byte = json[position]
                if !isWhitespace(byte) { return byte }
                position = json.index(after: position)
            }
            return nil
        }

        while index != json.endIndex {
            let byte = json[index]
            let next = json.index(after: index)
            if inString {
                switch byte {
                case UInt8(ascii: "\""):
                    inString = false
                    out.append(byte)
                case UInt8(ascii: "\\"):
                    guard next != json.endIndex else { return nil }
                    switch json[next] {
                    case UInt8(ascii: "b"): append("\\u0008")
                    case UInt8(ascii: "f"): append("\\u000c")
                    case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
                    default: out.append(byte); out.append(json[next])
                    }
                    index = json.index(after: next)
                    continue
                case UInt8(ascii: "`"): append("\\u0060")
                case 0x7F: append("\\u007f")
                case 0xE2:
                    // U+2028 and U+2029 (E2 80 A8 / E2 80 A9) are escaped by `pretty`.
                    let second = next == json.endIndex ? nil : json.index(after: next)
                    if let second, second != json.endIndex, json[next] == 0x80,
                       json[second] == 0xA8 || json[second] == 0xA9 {
                        append(json[second] == 0xA8 ? "\\u2028" : "\\u2029")
                        index = json.index(after: second)
                        continue
                    }
                    out.append(byte)
                default: out.append(byte)
                }
                index = next
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                out.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                out.append(byte)
                if nextSignificant(after: next) == close {
                    // An empty object or array stays on one line: skip to its closing bracket.
                    var position = next
                    while json[position] != close { position = json.index(after: position) }
                    out.append(close)
                    index = json.index(after: position)
                    continue
                }
                depth += 1
                newline()
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                guard depth >= 0 else { return nil }
                newline()
                out.append(byte)
            case UInt8(ascii: ","):
                out.append(byte)
                newline()
            case UInt8(ascii: ":"):
                append(": ")
            default:
                if !isWhitespace(byte) { out.append(byte) }
            }
            index = next
        }
        guard depth == 0, !inString else { return nil }
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
