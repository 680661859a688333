import Testing
@testable import RoleWizardCore

/// Every check fires on its example, at the example's path and at the position where that
/// element is written, and stays quiet on the example's near miss.
@Suite struct LintCheckExampleTests {
    static let linter = FileLinter()

    static func lint(_ text: String, _ example: LintExample) -> [LintReport.Entry] {
        linter.lint(bytes: Array(text.utf8), file: "example", as: example.kind == .spec ? .spec : example.kind,
                    roleKind: example.roleKind)
    }

    @Test(arguments: LintCheck.allCases)
    func firesOnItsExample(_ check: LintCheck) throws {
        let example = check.example
        let entries = Self.lint(example.document, example)
        let hit = try #require(entries.first { $0.finding.check == check },
                               "\(check.rawValue) did not fire; found \(entries.map(\.finding.code))")
        #expect(hit.finding.path.description == example.path)
        #expect(hit.finding.severity == check.severity)
        #expect(!hit.finding.message.isEmpty)
        // The position is where the element at the finding's path is written.
        if example.kind != .spec, check != .syntaxError, let tree = try? LocatedJSON.parse(example.document) {
            let expected = tree.location(of: hit.finding.path)
            #expect(hit.location != nil && (hit.location == expected || hit.location == tree.keyLocation(of: hit.finding.path)),
                    "\(check.rawValue) at \(String(describing: hit.location)), element at \(String(describing: expected))")
        } else {
            #expect(hit.location != nil, "\(check.rawValue) has no position")
        }
    }

    @Test(arguments: LintCheck.allCases)
    func quietOnItsNearMiss(_ check: LintCheck) {
        let example = check.example
        let entries = Self.lint(example.nearMiss, example)
        #expect(!entries.contains { $0.finding.check == check },
                "\(check.rawValue) fired on its near miss: \(entries.filter { $0.finding.check == check }.map(\.finding.message))")
    }
}

extension LocatedJSON {
    /// The value at a lint path (`Statement[0].Action[1]`), by walking the tree.
    func node(at path: FieldPath) -> LocatedJSON? {
        var node: LocatedJSON? = self
        for component in path.components {
            switch (component, node?.value) {
            case let (.key(key), .object(members)?): node = members.last { $0.key == key }?.value
            case let (.index(index), .array(items)?): node = items.indices.contains(index) ? items[index] : nil
            default: return nil
            }
        }
        return node
    }

    func location(of path: FieldPath) -> RoleWizardCore.SourceLocation? { node(at: path)?.location }

    /// Where the key of the last path component is written.
    func keyLocation(of path: FieldPath) -> RoleWizardCore.SourceLocation? {
        guard case let .key(key)? = path.components.last, let parent = path.parent,
              let members = node(at: parent)?.members else { return nil }
        return members.last { $0.key == key }?.keyLocation
    }
}
