import Testing
@testable import RoleWizardCore

/// The linter reads documents as a flat `JSONTree`: it must hold what the nested `LocatedJSON`
/// holds, values, keys and positions, and find each value's siblings past nested contents.
@Suite struct JSONTreeTests {
    static let documents = [
        #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:Put*"], "Resource": "*"}]}"#,
        "[[], {}, [[1, [2]], {\"a\": {\"b\": [true, false, null]}}], \"last\"]",
        "{\"k\": \"esc\\\"aped \\u00e9 \\n\", \"é\": \"ünïcödé\", \"n\": -1.5e3, \"k\": \"again\"}",
        "  \"just a string\"  ",
        "{\n  \"deep\": [\n    {\"x\": [[[\"y\"]]]},\n    \"after\"\n  ],\n  \"tail\": 0\n}",
    ]

    /// Every value and key in document order, with its position: equal lists, equal documents.
    static func outline(_ json: LocatedJSON) -> [String] {
        let at = json.location.map { "@\($0.line):\($0.column)" } ?? "@-"
        switch json.value {
        case let .string(text): return ["string \(text) \(at)"]
        case let .number(text): return ["number \(text) \(at)"]
        case let .bool(flag): return ["bool \(flag) \(at)"]
        case .null: return ["null \(at)"]
        case let .array(items): return ["array \(items.count) \(at)"] + items.flatMap(outline)
        case let .object(members):
            return ["object \(members.count) \(at)"] + members.flatMap { member in
                ["key \(member.key) @\(member.keyLocation.map { "\($0.line):\($0.column)" } ?? "-")"] + outline(member.value)
            }
        }
    }

    @Test func parsedTreeHoldsTheDocument() throws {
        for text in Self.documents {
            let (tree, _) = try JSONTree.parse(Array(text.utf8))
            let nested = tree.located(JSONTree.root)
            #expect(Self.outline(nested) == Self.outline(JSONTree(nested).located(JSONTree.root)), "\(text)")
            #expect(tree.nodes.count == Self.outline(nested).count, "one node for each value and key: \(text)")
        }
    }

    @Test func documentsBuiltInMemoryFlattenWithoutPositions() {
        let json: JSONValue = .object([("Statement", .array([.object([("Effect", .string("Allow")), ("Action", .array([.string("a:b"), .number("3")]))])]))])
        let tree = JSONTree(LocatedJSON(json))
        #expect(tree.located(JSONTree.root).json == json)
        #expect(tree.location(JSONTree.root) == nil)
    }

    @Test func siblingsSkipNestedContents() throws {
        let (tree, _) = try JSONTree.parse(Array(Self.documents[1].utf8))
        let items = Array(tree.items(JSONTree.root))
        #expect(items.count == 4)
        #expect(items.map(tree.kind) == [.array, .object, .array, .string])
        #expect(tree.string(items[3]) == "last")
        #expect(tree.items(items[2]).map(tree.kind) == [.array, .object])
        #expect(Array(tree.items(items[1])).isEmpty)
        #expect(Array(tree.keys(items[0])).isEmpty, "a list has no keys")
    }

    @Test func memberFindsTheFirstOfAKeyByItsExactBytes() throws {
        let (tree, _) = try JSONTree.parse(Array(Self.documents[2].utf8))
        #expect(tree.member(JSONTree.root, "k").flatMap(tree.string) == "esc\"aped é \n")
        #expect(tree.member(JSONTree.root, "K") == nil)
        #expect(tree.member(JSONTree.root, "n").map(tree.described) == "-1.5e3")
        let keys = tree.keys(JSONTree.root).map(tree.textOf)
        #expect(keys == ["k", "é", "n", "k"])
    }

    @Test func decodedStringsFollowTheDocumentsBytes() throws {
        let text = #"["a\tb", "plain", "\ud83d\ude00"]"#
        let (tree, _) = try JSONTree.parse(Array(text.utf8))
        #expect(tree.items(JSONTree.root).map(tree.textOf) == ["a\tb", "plain", "😀"])
        #expect(tree.text.count > text.utf8.count)
        #expect(tree.string(tree.items(JSONTree.root).first { _ in true }!, is: "a\tb"))
    }

    @Test func elementsAreMatchedOnBytesAsOnText() throws {
        let (tree, _) = try JSONTree.parse(Array(#"{"Sid": 1, "Action": 2, "NotPrincipal": 3, "action": 4, "Actions": 5}"#.utf8))
        let elements = tree.keys(JSONTree.root).map { PolicyView.Element(tree, key: $0) }
        #expect(elements == [.sid, .action, .notPrincipal, nil, nil])
        for key in tree.keys(JSONTree.root) {
            #expect(PolicyView.Element(tree, key: key) == PolicyView.Element.allCases.first { $0.key == tree.textOf(key) })
        }
    }
}

extension JSONTreeTests {
    /// An Action entry read from bytes gets the meaning the text gets, and the very text.
    @Test func actionMeaningsByBytesAgreeWithMeaningsByText() {
        let cache = LintCache()
        for text in ["s3:GetObject", "s3:GetObject", "S3:getobject", "s3:Get*", "*", "nope:Nothing", "ec2:Describe?nstances", "ünï:code", "kms:Decrypt"] {
            let (kept, meaning) = Array(text.utf8).withUnsafeBufferPointer { cache.meaning(ofBytes: $0, in: .bundled) }
            #expect(kept == text)
            #expect(Array(kept.utf8) == Array(text.utf8))
            #expect(meaning === cache.meaning(of: text, in: .bundled), "\(text)")
        }
    }
}
