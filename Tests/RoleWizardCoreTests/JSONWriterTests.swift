import Foundation
import Testing
@testable import RoleWizardCore

/// `JSONWriter`: string escaping, the pretty layout, and output that any JSON reader agrees with.
@Suite struct JSONWriterTests {
    @Test func escapesQuotesBackslashesAndLineBreaks() {
        #expect(JSONWriter.quoted(#"say "hi""#) == #""say \"hi\"""#)
        #expect(JSONWriter.quoted(#"C:\path\"#) == #""C:\\path\\""#)
        #expect(JSONWriter.quoted("one\ntwo\r\nthree\tfour") == #""one\ntwo\r\nthree\tfour""#)
        #expect(JSONWriter.quoted("") == #""""#)
        #expect(JSONWriter.quoted("plain text / slash") == #""plain text / slash""#)
    }

    @Test func escapesControlCharactersAsUnicodeEscapes() {
        #expect(JSONWriter.quoted("\u{0}") == #""\u0000""#)
        #expect(JSONWriter.quoted("a\u{1}b") == #""a\u0001b""#)
        #expect(JSONWriter.quoted("\u{8}\u{C}") == #""\u0008\u000c""#)
        #expect(JSONWriter.quoted("\u{1B}[0m") == #""\u001b[0m""#)
        #expect(JSONWriter.quoted("\u{1F}") == #""\u001f""#)
        #expect(JSONWriter.quoted("\u{7F}") == #""\u007f""#)
        #expect(JSONWriter.quoted("a\u{2028}b\u{2029}c") == #""a\u2028b\u2029c""#)
        #expect(JSONWriter.quoted(" ~") == #"" ~""#, "space and tilde are printable")
    }

    @Test func escapesBackticks() {
        #expect(JSONWriter.quoted("run `date`") == #""run \u0060date\u0060""#)
        #expect(!JSONWriter.compact(.object([("k`", .string("`"))])).contains("`"))
    }

    /// Strings are escaped eight plain bytes at a time: a character to escape is found at any
    /// offset in or after a run of plain ones.
    @Test(arguments: ["\"", "\\", "`", "\u{7F}", "\u{1F}", "\u{0}", "\n", " ", "~", "é", "\u{2028}", "\u{2029}", "…", "\u{80}", "🚀",
                      "é\u{2028}…\"", "\u{2028}\u{2029}"])
    func escapesWhereverTheCharacterFalls(character: String) {
        for offset in 0...19 {
            let text = String(repeating: "a", count: offset) + character + String(repeating: "z", count: 19 - offset)
            let written = JSONWriter.quoted(text)
            let read = try? JSONSerialization.jsonObject(with: Data(written.utf8), options: .fragmentsAllowed) as? String
            #expect(read == text, "\(written)")
            #expect(written.utf8.count == text.utf8.count + 2 + JSONWriter.quoted(character).utf8.count - 2 - character.utf8.count,
                    "\(written)")
        }
    }

    /// JSON escaping as the writer did it a character at a time, before it wrote into reserved
    /// memory a word at a time.
    static func plainlyQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += #"\""#
            case "\\": out += #"\\"#
            case "\n": out += #"\n"#
            case "\r": out += #"\r"#
            case "\t": out += #"\t"#
            case "`": out += #"\u0060"#
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test func escapesAsTheCharacterAtATimeWriter() {
        let pieces = ["a", "bcdefgh", "\"", "\\", "`", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "…", "\u{2028}", "\u{2029}",
                      "\u{2027}", "🚀", " ", "~", "0123456789"]
        for text in RandomTexts(of: pieces, count: 5_000) {
            #expect(JSONWriter.quoted(text) == Self.plainlyQuoted(text), "\(text.debugDescription)")
        }
    }

    @Test func writesDigitsAsStringDoes() {
        var values = [0, 1, 9, 10, 11, 99, 100, 101, 999, 1_000, -1, -9, -10, -11, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var power = 1
        while power <= Int.max / 10 {
            power *= 10
            values += [power - 1, power, power + 1, -power, -(power - 1)]
        }
        var state: UInt64 = 3
        for _ in 0..<10_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            values.append(Int(bitPattern: UInt(state)) >> Int(state >> 58))
        }
        for value in values {
            var out: [UInt8] = []
            JSONWriter.writeDigits(value, into: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(value))
        }
    }

    @Test func keepsNonASCII() {
        #expect(JSONWriter.quoted("Zürich café 東京 🚀") == "\"Zürich café 東京 🚀\"")
        #expect(JSONWriter.quoted("\u{A0}\u{FEFF}") == "\"\u{A0}\u{FEFF}\"")
    }

    @Test func escapesKeysToo() {
        #expect(JSONWriter.compact(.object([("a\"b\n", .bool(true))])) == #"{"a\"b\n":true}"#)
    }

    @Test func scalars() {
        #expect(JSONWriter.compact(.string("x")) == #""x""#)
        #expect(JSONWriter.compact(.number("43200")) == "43200")
        #expect(JSONWriter.compact(.number("1.5e3")) == "1.5e3")
        #expect(JSONWriter.compact(.bool(true)) == "true")
        #expect(JSONWriter.compact(.bool(false)) == "false")
        #expect(JSONWriter.compact(.null) == "null")
        #expect(JSONWriter.pretty(.null) == "null\n")
    }

    static let sample = JSONValue.object([
        ("name", .string("app")),
        ("empty list", .array([])),
        ("empty object", .object([])),
        ("items", .array([.number("1"), .string("two"), .null, .array([]), .object([("k", .bool(false))])])),
        ("nested", .object([("deeper", .object([("deepest", .array([.string("x")]))]))])),
    ])

    @Test func prettyLayout() {
        #expect(JSONWriter.pretty(Self.sample) == """
        {
          "name": "app",
          "empty list": [],
          "empty object": {},
          "items": [
            1,
            "two",
            null,
            [],
            {
              "k": false
            }
          ],
          "nested": {
            "deeper": {
              "deepest": [
                "x"
              ]
            }
          }
        }

        """)
    }

    @Test func compactLayout() {
        #expect(JSONWriter.compact(Self.sample)
            == #"{"name":"app","empty list":[],"empty object":{},"items":[1,"two",null,[],{"k":false}],"nested":{"deeper":{"deepest":["x"]}}}"#)
        #expect(JSONWriter.pretty(.array([])) == "[]\n")
        #expect(JSONWriter.pretty(.object([])) == "{}\n")
    }

    @Test func keepsKeyOrder() {
        let value = JSONValue.object([("z", .number("1")), ("a", .number("2")), ("m", .number("3"))])
        #expect(JSONWriter.compact(value) == #"{"z":1,"a":2,"m":3}"#)
        #expect(value["a"] == .number("2"))
        #expect(value["b"] == nil)
        #expect(JSONValue.string("x")["a"] == nil)
    }

    @Test func stringsHelper() {
        #expect(JSONValue.strings(["a"], asList: false) == .string("a"))
        #expect(JSONValue.strings(["a"], asList: true) == .array([.string("a")]))
        #expect(JSONValue.strings(["a", "b"], asList: false) == .array([.string("a"), .string("b")]))
        #expect(JSONValue.strings([], asList: false) == .array([]))
    }

    static let tricky = [
        "quote \" backslash \\ slash /",
        "newline \n return \r tab \t",
        "controls \u{0}\u{1}\u{8}\u{C}\u{1B}\u{1F}\u{7F}",
        "backtick ` and $(command) and 'single'",
        "Zürich café 東京 🚀 \u{2028}\u{2029}",
        "",
    ]

    /// The text, read back by Foundation.
    static func parse(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    @Test(arguments: tricky)
    func everyStringReadsBackUnchanged(_ text: String) throws {
        #expect(try Self.parse(JSONWriter.quoted(text)) as? String == text)
        let pretty = try #require(try Self.parse(JSONWriter.pretty(.object([(text, .array([.string(text)]))]))) as? [String: Any])
        #expect(pretty.keys.first == text)
        #expect(pretty[text] as? [String] == [text])
    }

    @Test func documentsReadBackToTheSameValues() throws {
        let value = JSONValue.object([
            ("s", .string(Self.tricky.joined(separator: "|"))),
            ("n", .number("43200")),
            ("f", .number("1.5")),
            ("t", .bool(true)),
            ("null", .null),
            ("list", .array([.string("a"), .number("2"), .bool(false), .array([]), .object([])])),
            ("obj", .object([("inner", .string("`x`"))])),
        ])
        for text in [JSONWriter.pretty(value), JSONWriter.compact(value)] {
            let parsed = try #require(try Self.parse(text) as? [String: Any])
            #expect(parsed.count == 7)
            #expect(parsed["s"] as? String == Self.tricky.joined(separator: "|"))
            #expect((parsed["n"] as? NSNumber)?.intValue == 43200)
            #expect((parsed["f"] as? NSNumber)?.doubleValue == 1.5)
            #expect(parsed["t"] as? Bool == true)
            #expect(parsed["null"] is NSNull)
            let list = try #require(parsed["list"] as? [Any])
            #expect(list.count == 5)
            #expect(list[0] as? String == "a")
            #expect((list[1] as? NSNumber)?.intValue == 2)
            #expect((list[3] as? [Any])?.isEmpty == true)
            #expect((list[4] as? [String: Any])?.isEmpty == true)
            #expect((parsed["obj"] as? [String: Any])?["inner"] as? String == "`x`")
        }
    }

    @Test func policyDocumentsReadBackByFoundation() throws {
        let document = PolicyDocument(statements: [
            Statement(sid: "A", action: ["s3:GetObject"], resource: "arn:aws:s3:::b/`odd`/*",
                      condition: .single("StringLike", "s3:prefix", ["home/${aws:username}/*"])),
        ])
        let parsed = try #require(try Self.parse(document.prettyText) as? [String: Any])
        #expect(parsed["Version"] as? String == "2012-10-17")
        let statement = try #require((parsed["Statement"] as? [[String: Any]])?.first)
        #expect(statement["Resource"] as? String == "arn:aws:s3:::b/`odd`/*")
        #expect(statement["Action"] as? [String] == ["s3:GetObject"])
        let condition = try #require(statement["Condition"] as? [String: [String: String]])
        #expect(condition == ["StringLike": ["s3:prefix": "home/${aws:username}/*"]])
    }
}
