import Testing
@testable import RoleWizardCore

/// The parser skips plain runs eight bytes at a time; strings, whitespace and errors must come
/// out as they would a byte at a time.
@Suite struct LocatedJSONParserTests {
    static let samples = ["", "a", "s3:GetObject", "exactly8", "sixteen-bytes-ab", "ünïcödé text, longer than a word",
                          "arn:aws:s3:::bucket-name/with/a/long/path/*", "€uro", "mixed ASCII then é at the end........"]

    @Test func stringsOfEveryLengthAroundAWord() throws {
        for base in Self.samples {
            for extra in 0..<10 {
                let text = base + String(repeating: "x", count: extra)
                let parsed = try LocatedJSON.parse("[\(JSONWriter.quoted(text))]")
                #expect(parsed.value.items?.first?.string == text)
            }
        }
    }

    @Test func escapesAfterAPlainRun() throws {
        let parsed = try LocatedJSON.parse(#"["0123456789abcdef\"quoted\" and \\ and \u00e9 and \n"]"#)
        #expect(parsed.value.items?.first?.string == "0123456789abcdef\"quoted\" and \\ and é and \n")
    }

    @Test func aControlCharacterIsFoundWhereItIs() {
        for offset in 0..<20 {
            let text = "[\"" + String(repeating: "a", count: offset) + "\u{1}" + "tail\"]"
            #expect(throws: JSONSyntaxError.self) { try LocatedJSON.parse(text) }
            do {
                _ = try LocatedJSON.parse(text)
            } catch {
                #expect(error.location == SourceLocation(line: 1, column: 3 + offset))
            }
        }
    }

    @Test func indentationAndLinesAreCounted() throws {
        for indent in [0, 3, 8, 9, 17] {
            let pad = String(repeating: " ", count: indent)
            let parsed = try LocatedJSON.parse("{\n\(pad)\"Version\": \"2012-10-17\",\r\n\(pad)\t\"Statement\": []\n}")
            let members = try #require(parsed.members)
            #expect(members[0].keyLocation == SourceLocation(line: 2, column: indent + 1))
            #expect(members[1].keyLocation == SourceLocation(line: 3, column: indent + 2))
        }
    }
}

extension LocatedJSONParserTests {
    /// Runs of spaces are skipped a word at a time, up to the first other byte: every length,
    /// around and between values, ends where it should.
    @Test func spaceRunsOfEveryLength() throws {
        for count in 0..<20 {
            let pad = String(repeating: " ", count: count)
            let parsed = try LocatedJSON.parse("\(pad)[\(pad)1,\(pad)\"a\"\(pad),\n\(pad)true\(pad)]\(pad)")
            let items = try #require(parsed.value.items)
            #expect(parsed.location == SourceLocation(line: 1, column: count + 1))
            #expect(items.map(\.location) == [SourceLocation(line: 1, column: 2 * count + 2), SourceLocation(line: 1, column: 3 * count + 4),
                                               SourceLocation(line: 2, column: count + 1)])
            #expect(items[1].string == "a")
        }
    }
}

extension LocatedJSON.Value {
    var items: [LocatedJSON]? {
        if case let .array(items) = self { return items }
        return nil
    }
}
