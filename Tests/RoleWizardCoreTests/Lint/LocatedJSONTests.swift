import Foundation
import Testing
@testable import RoleWizardCore

/// The linter's JSON reader: the same values as Foundation's, the position of every value and
/// key, and a clear place for every syntax error.
@Suite struct LocatedJSONTests {
    typealias Location = RoleWizardCore.SourceLocation

    static func parse(_ text: String) throws -> LocatedJSON { try LocatedJSON.parse(text) }

    static func error(_ text: String) -> JSONSyntaxError? {
        do { _ = try LocatedJSON.parse(text); return nil } catch { return error }
    }

    @Test func positionsOfValuesAndKeys() throws {
        let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", 1]}\n  ]\n}"
        let json = try Self.parse(text)
        #expect(json.location == Location(line: 1, column: 1))
        #expect(json.members?[0].keyLocation == Location(line: 2, column: 3))
        #expect(json["Version"]?.location == Location(line: 2, column: 14))
        let statement = try #require(json["Statement"]?.value).self
        guard case let .array(items) = statement else { Issue.record("not a list"); return }
        #expect(items[0].location == Location(line: 4, column: 5))
        guard case let .array(actions)? = items[0]["Action"]?.value else { Issue.record("no actions"); return }
        #expect(actions[0].location == Location(line: 4, column: 36))
        #expect(actions[1].location == Location(line: 4, column: 52))
        if case .number("1") = actions[1].value {} else { Issue.record("1 is a number") }
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let json = try Self.parse("{\"Sid\": \"Zürich東京\", \"Effect\": 1}")
        #expect(json.members?[1].keyLocation == Location(line: 1, column: 21))
    }

    @Test func escapesAndSurrogatePairs() throws {
        let json = try Self.parse(#"["a\"b\\c\/d\n\t\u00e9\ud83d\ude80", "plain"]"#)
        guard case let .array(items) = json.value else { Issue.record("not a list"); return }
        #expect(items[0].string == "a\"b\\c/d\n\té🚀")
        #expect(items[1].string == "plain")
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let json = try LocatedJSON.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8))
        #expect(json.members?.first?.keyLocation == Location(line: 1, column: 2))
    }

    @Test func repeatedKeysAreKept() throws {
        let json = try Self.parse(#"{"Effect": "Deny", "Effect": "Allow"}"#)
        #expect(json.members?.map(\.key) == ["Effect", "Effect"])
    }

    @Test func syntaxErrorsSayWhereAndWhat() {
        let cases: [(String, Location, String)] = [
            ("", Location(line: 1, column: 1), "no JSON value"),
            ("{\n  \"a\": 1,\n}", Location(line: 3, column: 1), "expected a key"),
            ("{\"a\" 1}", Location(line: 1, column: 6), "expected \":\""),
            ("[1 2]", Location(line: 1, column: 4), "expected \",\" or \"]\""),
            ("{\"a\": tru}", Location(line: 1, column: 7), "expected true"),
            ("\"open", Location(line: 1, column: 6), "not closed"),
            ("[01]", Location(line: 1, column: 3), "expected \",\" or \"]\""),
            ("[1.]", Location(line: 1, column: 4), "digits after"),
            ("\"\\x\"", Location(line: 1, column: 3), "not a JSON escape"),
            ("\"\\ud800\"", Location(line: 1, column: 8), "low surrogate"),
            ("{} {}", Location(line: 1, column: 4), "after the JSON value"),
            ("\"a\tb\"", Location(line: 1, column: 3), "control character"),
        ]
        for (text, location, message) in cases {
            let error = Self.error(text)
            #expect(error?.location == location, "\(text): \(String(describing: error))")
            #expect(error?.message.contains(message) == true, "\(text): \(String(describing: error))")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let error = Self.error(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        #expect(error?.message.contains("nested more than") == true)
    }

    @Test func invalidUTF8IsAnError() {
        #expect(throws: JSONSyntaxError.self) { try LocatedJSON.parse([0x22, 0xFF, 0x22]) }
    }

    /// Every AWS managed policy reads to the same values as Foundation's reader gives.
    @Test func readsWhatFoundationReads() throws {
        let catalog = ManagedPolicyCatalog.bundled
        for policy in catalog.policies.prefix(400) {
            let text = try #require(catalog.prettyDocumentText(of: policy))
            let ours = try LocatedJSON.parse(text)
            let theirs = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            #expect(Self.same(ours, theirs), "\(policy.name)")
        }
    }

    static func same(_ value: LocatedJSON, _ other: Any) -> Bool {
        switch value.value {
        case let .string(text): return (other as? String) == text
        case let .number(text): return (other as? NSNumber).map { $0.doubleValue == Double(text) } ?? false
        case let .bool(flag): return (other as? NSNumber)?.boolValue == flag
        case .null: return other is NSNull
        case let .array(items):
            guard let list = other as? [Any], list.count == items.count else { return false }
            return zip(items, list).allSatisfy { same($0, $1) }
        case let .object(members):
            guard let map = other as? [String: Any], map.count == members.count else { return false }
            return members.allSatisfy { member in map[member.key].map { same(member.value, $0) } ?? false }
        }
    }
}

/// Positions are stored in 32-bit halves: what fits comes back as it was, nil stays nil, and
/// what cannot fit is kept as no position rather than a wrong one.
@Suite struct CompactLocationTests {
    @Test func locationsComeBackAsTheyWere() {
        let kept = [SourceLocation(line: 1, column: 1), SourceLocation(line: 0, column: 0), SourceLocation(line: 123_456, column: 7),
                    SourceLocation(line: Int(UInt32.max) - 1, column: Int(UInt32.max))]
        for location in kept {
            var node = LocatedJSON(.null, at: location)
            #expect(node.location == location)
            #expect(LocatedJSON.Member(key: "k", keyLocation: location, value: node).keyLocation == location)
            node.location = nil
            #expect(node.location == nil)
            node.location = location
            #expect(node.location == location)
        }
        #expect(LocatedJSON(.null).location == nil)
        for location in [SourceLocation(line: Int(UInt32.max), column: 1), SourceLocation(line: 1, column: Int(UInt32.max) + 1),
                         SourceLocation(line: -1, column: 1)] {
            #expect(LocatedJSON(.null, at: location).location == nil)
        }
    }
}
