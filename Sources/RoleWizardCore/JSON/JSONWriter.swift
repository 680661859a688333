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
        out.append(addingCapacity: escapedCapacity(text.utf8.count)) { $0.appendEscaped(text) }
    }

    /// The most bytes a string of `byteCount` UTF-8 bytes takes escaped (`\u0000` for one byte).
    static func escapedCapacity(_ byteCount: Int) -> Int { 6 * byteCount }

    /// An integer's digits (a JSON number as `String(value)` writes it).
    static func writeDigits(_ value: Int, into out: inout [UInt8]) {
        out.append(addingCapacity: 20) { $0.appendDigits(value) }
    }
}
