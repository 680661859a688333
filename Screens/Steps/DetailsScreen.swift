import RoleWizardCore

public struct DetailsState: Equatable, Sendable {
    public enum Field: Equatable, Sendable {
        case name, path, description, maxSessionDuration, permissionsBoundary
        case tagKey(Int), tagValue(Int)
        /// The row under the tags: typing there starts a new tag.
        case newTag

        var tag: Int? {
            switch self {
            case let .tagKey(index), let .tagValue(index): return index
            default: return nil
            }
        }
    }

    /// Where the role's name stood in attachTo lists at its last edit: a half-typed name can
    /// equal another role's name for a moment, and then the names alone cannot tell whose
    /// attachments are whose.
    struct Renaming: Equatable, Sendable {
        var role: Int
        var attachments: [RolesScreen.Attachment]
    }

    public var field: Field = .name
    /// The text cursor in the focused field, in characters; the text itself is the plan's.
    /// `Int.max` is the end of the text.
    public var cursor = Int.max
    var renaming: Renaming?
    public init() {}
}

/// Step 5: the role's name, path, description, tags, maximum session duration and permissions
/// boundary, as a form. Every field is a text field, and edits go into the plan as they are
/// typed (there is no commit step, so ^N or ^P never lose an edit); IAM's rule for the focused
/// field is checked at each key and shown beside it. An empty optional field means IAM's default.
public enum DetailsScreen: StepScreen {
    public enum Action: Sendable {
        case next, previous, up, down, newline, deleteTag
    }

    public static let step = Step.details

    public static let teaching = """
    Task definitions name the role by its ARN, arn:aws:iam::ACCOUNT:role/PATH/NAME. IAM cannot rename a role: a \
    new name is a new role, and every task definition must point to it. The path only groups roles, so that a \
    policy can name them all, such as iam:PassRole on role/ecs/*. The maximum session duration caps sessions \
    that people and tools start with AssumeRole; ECS renews task credentials on its own. A permissions boundary \
    is a ceiling: the role can do only what both its policies and the boundary allow. Tags help find roles and \
    can drive attribute-based access control.
    """

    public static func bindings(_ model: WizardModel) -> [Binding<Action>] {
        guard model.role != nil else { return [] }
        let field = focused(model)
        var bindings: [Binding<Action>] = [
            Binding([.tab], "Tab", "next field", .next),
            Binding([.backTab], "S-Tab", "previous field", .previous, inFooter: false),
            Binding([.up], "↑↓", "field", .up),
            Binding([.down], "↓", "field below", .down, inFooter: false),
        ]
        if field == .description {
            bindings.insert(Binding([.enter, .ctrl("j")], "Enter", "new line", .newline), at: 0)
        } else {
            bindings.append(Binding([.enter], "Enter", "next field", .next, inFooter: false))
        }
        if field.tag != nil { bindings.append(Binding([.ctrl("d")], "^D", "delete tag", .deleteTag)) }
        return bindings
    }

    public static func perform(_ action: Action, _ model: inout WizardModel) -> [Effect] {
        guard var role = model.role else { return [] }
        let field = focused(model)
        switch action {
        case .next: move(to: tabOrder(role).after(field, by: 1), &model)
        case .previous: move(to: tabOrder(role).after(field, by: -1), &model)
        case .up: move(to: vertical(field, by: -1, tags: role.tags.count), &model)
        case .down: move(to: vertical(field, by: 1, tags: role.tags.count), &model)
        case .newline: _ = typed(.char("\n"), &model)
        case .deleteTag:
            guard let index = field.tag else { return [] }
            let removed = role.tags.remove(at: index)
            model.role = role
            model.details.field = index < role.tags.count ? field : .newTag
            model.details.cursor = .max
            model.status = .info("deleted tag \(removed.key.isEmpty ? "(no key)" : removed.key)")
        }
        return []
    }

    public static func typed(_ key: Key, _ model: inout WizardModel) -> [Effect]? {
        guard var role = model.role else { return nil }
        let field = focused(model)
        if field == .newTag {
            guard case let .char(character) = key else { return nil }
            guard role.tags.count < IAMRules.tagsMax else {
                model.status = .error("a role has at most \(IAMRules.tagsMax) tags")
                return []
            }
            role.tags.append(Tag(String(character), ""))
            model.role = role
            model.details.field = .tagKey(role.tags.count - 1)
            model.details.cursor = .max
            return []
        }
        let before = text(of: field, role)
        var editor = TextField(before)
        editor.cursor = min(max(0, model.details.cursor), before.count)
        guard editor.handle(key) else { return nil }
        if field == .maxSessionDuration, !(editor.text.allSatisfy { $0.isASCII && $0.isWholeNumber } && editor.text.count <= 6) {
            model.status = .error("the maximum session duration is whole seconds, 3600 to 43200")
            return []
        }
        model.details.cursor = editor.cursor
        if editor.text != before { write(editor.text, to: field, &model) }
        return []
    }

    public static func capturesText(_ model: WizardModel) -> Bool { model.role != nil }

    /// Nothing to leave: edits are already in the plan, so Esc goes back a step.
    public static func escape(_ model: inout WizardModel) -> Bool { false }

    public static func focus(_ path: FieldPath, _ model: inout WizardModel) {
        let rest = Array(path.components.dropFirst(2))
        var field = DetailsState.Field.name
        switch rest.first {
        case .key("path")?: field = .path
        case .key("description")?: field = .description
        case .key("maxSessionDuration")?: field = .maxSessionDuration
        case .key("permissionsBoundary")?: field = .permissionsBoundary
        case .key("tags")?:
            if rest.count > 1, case let .index(index) = rest[1] {
                field = rest.count > 2 && rest[2] == .key("value") ? .tagValue(index) : .tagKey(index)
            } else {
                field = model.role?.tags.isEmpty == false ? .tagKey(0) : .newTag
            }
        default: break
        }
        model.details.field = field
        model.details.cursor = .max
    }

    // MARK: - Fields

    /// The focused field, in bounds for the role's tags.
    static func focused(_ model: WizardModel) -> DetailsState.Field {
        let field = model.details.field
        guard let index = field.tag else { return field }
        return (model.role?.tags.indices.contains(index) ?? false) ? field : .newTag
    }

    static func tabOrder(_ role: Role) -> [DetailsState.Field] {
        [.name, .path, .description, .maxSessionDuration, .permissionsBoundary]
            + role.tags.indices.flatMap { [DetailsState.Field.tagKey($0), .tagValue($0)] } + [.newTag]
    }

    /// The field above or below: tags keep their column; no wrapping.
    static func vertical(_ field: DetailsState.Field, by delta: Int, tags: Int) -> DetailsState.Field {
        let rows: [DetailsState.Field] = [.name, .path, .description, .maxSessionDuration, .permissionsBoundary]
            + (0..<tags).map { .tagKey($0) } + [.newTag]
        var row = rows.firstIndex(of: field) ?? 0
        var isValue = false
        if case let .tagValue(index) = field {
            row = rows.firstIndex(of: .tagKey(index)) ?? 0
            isValue = true
        }
        let target = rows[min(max(0, row + delta), rows.count - 1)]
        if isValue, case let .tagKey(index) = target { return .tagValue(index) }
        return target
    }

    /// Moves the focus. A tag left with neither key nor value is dropped on the way out.
    static func move(to target: DetailsState.Field, _ model: inout WizardModel) {
        var target = target
        if let index = focused(model).tag, index != target.tag, var role = model.role, role.tags[index] == Tag("", "") {
            role.tags.remove(at: index)
            model.role = role
            switch target {
            case let .tagKey(other) where other > index: target = .tagKey(other - 1)
            case let .tagValue(other) where other > index: target = .tagValue(other - 1)
            default: break
            }
        }
        model.details.field = target
        model.details.cursor = .max
    }

    static func text(of field: DetailsState.Field, _ role: Role) -> String {
        switch field {
        case .name: return role.name
        case .path: return role.path ?? ""
        case .description: return role.description ?? ""
        case .maxSessionDuration: return role.maxSessionDuration.map(String.init) ?? ""
        case .permissionsBoundary: return role.permissionsBoundary ?? ""
        case let .tagKey(index): return role.tags.indices.contains(index) ? role.tags[index].key : ""
        case let .tagValue(index): return role.tags.indices.contains(index) ? role.tags[index].value : ""
        case .newTag: return ""
        }
    }

    /// Writes a field's text into the plan; empty optional fields become nil (IAM's default).
    static func write(_ text: String, to field: DetailsState.Field, _ model: inout WizardModel) {
        guard var role = model.role else { return }
        let optional = text.isEmpty ? nil : text
        switch field {
        case .name:
            rename(to: text, &model)
            return
        case .path: role.path = optional
        case .description: role.description = optional
        case .maxSessionDuration: role.maxSessionDuration = Int(text)
        case .permissionsBoundary: role.permissionsBoundary = optional
        case let .tagKey(index): role.tags[index].key = text
        case let .tagValue(index): role.tags[index].value = text
        case .newTag: return
        }
        model.role = role
    }

    /// Renames the role as its name is typed, and its customer managed policy attachments with it.
    static func rename(to name: String, _ model: inout WizardModel) {
        let index = model.roleIndex
        let old = model.plan.roles[index].name
        let policies = model.plan.customerManagedPolicies
        let clash = model.plan.roles.indices.contains { $0 != index && model.plan.roles[$0].name == old }
        let remembered = model.details.renaming.flatMap { renaming -> [RolesScreen.Attachment]? in
            let current = renaming.role == index && renaming.attachments.allSatisfy { place in
                policies.indices.contains(place.policy) && policies[place.policy].attachTo.indices.contains(place.entry)
                    && policies[place.policy].attachTo[place.entry] == old
            }
            return current ? renaming.attachments : nil
        }
        // While another role has the same name, only the remembered entries are this role's.
        let attachments = RolesScreen.renameRole(at: index, to: name, attachments: clash ? remembered ?? [] : nil, &model)
        model.details.renaming = DetailsState.Renaming(role: index, attachments: attachments)
    }

    static func path(of field: DetailsState.Field, role: Int) -> FieldPath {
        let base = FieldPath.root / "roles" / role
        switch field {
        case .name: return base / "name"
        case .path: return base / "path"
        case .description: return base / "description"
        case .maxSessionDuration: return base / "maxSessionDuration"
        case .permissionsBoundary: return base / "permissionsBoundary"
        case let .tagKey(index): return base / "tags" / index / "key"
        case let .tagValue(index): return base / "tags" / index / "value"
        case .newTag: return base / "tags"
        }
    }

    /// What is wrong with a field: IAM's rule, checked here as it is typed, then what the
    /// compiler found there (names used twice, a boundary policy that does not exist).
    static func problem(_ field: DetailsState.Field, _ model: WizardModel) -> String? {
        guard let role = model.role else { return nil }
        let own: String?
        switch field {
        case .name: own = RolesScreen.renameProblem(role.name, model)
        case .path: own = role.path.flatMap(IAMRules.checkPath)
        case .description: own = role.description.flatMap(IAMRules.checkDescription)
        case .maxSessionDuration: own = role.maxSessionDuration.flatMap(IAMRules.checkSessionDuration)
        case let .tagKey(index): own = role.tags.indices.contains(index) ? IAMRules.checkTagKey(role.tags[index].key) : nil
        case let .tagValue(index): own = role.tags.indices.contains(index) ? IAMRules.checkTagValue(role.tags[index].value) : nil
        case .permissionsBoundary, .newTag: own = nil
        }
        let at = path(of: field, role: model.roleIndex)
        return own ?? model.problems(of: .details, role: model.roleIndex).first { $0.path == at }?.message
    }

    /// What the focused field holds and the rule it follows.
    static func hint(_ field: DetailsState.Field, _ model: WizardModel) -> String {
        switch field {
        case .name:
            return "Up to 64 letters, digits and _+=,.@-, unique in the account ignoring case."
        case .path:
            return "Empty means /. A path such as /ecs/ groups roles: policies can name role/ecs/*."
        case .description:
            return "Empty means none. Up to 1000 characters; Enter starts a new line (shown as ↵)."
        case .maxSessionDuration:
            let seconds = model.role?.effectiveMaxSessionDuration ?? IAMRules.defaultSessionDuration
            return "Seconds, 3600 to 43200 (1 to 12 hours); empty means 3600. Now: \(hours(seconds))."
        case .permissionsBoundary:
            var text = "Empty means none. An AWS managed policy name, or a policy ARN: the most this role's policies can grant."
            if let arn = model.compiledRole?.permissionsBoundaryARN {
                text += " Resolves to \(arn)."
            } else if model.role?.permissionsBoundary != nil && model.catalog == nil {
                text += " Checked once the managed policy catalog has loaded."
            }
            return text
        case .tagKey, .tagValue:
            return "Keys 1–128, values 0–256 characters: letters, digits, spaces, _.:/=+-@; keys do not start with aws:. ^D deletes the tag."
        case .newTag:
            return "Type a key here to add a tag (up to 50)."
        }
    }

    static func hours(_ seconds: Int) -> String {
        let parts = [(seconds / 3600, "h"), (seconds % 3600 / 60, "min"), (seconds % 60, "s")].filter { $0.0 > 0 }
        return parts.isEmpty ? "0 s" : parts.map { "\($0.0) \($0.1)" }.joined(separator: " ")
    }

    // MARK: - View

    public static func render(_ model: WizardModel, in area: Rect, canvas: inout Canvas) -> (x: Int, y: Int)? {
        guard let role = model.role else {
            canvas.paragraph("Add a role in step 1 first: this step names it and sets its details.", in: area, style: .muted)
            return nil
        }
        let field = focused(model)
        // Label, problem mark, field; what the focused field needs goes in the panel beside it.
        let markX = area.x + 12
        let fieldX = area.x + 14
        let fieldWidth = min(48, max(30, (area.width - 16) / 2))
        let panel = Rect(x: fieldX + fieldWidth + 2, y: area.y, width: area.maxX - fieldX - fieldWidth - 2, height: area.height)
        var cursor: (x: Int, y: Int)?
        var focusY = area.y
        let fields: [(String, DetailsState.Field, String)] = [
            ("Name", .name, "(required)"),
            ("Path", .path, "/ (default)"),
            ("Description", .description, "(none)"),
            ("Max session", .maxSessionDuration, "3600 (default) = 1 h"),
            ("Boundary", .permissionsBoundary, "(none)"),
        ]
        let profile = model.compiledRole?.instanceProfileARN
        let head = profile == nil ? 2 : 3
        // On a short screen (the teaching pane open) the form slides up to keep the focus in view.
        let focusRow = head + (fields.firstIndex { $0.1 == field } ?? fields.count + 2)
        var y = area.y - max(0, focusRow + 1 - area.height)
        func inside(_ row: Int) -> Bool { row >= area.y && row < area.maxY }

        let arn = model.compiledRole.map { "ARN " + $0.arn } ?? "ARN shown once the managed policy catalog has loaded"
        if inside(y) { canvas.clipped(arn, x: area.x, y: y, width: area.width, style: .muted, glyphs: model.glyphs) }
        if let profile, inside(y + 1) {
            canvas.clipped("Instance profile " + profile, x: area.x, y: y + 1, width: area.width, style: .muted, glyphs: model.glyphs)
        }
        y += head

        /// One field's text at (x, y): the focused one with its cursor, others clipped, an empty one
        /// showing what it defaults to.
        func drawValue(_ item: DetailsState.Field, x: Int, y: Int, width: Int, placeholder: String) {
            guard inside(y) else { return }
            let value = shown(text(of: item, role))
            if item == field {
                var editor = TextField(value)
                editor.cursor = min(max(0, model.details.cursor), value.count)
                let (visible, column) = editor.visible(width: width)
                canvas.put(TextLayout.pad(visible, width: width), x: x, y: y, style: .selected)
                cursor = (x + column, y)
                focusY = y
            } else if value.isEmpty {
                canvas.clipped(placeholder, x: x, y: y, width: width, style: .muted, glyphs: model.glyphs)
            } else {
                canvas.clipped(value, x: x, y: y, width: width, glyphs: model.glyphs)
            }
            if item == .maxSessionDuration, let seconds = role.maxSessionDuration, item != field || value.count + 3 < width {
                let used = item == field ? value.count : DisplayWidth.of(value)
                canvas.put(" = " + hours(seconds), x: x + used, y: y, style: item == field ? .selected : .muted, limit: width - used)
            }
            // The focused field's problem is spelled out beside it; the others get a mark.
            if item != field && problem(item, model) != nil { canvas.put(model.glyphs.error, x: markX, y: y, style: .error) }
        }

        for (label, item, placeholder) in fields where y < area.maxY {
            if inside(y) { canvas.put(label, x: area.x, y: y, style: item == field ? .accent : .normal) }
            drawValue(item, x: fieldX, y: y, width: fieldWidth, placeholder: placeholder)
            y += 1
        }

        y += 1
        let keyWidth = (fieldWidth - 1) / 2
        let valueX = fieldX + keyWidth + 1
        if inside(y) {
            canvas.put("Tags", x: area.x, y: y, style: field.tag != nil || field == .newTag ? .accent : .normal)
            canvas.put("key", x: fieldX, y: y, style: .muted)
            canvas.put("value", x: valueX, y: y, style: .muted)
        }
        y += 1
        let rowsLeft = max(1, area.maxY - y - 1)
        let first = ListCursor(selected: field.tag ?? role.tags.count).firstVisible(rows: rowsLeft, count: role.tags.count + 1)
        for index in first..<min(role.tags.count, first + rowsLeft) where y < area.maxY {
            drawValue(.tagKey(index), x: fieldX, y: y, width: keyWidth, placeholder: "(key)")
            drawValue(.tagValue(index), x: valueX, y: y, width: fieldWidth - keyWidth - 1, placeholder: "(empty)")
            y += 1
        }
        if inside(y) && role.tags.count <= first + rowsLeft {
            let prompt = role.tags.count < IAMRules.tagsMax ? "+ type a key to add a tag" : "(50 tags: IAM's limit)"
            if field == .newTag {
                canvas.put(TextLayout.pad(prompt, width: fieldWidth), x: fieldX, y: y, style: .selected)
                cursor = (fieldX, y)
                focusY = y
            } else {
                canvas.put(prompt, x: fieldX, y: y, style: .muted, limit: fieldWidth)
            }
        }

        // Beside the focused field: what is wrong with it, else its rule.
        let error = problem(field, model)
        let note = TextLayout.wrap(error.map { model.glyphs.error + " " + $0 } ?? hint(field, model), width: panel.width)
        let top = max(panel.y, min(focusY, panel.maxY - note.count))
        for (row, line) in note.enumerated() where top + row < panel.maxY {
            canvas.put(line, x: panel.x, y: top + row, style: error == nil ? .muted : .error, limit: panel.width)
        }
        return cursor
    }

    /// Line breaks as ↵, one character for one, so the cursor stays where it is.
    static func shown(_ text: String) -> String {
        String(text.map { $0.isNewline ? "↵" : $0 })
    }
}

private extension Array where Element == DetailsState.Field {
    /// The field `delta` places after `field`, wrapping around.
    func after(_ field: DetailsState.Field, by delta: Int) -> DetailsState.Field {
        let index = firstIndex(of: field) ?? 0
        return self[((index + delta) % count + count) % count]
    }
}
