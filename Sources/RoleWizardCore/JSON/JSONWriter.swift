/// Writes `JSONValue`s as text: pretty (2-space indent, one member per line) or compact.
///
/// Backticks are written as `\u0060`. That is the same JSON, and it lets the generated shell
/// scripts put any document inside a JMESPath literal (which is delimited by backticks)
/// without a second layer of escaping.
///
/// The text is built as UTF-8 bytes and decoded once: `lint --format json` writes thousands of
/// findings, and appending to a `String` piece by piece costs several times more.
public enum JSONWriter {
    public static func pretty(_ value: JSONValue) -> String {
        String(decoding: prettyBytes(value), as: UTF8.self)
    }

    /// `pretty`'s text as UTF-8 bytes.
    public static func prettyBytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, into: &out, indent: 0, pretty: true)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    public static func compact(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        write(value, into: &out, indent: 0, pretty: false)
        return String(decoding: out, as: UTF8.self)
    }

    public static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        writeString(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The pieces below are internal for writers that lay out a large document as `pretty` does
    /// without building its tree (`FindingsRenderer`'s thousands of findings).
    static func write(_ value: JSONValue, into out: inout [UInt8], indent: Int, pretty: Bool) {
        switch value {
        case let .string(text): writeString(text, into: &out)
        case let .number(text): out.append(contentsOf: text.utf8)
        case let .bool(flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case let .array(items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(into: &out, indent: indent + 1, pretty: pretty)
                write(item, into: &out, indent: indent + 1, pretty: pretty)
            }
            newline(into: &out, indent: indent, pretty: pretty)
            out.append(UInt8(ascii: "]"))
        case let .object(members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(into: &out, indent: indent + 1, pretty: pretty)
                writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                write(member.value, into: &out, indent: indent + 1, pretty: pretty)
            }
            newline(into: &out, indent: indent, pretty: pretty)
            out.append(UInt8(ascii: "}"))
        }
    }

    static func newline(into out: inout [UInt8], indent: Int, pretty: Bool = true) {
        guard pretty else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        writeEscapedContent(text, into: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// A string's JSON form without its quotes.
    static func writeEscapedContent(_ text: String, into out: inout [UInt8]) {
        // Runs of bytes that need no escape are copied at once. Every byte of a character
        // beyond ASCII is written as it is, but for U+2028 and U+2029 (E2 80 A8, E2 80 A9),
        // which JSON allows raw and JavaScript does not.
        func writeEscaping(_ bytes: UnsafeBufferPointer<UInt8>) {
            isPlain.withUnsafeBufferPointer { isPlain in
                var run = 0, index = 0
                while index < bytes.count {
                    // Eight plain bytes at a time (a lint report writes megabytes of messages).
                    if index + 8 <= bytes.count, WordBytes.isPlainJSONText(UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: index, as: UInt64.self), from: 0x20) {
                        index += 8
                        continue
                    }
                    let byte = bytes[index]
                    if isPlain[Int(byte)] {
                        index += 1
                        continue
                    }
                    if byte >= 0x80 {
                        guard byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                              bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else {
                            index += 1
                            continue
                        }
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                        writeEscaped(bytes[index + 2] == 0xA8 ? "\u{2028}" : "\u{2029}", into: &out)
                        index += 3
                        run = index
                        continue
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                    writeEscaped(Unicode.Scalar(byte), into: &out)
                    index += 1
                    run = index
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            }
        }
        if text.utf8.withContiguousStorageIfAvailable(writeEscaping) == nil {
            var copy = text
            copy.withUTF8(writeEscaping)
        }
    }

    /// A non-negative integer's digits (a JSON number as `String(value)` writes it).
    static func writeDigits(_ value: Int, into out: inout [UInt8]) {
        guard value >= 10 || value < 0 else { out.append(UInt8(ascii: "0") + UInt8(value)); return }
        out.append(contentsOf: String(value).utf8)
    }

    /// The ASCII bytes that `writeEscaped` writes as they are.
    private static let isPlain: [Bool] = (0...255).map { byte in
        byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "`")
    }

    private static func writeEscaped(_ scalar: Unicode.Scalar, into out: inout [UInt8]) {
        switch scalar {
        case "\"": out.append(contentsOf: #"\""#.utf8)
        case "\\": out.append(contentsOf: #"\\"#.utf8)
        case "\n": out.append(contentsOf: #"\n"#.utf8)
        case "\r": out.append(contentsOf: #"\r"#.utf8)
        case "\t": out.append(contentsOf: #"\t"#.utf8)
        case "`": out.append(contentsOf: #"\u0060"#.utf8)
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                let hex = String(scalar.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            } else if scalar.isASCII {
                out.append(UInt8(scalar.value))
            } else {
                UTF8.encode(scalar) { out.append($0) }
            }
        }
    }
}
