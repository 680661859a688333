import Foundation
import Testing
@testable import RoleWizardCore

/// `JSONWriter.reindent`: compact JSON laid out exactly as `pretty` lays out the parsed value.
@Suite struct JSONReindentTests {
    static func reindent(_ text: String) -> String? { JSONWriter.reindent(ArraySlice(text.utf8)) }

    @Test func matchesPrettyForNestedValues() {
        let value = JSONValue.object([
            ("Version", .string("2012-10-17")),
            ("Statement", .array([
                .object([("Effect", .string("Allow")), ("Action", .array([.string("a:B"), .string("c:*")])),
                         ("Resource", .string("*")), ("Empty", .array([])), ("None", .object([]))]),
            ])),
            ("n", .number("12.5")), ("t", .bool(true)), ("z", .null),
        ])
        #expect(Self.reindent(JSONWriter.compact(value)) == JSONWriter.pretty(value))
    }

    @Test func rewritesEscapesToPrettysForms() {
        // Python's json.dumps writes \b, \f and raw backticks / U+2028; `pretty` writes them as \u escapes.
        #expect(Self.reindent(#"{"k":"a\bb\fc\/d`e\u2028"}"#) == "{\n  \"k\": \"a\\u0008b\\u000cc/d\\u0060e\\u2028\"\n}\n")
        #expect(Self.reindent("[\"x\u{2029}y\"]") == "[\n  \"x\\u2029y\"\n]\n")
        #expect(Self.reindent(#"["q\"{,:}[]","\\"]"#) == "[\n  \"q\\\"{,:}[]\",\n  \"\\\\\"\n]\n",
                "brackets, commas and colons inside strings are text")
    }

    @Test func toleratesWhitespaceAndRefusesUnbalancedText() {
        #expect(Self.reindent("{ \"a\" : [ ] ,\n \"b\" : { } }") == "{\n  \"a\": [],\n  \"b\": {}\n}\n")
        #expect(Self.reindent("{\"a\":1") == nil)
        #expect(Self.reindent("[1]]") == nil)
        #expect(Self.reindent("[\"open") == nil)
    }

    /// The wizard shows every catalog document this way: each must equal the parsed document's text.
    @Test func everyCatalogDocumentEqualsItsParsedPrettyText() throws {
        let catalog = ManagedPolicyCatalog.bundled
        var differing: [String] = []
        for policy in catalog.policies {
            let parsed = try #require(catalog.document(of: policy), "\(policy.name) parses")
            if catalog.prettyDocumentText(of: policy) != parsed.prettyText { differing.append(policy.name) }
        }
        #expect(differing.isEmpty, "\(differing.count) laid out differently, e.g. \(differing.prefix(3))")
    }
}
