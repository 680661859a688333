/// An Action entry and the catalog actions it stands for.
struct ResolvedAction {
    var item: PolicyView.Strings.Item
    /// What the entry's text means, shared by every entry spelled the same way.
    let meaning: ActionMeaning
    var isWildcard: Bool
    /// The actions the entry names (one, or every match of a wildcard); empty for `*` or an unknown one.
    var actions: [IAMAction] { meaning.actions }
    /// `"*"`: every action of every service.
    var isEverything: Bool { meaning.isEverything }
}

/// Action and NotAction: syntax, known services and actions, wildcards that match nothing,
/// entries another wildcard already covers, and Allow with NotAction / NotResource.
enum ActionChecks {
    /// Checks the statement's actions and returns what its Action entries resolve to.
    static func check(_ statement: PolicyView.Statement, run: LintRun) -> [ResolvedAction] {
        let resolved = resolve(statement.action, statement: statement, run: run)
        _ = resolve(statement.notAction, statement: statement, run: run)
        reportRedundant(resolved, statement: statement, run: run)
        if statement.effect == .allow, let notAction = statement.notAction {
            run.report(.allowWithNotAction, "Allow with NotAction allows every action except the ones listed, in every service, including actions AWS adds later; list the actions to allow instead",
                       path: notAction.path, location: notAction.location, statement: statement)
        }
        if statement.effect == .allow, run.use == .identity, let notResource = statement.notResource {
            run.report(.allowWithNotResource, "Allow with NotResource allows the actions on every resource except the ones listed, including resources created later; list the resources instead",
                       path: notResource.path, location: notResource.location, statement: statement)
        }
        return resolved
    }

    static func resolve(_ list: PolicyView.Strings?, statement: PolicyView.Statement, run: LintRun) -> [ResolvedAction] {
        guard let list else { return [] }
        var resolved: [ResolvedAction] = []
        resolved.reserveCapacity(list.items.count)
        for item in list.items {
            let text = item.text
            let meaning = item.meaning ?? run.cache.meaning(of: text, in: run.catalog)
            switch meaning.lookup {
            case .everything:
                resolved.append(ResolvedAction(item: item, meaning: meaning, isWildcard: true))
            case let .invalid(message):
                run.report(.invalidActionSyntax, message, path: item.path, location: item.location, statement: statement)
            case let .unknownService(prefix, suggestions):
                let message = meaning.message(.unknownService) { "no AWS service has the prefix \(JSONWriter.quoted(prefix))" + didYouMean(suggestions) }
                run.report(.unknownService, message,
                           path: item.path, location: item.location, statement: statement)
            case let .wildcard(suggestions):
                if meaning.actions.isEmpty {
                    run.report(.wildcardMatchesNothing, "\(JSONWriter.quoted(text)) matches no action" + didYouMean(suggestions),
                               path: item.path, location: item.location, statement: statement)
                }
                resolved.append(ResolvedAction(item: item, meaning: meaning, isWildcard: true))
            case .action:
                resolved.append(ResolvedAction(item: item, meaning: meaning, isWildcard: false))
            case let .unknownAction(prefix, name, suggestions):
                let message = meaning.message(.unknownAction) { "\(prefix) has no action \(JSONWriter.quoted(name))" + didYouMean(suggestions) }
                run.report(.unknownAction, message,
                           path: item.path, location: item.location, statement: statement)
                resolved.append(ResolvedAction(item: item, meaning: meaning, isWildcard: false))
            }
        }
        return resolved
    }

    static func didYouMean(_ suggestions: [String]) -> String {
        suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { JSONWriter.quoted($0) }.joined(separator: ", ") + "?"
    }

    /// An entry is redundant when another entry's wildcard already matches it (or when it is
    /// repeated). Compared within one service prefix, so a 1,500-action statement stays cheap.
    static func reportRedundant(_ resolved: [ResolvedAction], statement: PolicyView.Statement, run: LintRun) {
        if let everything = resolved.first(where: \.isEverything) {
            for entry in resolved where entry.item.path != everything.item.path {
                run.report(.redundantAction, "\(JSONWriter.quoted(entry.item.text)) is already allowed by \"*\" in the same statement",
                           path: entry.item.path, location: entry.item.location, statement: statement)
            }
            return
        }
        if !resolved.contains(where: \.isWildcard) {
            // No wildcard: only a repeated entry can be redundant. Most statements are short,
            // and their entries are compared pairwise rather than kept in a table.
            var firstEntries = resolved.count > 16 ? FirstEntries(resolved.map { CaseFolded($0.meaning) }) : nil
            for index in resolved.indices {
                let first: Int?
                if firstEntries != nil {
                    first = firstEntries!.first(equalTo: index)
                } else {
                    let key = CaseFolded(resolved[index].meaning)
                    first = resolved.indices.prefix(index).first { CaseFolded(resolved[$0].meaning) == key }
                }
                if let first {
                    let item = resolved[index].item
                    run.report(.redundantAction, "\(JSONWriter.quoted(item.text)) is listed twice (also as \(JSONWriter.quoted(resolved[first].item.text)))",
                               path: item.path, location: item.location, statement: statement)
                }
            }
            return
        }
        // Compared within one service prefix: the entries sorted by prefix, and in the
        // statement's order within one. (These entries are valid actions, so ASCII: their
        // prefix and name lowered are their meaning's.) Unknown actions are reported as such,
        // not as redundant.
        var entries: [RedundancyEntry] = []
        entries.reserveCapacity(resolved.count)
        for index in resolved.indices where resolved[index].isWildcard || !resolved[index].actions.isEmpty {
            let meaning = resolved[index].meaning
            guard let name = meaning.loweredName else { continue }
            entries.append(RedundancyEntry(index: index, key: CaseFolded(meaning), prefix: meaning.servicePrefix, name: name,
                                           nameHasWildcard: meaning.nameHasWildcard))
        }
        entries.sort { $0.prefix != $1.prefix ? $0.prefix < $1.prefix : $0.index < $1.index }
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count && entries[end].prefix == entries[start].prefix { end += 1 }
            if end - start > 1 { reportRedundant(entries[start..<end], resolved: resolved, statement: statement, run: run) }
            start = end
        }
    }

    struct RedundancyEntry {
        var index: Int
        var key: CaseFolded
        var prefix: String
        var name: [UInt8]
        var nameHasWildcard: Bool
    }

    /// Repeated and covered entries among those of one service prefix.
    static func reportRedundant(_ group: ArraySlice<RedundancyEntry>, resolved: [ResolvedAction], statement: PolicyView.Statement,
                                run: LintRun) {
        // For a long group; a short one is compared pairwise.
        var firstEntries = group.count > 16 ? FirstEntries(group.map(\.key)) : nil
        for position in group.indices {
            let entry = group[position]
            let first: Int?
            if firstEntries != nil {
                first = firstEntries!.first(equalTo: position - group.startIndex).map { group[group.startIndex + $0].index }
            } else {
                first = group[..<position].first { $0.key == entry.key }?.index
            }
            if let first {
                let item = resolved[entry.index].item
                run.report(.redundantAction, "\(JSONWriter.quoted(item.text)) is listed twice (also as \(JSONWriter.quoted(resolved[first].item.text)))",
                           path: item.path, location: item.location, statement: statement)
                continue
            }
            let isWildcard = entry.nameHasWildcard
            let own = resolved[entry.index].actions
            var ownNames: [[UInt8]]?  // lowered, made when first compared
            for other in group where other.nameHasWildcard && other.index != entry.index && other.key != entry.key {
                let covered: Bool
                if isWildcard {
                    // A wildcard is redundant when the other's matches include all of its own.
                    let names = ownNames ?? resolved[entry.index].meaning.loweredActionNames()
                    ownNames = names
                    covered = !own.isEmpty && names.allSatisfy { Glob.matches(other.name, $0) }
                        && !(resolved[other.index].actions.allSatisfy { action in own.contains { $0.name == action.name } } && other.index > entry.index)
                } else {
                    covered = Glob.matches(other.name, entry.name)
                }
                if covered {
                    let item = resolved[entry.index].item
                    run.report(.redundantAction, "\(JSONWriter.quoted(item.text)) is already allowed by \(JSONWriter.quoted(resolved[other.index].item.text)) in the same statement",
                               path: item.path, location: item.location, statement: statement)
                    break
                }
            }
        }
    }
}

/// An action text as a key that ignores case: equal when the meanings' lower-case texts are
/// equal Strings (canonical equivalence). ASCII texts, every valid action, compare their
/// lowered bytes, the same thing for them, after the hashes made once per meaning.
struct CaseFolded: Equatable {
    let meaning: ActionMeaning

    init(_ meaning: ActionMeaning) { self.meaning = meaning }

    static func == (lhs: CaseFolded, rhs: CaseFolded) -> Bool {
        if lhs.meaning === rhs.meaning { return true }
        if lhs.meaning.isASCII && rhs.meaning.isASCII {
            return lhs.meaning.loweredHash == rhs.meaning.loweredHash && lhs.meaning.lowered == rhs.meaning.lowered
        }
        return lhs.meaning.lowercased == rhs.meaning.lowercased
    }
}

/// The first of a long list's entries equal to each entry (`CaseFolded`), found by open
/// addressing on the meanings' byte hashes: a Dictionary's SipHash cost ~240 instructions a
/// look-up. The byte hash agrees with equality for ASCII texts only (a text that is not ASCII
/// may equal an ASCII one, "s3:a;" and "s3:a\u{037E}"), so a list holding another text is
/// compared pairwise; Action entries that resolve are valid actions, so ASCII, anyway.
struct FirstEntries {
    /// An entry's position + 1; 0 is an empty slot.
    private var slots: [Int]
    private let keys: [CaseFolded]
    private let hashesAgree: Bool

    init(_ keys: [CaseFolded]) {
        self.keys = keys
        hashesAgree = keys.allSatisfy(\.meaning.isASCII)
        var size = 16
        while size < keys.count * 2 { size *= 2 }
        slots = hashesAgree ? [Int](repeating: 0, count: size) : []
    }

    /// The position of the first key before `position` equal to the one there; each position
    /// asked for in order, from the first.
    mutating func first(equalTo position: Int) -> Int? {
        let key = keys[position]
        guard hashesAgree else { return keys.indices.prefix(position).first { keys[$0] == key } }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key.meaning.loweredHash) & mask
        while slots[slot] != 0 {
            if keys[slots[slot] - 1] == key { return slots[slot] - 1 }
            slot = (slot + 1) & mask
        }
        slots[slot] = position + 1
        return nil
    }
}
