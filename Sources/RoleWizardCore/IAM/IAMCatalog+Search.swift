import Foundation

extension IAMCatalog {
    /// Actions for a search box or an editor's completion: `s3:getob`, `getobject`, `decrypt`.
    /// Prefix matches of the full name (or of the action name, when the text has no colon) come
    /// first, shortest first, then substring matches, then scattered ones (`Suggest.fuzzyScore`).
    public func search(_ text: String, limit: Int = 50) -> [IAMAction] {
        search(text, positions: 0..<actionNames.count, limit: limit)
    }

    /// `search`, within one service.
    public func search(_ text: String, inService prefix: String, limit: Int = 50) -> [IAMAction] {
        guard let service = IAMNameMatching.withBytes(prefix, serviceIndex) else { return [] }
        return search(text, positions: firstAction[service]..<firstAction[service + 1], limit: limit)
    }

    private func search(_ text: String, positions: Range<Int>, limit: Int) -> [IAMAction] {
        let query = Suggest.lowercasedBytes(text.trimmingCharacters(in: .whitespaces))
        guard !query.isEmpty, limit > 0 else { return [] }
        let names = actionNameIndex()
        let bareName = !query.contains(IAMCatalogFile.colon)
        // Scores and positions only; positions follow the file's order, so ties go alphabetically.
        var scored: [(score: Int, position: Int)] = []
        for position in positions {
            let lowered = names.lowered[position]
            guard var score = Suggest.fuzzyScore(lowered: query, in: names.full[position], lowered: lowered) else { continue }
            // `getobject` should find s3:GetObject as surely as `s3:getobject` does.
            let start = names.nameStart[position]
            if bareName && lowered.count - start >= query.count && lowered[start..<(start + query.count)].elementsEqual(query) {
                score += 500
                if lowered.count - start == query.count { score += 1000 }
            }
            scored.append((score, position))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }
        return scored.prefix(limit).map { action(at: $0.position) }
    }

    /// The closest real names for an action that does not exist: other actions of the same
    /// service (`s3:GetObjcet` → `s3:GetObject`), the same action under a close or another
    /// prefix (`s4:GetObject` → `s3:GetObject`, `ssm:OpenDataChannel` →
    /// `ssmmessages:OpenDataChannel`), the same pattern under a close prefix (`kmz:Decrypt*` →
    /// `kms:Decrypt*`), or, failing those, close service prefixes alone. Text without a colon is
    /// taken as an action name (`Decrpyt` → `kms:Decrypt`) or a prefix.
    public func suggestions(forAction fullName: String, limit: Int = 3) -> [String] {
        let text = fullName.trimmingCharacters(in: .whitespaces)
        var found: [String] = []
        func add(_ candidate: String) {
            if found.count < limit && !found.contains(candidate) { found.append(candidate) }
        }
        guard let colon = text.firstIndex(of: ":") else {
            if !text.isEmpty && !IAMNameMatching.hasWildcard(text) {
                let names = actionNameIndex()
                for near in Suggest.closest(text, among: names.uniqueActionNames, limit: limit) {
                    let lowered = Suggest.lowercasedBytes(near)
                    if let position = names.full.indices.first(where: { names.actionName($0, is: lowered) }) {
                        add(names.fullName(position))
                    }
                }
            }
            closePrefixes(text, limit: limit).forEach(add)
            return found
        }
        let prefix = String(text[..<colon]), name = String(text[text.index(after: colon)...])
        let wildcard = IAMNameMatching.hasWildcard(name)
        let service = self.service(prefix)
        if let service, !wildcard {
            for near in Suggest.closest(name, among: service.actions.map(\.name), limit: limit) {
                add(service.prefix + ":" + near)
            }
        }
        let nearPrefixes = service == nil ? closePrefixes(prefix, limit: limit) : []
        if wildcard {
            // `kmz:Decrypt*` → `kms:Decrypt*`, when that matches something.
            for near in nearPrefixes where !(self.service(near)?.actions(matching: name).isEmpty ?? true) {
                add(near + ":" + name)
            }
        } else if !name.isEmpty {
            for near in nearPrefixes {
                if let action = self.service(near)?.action(named: name) { add(action.fullName) }
            }
            let names = actionNameIndex(), loweredName = Suggest.lowercasedBytes(name)
            for position in names.full.indices where names.actionName(position, is: loweredName) {
                add(names.fullName(position))
            }
        }
        if found.isEmpty { nearPrefixes.forEach(add) }
        return found
    }

    /// Service prefixes close to `text`, leaving out the ones much shorter than it (`Suggest`
    /// counts containment as closeness, and `zzqq` contains the prefix `q`).
    private func closePrefixes(_ text: String, limit: Int) -> [String] {
        Suggest.closest(text, among: servicePrefixes, limit: limit).filter { $0.count * 2 >= text.count }
    }

    /// Positions of the actions whose full name matches a wildcard pattern (in lower case).
    func fullNamePositions(matching pattern: [UInt8]) -> [Int] {
        if pattern == [IAMNameMatching.star] { return Array(0..<actionNames.count) }
        let names = actionNameIndex()
        return names.lowered.indices.filter { position in
            names.lowered[position].withUnsafeBufferPointer { IAMNameMatching.matches(pattern, $0) }
        }
    }

    func actionNameIndex() -> IAMActionNames {
        if let kept = actionNameCache.withLock({ $0 }) { return kept }
        let built = IAMActionNames(self)
        actionNameCache.withLock { $0 = built }
        return built
    }
}
