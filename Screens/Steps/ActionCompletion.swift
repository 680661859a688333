import RoleWizardCore

extension InlinePoliciesState {
    /// Completion of the Action item being typed in the statements form, from the IAM catalog:
    /// the best matches of the characters typed so far, each with its access level and resource
    /// types. Tab takes the highlighted one, ↑↓ choose, Esc closes the list.
    public struct Completion: Equatable, Sendable {
        public struct Item: Equatable, Sendable {
            /// `s3:GetObject`.
            public var name: String
            /// `Read`.
            public var accessLevel: String
            /// `accesspointobject, object*` (required ones marked `*`), or `-` for none.
            public var resourceTypes: String

            public init(name: String, accessLevel: String, resourceTypes: String) {
                self.name = name
                self.accessLevel = accessLevel
                self.resourceTypes = resourceTypes
            }

            init(_ action: IAMAction) {
                name = action.fullName
                accessLevel = action.accessLevel.rawValue
                let types = action.resourceTypes.filter { !$0.name.isEmpty }.map { $0.name + ($0.required ? "*" : "") }
                resourceTypes = types.isEmpty ? "-" : types.joined(separator: ", ")
            }
        }

        /// What was searched: the list item's characters up to the cursor.
        public var query: String
        public var items: [Item]
        public var selected = 0

        /// How many matches the list shows.
        public static let limit = 5

        /// The matches for the list item the cursor is in; nil when there is nothing to offer: no
        /// catalog yet, fewer than two characters, a wildcard, no match, or an item already
        /// written out as the best match.
        static func make(for field: TextField, catalog: IAMCatalog?) -> Completion? {
            guard let catalog else { return nil }
            let characters = Array(field.text)
            let item = itemRange(in: field)
            let typed = String(characters[item.lowerBound..<max(item.lowerBound, min(field.cursor, item.upperBound))])
            guard typed.count >= 2, !typed.contains(where: { $0 == "*" || $0 == "?" || $0.isWhitespace }) else { return nil }
            let found: [IAMAction]
            if let colon = typed.firstIndex(of: ":"), catalog.service(String(typed[..<colon])) != nil {
                found = catalog.search(typed, inService: String(typed[..<colon]), limit: limit)
            } else {
                found = catalog.search(typed, limit: limit)
            }
            guard let best = found.first, best.fullName != String(characters[item]) else { return nil }
            return Completion(query: typed, items: found.map(Item.init))
        }

        /// The list item the cursor is in, as character offsets: from after the comma before the
        /// cursor (and its spaces) to the next comma (less trailing spaces).
        static func itemRange(in field: TextField) -> Range<Int> {
            let characters = Array(field.text)
            let cursor = min(max(0, field.cursor), characters.count)
            var start = cursor
            while start > 0 && characters[start - 1] != "," { start -= 1 }
            while start < cursor && characters[start] == " " { start += 1 }
            var end = cursor
            while end < characters.count && characters[end] != "," { end += 1 }
            while end > start && characters[end - 1] == " " { end -= 1 }
            return start..<max(start, end)
        }

        /// The field with the item the cursor is in replaced by `name`, the cursor after it.
        static func accept(_ name: String, into field: TextField) -> TextField {
            var characters = Array(field.text)
            let item = itemRange(in: field)
            characters.replaceSubrange(item, with: Array(name))
            var result = TextField(String(characters))
            result.cursor = item.lowerBound + name.count
            return result
        }

        /// The rows the list shows: each match's name, access level and resource types in
        /// aligned columns.
        var rows: [String] {
            let nameWidth = items.map { DisplayWidth.of($0.name) }.max() ?? 0
            let levelWidth = items.map { DisplayWidth.of($0.accessLevel) }.max() ?? 0
            return items.map {
                TextLayout.pad($0.name, width: nameWidth) + "  " + TextLayout.pad($0.accessLevel, width: levelWidth) + "  " + $0.resourceTypes
            }
        }
    }
}

extension InlinePoliciesState.StatementsForm {
    /// The focused Action field's text (empty for any other field).
    var focusedText: String {
        guard case let .action(n) = focus, statements.indices.contains(n) else { return "" }
        return statements[n].action.text
    }

    /// Opens, updates or closes the completion after a key in the focused field: the Action
    /// field's text changed → its matches; anything else (another field, a cursor move) closes it.
    mutating func complete(textBefore: String, catalog: IAMCatalog?) {
        guard case let .action(n) = focus, statements.indices.contains(n), statements[n].action.text != textBefore else {
            completion = nil
            return
        }
        completion = InlinePoliciesState.Completion.make(for: statements[n].action, catalog: catalog)
    }

    /// Tab with the list open: the highlighted match replaces the item being typed.
    mutating func acceptCompletion() {
        defer { completion = nil }
        guard let completion, case let .action(n) = focus, statements.indices.contains(n),
              completion.items.indices.contains(completion.selected) else { return }
        statements[n].action = InlinePoliciesState.Completion.accept(completion.items[completion.selected].name, into: statements[n].action)
    }

    mutating func moveCompletion(_ delta: Int) {
        guard var list = completion, !list.items.isEmpty else { return }
        list.selected = min(max(0, list.selected + delta), list.items.count - 1)
        completion = list
    }
}

extension InlinePoliciesScreen {
    static let completionHelp = "IAM actions matching what you typed: access level, then the resource types "
        + "the action can be scoped to (* marks a required one; - means none, so Resource \"*\")."

    /// The completion list under the focused Action field (above it when there is no room
    /// below), from the form's left edge, as wide as its rows need (over the preview when the
    /// form's column is too narrow).
    static func drawCompletion(_ completion: InlinePoliciesState.Completion, under field: (x: Int, y: Int), _ model: WizardModel,
                               in area: Rect, canvas: inout Canvas) {
        let rows = completion.rows
        let below = area.maxY - field.y - 1, above = field.y - area.y - 1
        let shown = min(rows.count, max(below, above) - 2)
        let needed = (rows.map { DisplayWidth.of($0) }.max() ?? 0) + 2 + 2
        let width = min(area.width, max(formColumns(area).0.width, needed))
        guard shown > 0, width > 6 else { return }
        let height = shown + 2
        let y = below >= height || below >= above ? field.y + 1 : field.y - height
        let rect = Rect(x: area.x, y: y, width: width, height: height)
        canvas.fill(rect)
        canvas.box(rect, title: "IAM actions", glyphs: model.glyphs, style: .muted)
        let first = ListCursor(selected: completion.selected).firstVisible(rows: shown, count: rows.count)
        for (offset, index) in (first..<min(rows.count, first + shown)).enumerated() {
            let selected = index == completion.selected
            let text = (selected ? model.glyphs.pointer + " " : "  ") + rows[index]
            let width = rect.width - 2
            let line = TextLayout.truncate(text, width: width, ellipsis: model.glyphs.ellipsis)
            canvas.put(selected ? TextLayout.pad(line, width: width) : line, x: rect.x + 1, y: rect.y + 1 + offset,
                       style: selected ? .selected : .normal, limit: width)
        }
    }
}
