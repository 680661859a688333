import Testing
@testable import RoleWizardCore

/// `ActionMeaning.make` finds an entry's service once and looks its action or pattern up within
/// it; the actions it names must be those a plain filter of every action in the catalog finds,
/// and its prefix (the catalog's string for a known service) the text's in lower case.
@Suite struct ActionMeaningTests {
    static let catalog = IAMCatalog.bundled
    static let everyAction = catalog.actions(matching: "*")
    /// Every action's full name by its lower-case prefix (matching every name of the catalog
    /// against each text takes minutes in a debug build).
    static let fullNamesByPrefix = Dictionary(grouping: everyAction.map(\.fullName)) { String($0.prefix { $0 != ":" }).lowercased() }

    /// Every action whose full name matches the text as an IAM pattern, ignoring case.
    static func reference(_ text: String) -> [String] {
        let pattern = Suggest.lowercasedBytes(text), prefix = String(text.prefix { $0 != ":" }).lowercased()
        let candidates = IAMNameMatching.hasWildcard(prefix) ? everyAction.map(\.fullName) : fullNamesByPrefix[prefix] ?? []
        return candidates.filter { IAMNameMatching.matches(pattern, $0) }
    }

    @Test func namesTheActionsAPlainFilterFinds() {
        let cache = LintCache()
        var texts: [String] = []
        for (index, action) in Self.everyAction.enumerated() where index % 97 == 0 {
            let name = action.fullName
            texts += [name, name.uppercased(), name.lowercased(), name + "x", String(name.dropLast(3)) + "*",
                      action.service + ":*" + String(action.name.suffix(5)), String(name.dropLast(2)) + "??"]
        }
        texts += ["*", "s3:*", "nosuchservice:Get*", "kms:NoSuchAction", "ec2:Describe*", "EC2:describe*"]
        for text in texts {
            let meaning = ActionMeaning.make(text, catalog: Self.catalog, cache: cache)
            let expected = text == "*" ? [] : Self.reference(text)
            #expect(meaning.actions.map(\.fullName) == expected, "\(text)")
            #expect(meaning.servicePrefix == String(text.prefix { $0 != ":" }).lowercased(), "\(text)")
        }
    }
}
