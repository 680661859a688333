import Testing
@testable import RoleWizardCore

/// The size check counts bytes (eight at a time when they are plain); it must agree with
/// what JSONWriter writes, scalar by scalar, whitespace not counted.
@Suite struct PolicySizeTests {
    static func written(_ text: String) -> Int {
        JSONWriter.quoted(text).unicodeScalars.count - 2 - text.unicodeScalars.filter { $0 == " " }.count
    }

    @Test func escapedSizeIsWhatJSONWriterWrites() {
        var state: UInt64 = 9
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let pieces = ["a", "Z", "0", ":", "*", " ", "\"", "\\", "`", "\u{7F}", "\u{1}", "\n", "\t", "é", "\u{2028}", "\u{2029}",
                      "\u{2027}", "€", "😀", "/", "${aws:username}", "arn:aws:s3:::bucket/*"]
        for _ in 0..<2_000 {
            let text = (0..<Int(next() % 40)).map { _ in pieces[Int(next()) % pieces.count] }.joined()
            #expect(LocatedJSON.escapedSize(text) == Self.written(text), "\(text.debugDescription)")
        }
        for text in ["", "plain-ascii-longer-than-eight", "tab\there", "sixteen chars!!!", String(repeating: "`", count: 17)] {
            #expect(LocatedJSON.escapedSize(text) == Self.written(text))
        }
    }

    /// The parser counts the size as it reads; it must give what `policySize` gives for the
    /// tree it built, whatever the escapes, scalars, numbers and nesting.
    @Test func theParsersCountIsPolicySize() throws {
        let documents = [
            #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}"#,
            #"{}"#, #"[]"#, #"[[], {}, [{}], {"a": []}]"#, #""""#, #""just a string""#, "  \n\t 12 \r\n",
            #"[0, -0, 1.5, -12.25e+10, 3E-2, 1e5, true, false, null]"#,
            #"{"quote \" and backslash \\": "slash \/ and \u0041 and \u00e9 and \ud83d\ude00"}"#,
            #"["\b\f\n\r\t", "\u0000\u001f\u007f\u0060`", "tab: \t"]"#,
            "[\"line separator \u{2028} and paragraph \u{2029} raw\", \"\\u2028 escaped \\u2029\", \"\u{2027}\u{202A}\"]",
            "{\"ünïcödé key\": \"€uro 😀 and spaces   between\", \"é\": [\"\u{E2}\"]}",
            "\u{FEFF}{\"after a byte-order mark\": 1}",
            #"{"a": {"b": {"c": [1, [2, [3, {"d": "deep"}]]]}}, "a": "repeated key"}"#,
            #"["0123456789abcdef plain run then \" an escape", "exactly8", "sixteen-bytes-ab", "back`tick`s in a long run of text"]"#,
        ]
        for text in documents {
            let (tree, size) = try JSONTree.parse(Array(text.utf8))
            let document = tree.located(JSONTree.root)
            #expect(size == document.policySize, "\(text.debugDescription)")
            #expect(size == JSONWriter.compact(document.json).unicodeScalars.count - Self.spaces(in: document.json), "\(text.debugDescription)")
        }
    }

    /// Strings of every length, as written in a file (raw bytes, and escapes now and then): the
    /// parser counts plain words, other bytes and other scalars each its own way.
    @Test func theParsersCountOfStringsAsWritten() throws {
        var state: UInt64 = 5
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let raw = ["a", "Z", "0", " ", "`", "\u{7F}", "é", "\u{2028}", "\u{2029}", "\u{2027}", "€", "😀", "/", "*", "${aws:username}",
                   "arn:aws:s3:::bucket/*", "12345678"]
        let escaped = [#"\""#, #"\\"#, #"\n"#, #"\t"#, #"\u0060"#, #"\u2028"#, #"\/"#, #"\u00e9"#]
        for round in 0..<1_000 {
            let pieces = (0..<Int(next() % 24)).map { _ in
                round.isMultiple(of: 3) && next() % 8 == 0 ? escaped[Int(next()) % escaped.count] : raw[Int(next()) % raw.count]
            }
            let text = #"{"key \#(round)": ["\#(pieces.joined())", "\#(pieces.reversed().joined())"]}"#
            let (tree, size) = try JSONTree.parse(Array(text.utf8))
            let document = tree.located(JSONTree.root)
            #expect(size == document.policySize, "\(text.debugDescription)")
        }
    }

    /// Spaces inside strings, which `policySize` does not count (IAM counts none).
    static func spaces(in json: JSONValue) -> Int {
        switch json {
        case let .string(text): return text.unicodeScalars.filter { $0 == " " }.count
        case let .array(items): return items.reduce(0) { $0 + spaces(in: $1) }
        case let .object(members): return members.reduce(0) { $0 + $1.key.unicodeScalars.filter { $0 == " " }.count + spaces(in: $1.value) }
        default: return 0
        }
    }
}
