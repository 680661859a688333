import Synchronization

/// What the linter works out from the catalog once and reuses for every document of a run:
/// wildcard expansions, ARN formats, the services an action's resources belong to, and
/// suggestions for names that do not exist. Linting the 1,582 AWS managed policies asks the
/// same questions thousands of times.
final class LintCache: Sendable {
    private struct State {
        var formats: [String: ResourceFormat?] = [:]
        var arnServices: [String: Set<Substring>] = [:]
        var suggestions: [String: [String]] = [:]
        var conditionKeyTypes: [String: String?] = [:]
        var actions: [String: ActionLookup] = [:]
        var operatorKinds: [String: ConditionChecks.Kind?] = [:]
        var arnProblems: [String: ARNProblem?] = [:]
        var admits: [String: Bool] = [:]
    }
    private let state = Mutex(State())

    /// `memo(\.expansions, key) { … }`: the kept value, or `make()`'s, kept.
    private func memo<Value: Sendable>(_ table: WritableKeyPath<State, [String: Value]>, _ key: String, _ make: () -> Value) -> Value {
        if let kept = state.withLock({ $0[keyPath: table][key] }) { return kept }
        let value = make()
        state.withLock { $0[keyPath: table][key] = value }
        return value
    }

    func format(of type: String, in service: String, catalog: IAMCatalog) -> ResourceFormat? {
        memo(\.formats, service + " " + type) {
            catalog.service(service)?.resourceType(named: type).map { ResourceFormat($0.arnFormat) }
        }
    }

    /// The services whose ARNs an Action entry's actions act on (`s3:Get*` → s3).
    func arnServices(of entry: ResolvedAction, catalog: IAMCatalog) -> Set<Substring> {
        memo(\.arnServices, entry.item.text.lowercased()) {
            var services: Set<Substring> = []
            for action in entry.actions {
                for type in action.resourceTypes where !type.name.isEmpty {
                    if let format = format(of: type.name, in: action.service, catalog: catalog),
                       let service = ResourceChecks.service(of: format.text) {
                        services.insert(service)
                    }
                }
            }
            return services
        }
    }

    /// What an Action entry is, worked out once per distinct text.
    func lookup(action text: String, in catalog: IAMCatalog) -> ActionLookup {
        memo(\.actions, text) { ActionLookup.make(text, catalog: catalog, cache: self) }
    }

    func operatorKind(_ name: String) -> ConditionChecks.Kind? {
        memo(\.operatorKinds, name) { ConditionChecks.kind(ofOperator: name) }
    }

    func arnProblem(_ resource: String) -> ARNProblem? {
        memo(\.arnProblems, resource) { ResourceChecks.arnProblem(resource) }
    }

    /// Whether a resource (as written) can be of a service's resource type.
    func admits(_ resource: String, type: String, in service: String, catalog: IAMCatalog) -> Bool {
        memo(\.admits, service + " " + type + " " + resource) {
            guard let format = format(of: type, in: service, catalog: catalog) else { return true }
            return format.admits(ResourceFormat.fields(ofResource: resource))
        }
    }

    /// A condition key's type: global keys first, then the keys services define; nil when unknown.
    func conditionKeyType(_ key: String, in catalog: IAMCatalog) -> String? {
        memo(\.conditionKeyTypes, key.lowercased()) {
            let isGlobal = key.utf8.count > 4 && key.utf8.prefix(4).map { $0 | 0x20 }.elementsEqual("aws:".utf8)
            return (isGlobal ? GlobalConditionKeys.type(of: key) : nil) ?? catalog.conditionKey(key)?.type
        }
    }

    /// Close real names for an unknown action: the service's own actions when the prefix is
    /// known, close prefixes when it is not.
    func suggestions(for action: String, in catalog: IAMCatalog) -> [String] {
        let colon = action.firstIndex(of: ":") ?? action.endIndex
        let prefix = String(action[..<colon]).lowercased()
        let name = colon < action.endIndex ? String(action[action.index(after: colon)...]) : ""
        if let service = catalog.service(prefix) {
            return memo(\.suggestions, action.lowercased()) {
                Suggest.closest(name, among: service.actions.map(\.name)).map { service.prefix + ":" + $0 }
            }
        }
        return memo(\.suggestions, prefix) {
            Suggest.closest(prefix, among: catalog.servicePrefixes)
        }
    }
}

/// An Action entry as the catalog sees it.
enum ActionLookup: Sendable {
    case everything
    case invalid(String)
    case unknownService(prefix: String, suggestions: [String])
    case unknownAction(prefix: String, name: String, suggestions: [String])
    case wildcard([IAMAction], suggestions: [String])
    case action(IAMAction)

    static func make(_ text: String, catalog: IAMCatalog, cache: LintCache) -> ActionLookup {
        if text == "*" { return .everything }
        if let message = PolicyGrammar.checkAction(text) { return .invalid(message) }
        let separator = text.firstIndex(of: ":")!
        let prefix = String(text[..<separator])
        if !Glob.hasWildcard(prefix), catalog.service(prefix) == nil {
            return .unknownService(prefix: prefix, suggestions: cache.suggestions(for: text, in: catalog))
        }
        if Glob.hasWildcard(text) {
            let matches = catalog.actions(matching: text)
            return .wildcard(matches, suggestions: matches.isEmpty ? cache.suggestions(for: text, in: catalog) : [])
        }
        if let action = catalog.action(text) { return .action(action) }
        return .unknownAction(prefix: prefix, name: String(text[text.index(after: separator)...]),
                              suggestions: cache.suggestions(for: text, in: catalog))
    }
}

/// What is wrong with a resource ARN, found once per distinct text.
struct ARNProblem: Sendable {
    var check: LintCheck
    var message: String
}
