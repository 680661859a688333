import Testing
@testable import RoleWizardCore

/// Reading a document into statements: the grammar findings it reports on the way.
@Suite struct PolicyViewTests {
    static func findings(_ document: String, _ check: LintCheck) throws -> [Finding] {
        PolicyLinter().lint(try LocatedJSON.parse(document), use: .identity).filter { $0.check == check }
    }

    /// Short lists compare each Sid with the earlier ones, long ones index them: both report
    /// every repeat, naming the first statement with that Sid; empty Sids are not compared.
    @Test(arguments: [3, 32, 33, 80])
    func repeatedSids(count: Int) throws {
        let sids = (0..<count).map { index in
            index.isMultiple(of: 7) ? "" : index.isMultiple(of: 5) ? "Shared\(index % 2)" : "Own\(index)"
        }
        let statements = sids.map { #"{"Sid": "\#($0)", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}"# }
        let found = try Self.findings(#"{"Version": "2012-10-17", "Statement": [\#(statements.joined(separator: ", "))]}"#, .duplicateSid)
        var expected: [(path: String, first: Int)] = []
        for (index, sid) in sids.enumerated() where !sid.isEmpty {
            if let first = sids[..<index].firstIndex(of: sid) { expected.append(("Statement[\(index)].Sid", first)) }
        }
        #expect(found.map(\.path.description) == expected.map(\.path))
        for (finding, repeated) in zip(found, expected) {
            #expect(finding.message.contains("is also statement \(repeated.first)'s"))
        }
    }

    /// A statement's unknown and repeated keys are reported in the order they are written.
    @Test func unknownAndRepeatedStatementKeys() throws {
        let document = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Actoin": "s3:GetObject", "Effect": "Deny", "Action": "s3:GetObject", "Resource": "*", "Action": "s3:PutObject"}]}"#
        let linted = PolicyLinter().lint(try LocatedJSON.parse(document), use: .identity)
            .filter { $0.check == .unknownKey || $0.check == .duplicateKey }
        #expect(linted.map(\.check) == [.unknownKey, .duplicateKey, .duplicateKey])
        #expect(linted.map(\.path.description) == ["Statement[0].Actoin", "Statement[0].Effect", "Statement[0].Action"])
        #expect(linted.first?.message.contains("Action") == true)
    }

    /// Keys are sorted out by length before they are compared: each name still finds its
    /// element, and near misses find none.
    @Test func statementKeysAndTheirElements() {
        #expect(PolicyView.Element.allCases.map(\.key) == PolicyView.statementKeys)
        func elementNamed(_ key: String) -> PolicyView.Element? {
            var key = key
            return key.withUTF8(PolicyView.Element.init(bytes:))
        }
        for element in PolicyView.Element.allCases {
            #expect(elementNamed(element.key) == element)
        }
        for key in ["", "sid", "SID", "Effects", "Actio", "Actions", "NotActions", "Resourc", "Conditio", "Condition ", "Résource",
                    "NotResourcE", "NotPrincipa", "notPrincipal", "Version", "Statement"] {
            #expect(elementNamed(key) == nil, "\(key)")
        }
    }

    /// A Sid holds only ASCII letters and digits, checked byte by byte.
    @Test func sidCharacters() throws {
        for (sid, valid) in [("Read1", true), ("", true), ("ABCxyz0189", true), ("read-objects", false), ("Résumé", false),
                             ("with space", false), ("Ｒｅａｄ", false), ("Read_1", false)] {
            let document = #"{"Version": "2012-10-17", "Statement": [{"Sid": "\#(sid)", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}"#
            #expect(try Self.findings(document, .invalidSid).isEmpty == valid, "\(sid)")
        }
    }
}

extension PolicyViewTests {
    @Test func anItemsPathIsTheElementsPathAndItsIndex() {
        for parent in [FieldPath.root, FieldPath.root / "Statement" / 3, FieldPath.root / "Statement" / 0 / "Principal"] {
            #expect(parent.appending(key: "Action", index: 7) == parent / "Action" / 7)
            #expect(parent.appending(key: "Action", index: 7).description == (parent / "Action" / 7).description)
        }
    }
}
