import ArgumentParser
import Foundation
import RoleWizardCore

struct ActionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "Search the IAM actions of every AWS service.",
        discussion: """
        Prints one action per line: its name, its access level and the resource types it can be \
        scoped to (* marks a required one; - means none, so its statements need "Resource": "*"). \
        TEXT is searched for (s3:getob, getobject, decrypt: prefixes first, then substrings, then \
        scattered letters); a pattern with * or ? (s3:Get*, ssmmessages:*) lists exactly the \
        actions IAM would match.
        """)

    @Argument(help: "Text to search for, or an IAM action pattern with * or ?.")
    var text: String

    @Option(help: "At most this many results.")
    var limit = 25

    @Option(help: "Only actions of this service (its prefix, e.g. s3).")
    var service: String?

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1, not \(limit)") }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("give some text to search for (s3:getob, decrypt) or a pattern (s3:Get*)")
        }
    }

    func run() throws {
        let catalog = IAMCatalog.bundled
        try reportingFailures {
            if let service, catalog.service(service) == nil {
                throw ValidationFailure(["no AWS service has the prefix '\(service)'"
                    + Suggest.didYouMean(service, among: catalog.servicePrefixes)])
            }
            let isPattern = text.contains("*") || text.contains("?")
            var matches: [IAMAction]
            if isPattern {
                // `Get*` with --service s3 means `s3:Get*`.
                let pattern = service != nil && !text.contains(":") ? "\(service!):\(text)" : text
                matches = catalog.actions(matching: pattern)
                if let service { matches = matches.filter { $0.service.lowercased() == service.lowercased() } }
            } else if let service {
                matches = catalog.search(text, inService: service, limit: limit)
            } else {
                matches = catalog.search(text, limit: limit)
            }
            guard !matches.isEmpty else {
                throw ValidationFailure(["no IAM action matches '\(text)'" + (service.map { " in \($0)" } ?? "")
                    + Self.didYouMean(catalog.suggestions(forAction: text))])
            }
            let shown = Array(matches.prefix(limit))
            print(Self.table(shown), terminator: "")
            if isPattern && matches.count > shown.count {
                FileHandle.standardError.write(Data("(\(shown.count) of \(matches.count) shown; raise --limit for more)\n".utf8))
            }
            // A mistyped full name (s3:GetObjcet) finds only its neighbours: say which real name
            // was probably meant.
            let lowered = text.lowercased()
            if !isPattern && text.contains(":") && !shown.contains(where: { $0.fullName.lowercased().hasPrefix(lowered) }) {
                let hint = Self.didYouMean(catalog.suggestions(forAction: text))
                if !hint.isEmpty {
                    FileHandle.standardError.write(Data("no action is named '\(text)'\(hint)\n".utf8))
                }
            }
        }
    }

    /// "; did you mean "X" or "Y"?", or "" when there is nothing to suggest.
    static func didYouMean(_ names: [String]) -> String {
        names.isEmpty ? "" : "; did you mean " + names.map { JSONWriter.quoted($0) }.joined(separator: " or ") + "?"
    }

    /// `service:Action  Access level  resource types`, in aligned columns.
    static func table(_ actions: [IAMAction]) -> String {
        let names = actions.map(\.fullName)
        let nameWidth = names.map(\.count).max() ?? 0
        let levelWidth = actions.map(\.accessLevel.rawValue.count).max() ?? 0
        var text = ""
        for (action, name) in zip(actions, names) {
            let types = action.resourceTypes.isEmpty ? "-"
                : action.resourceTypes.map { $0.name + ($0.required ? "*" : "") }.joined(separator: ", ")
            text += name.padding(toLength: nameWidth + 2, withPad: " ", startingAt: 0)
                + action.accessLevel.rawValue.padding(toLength: levelWidth + 2, withPad: " ", startingAt: 0)
                + types + "\n"
        }
        return text
    }
}
