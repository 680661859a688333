import RoleWizardCore

public struct TrustState: Equatable, Sendable {
    /// The three ways of saying who is trusted, as the IAM console's "Trusted entity type".
    public enum Page: Int, CaseIterable, Equatable, Sendable {
        case service, account, custom

        var title: String {
            switch self {
            case .service: return "AWS service"
            case .account: return "AWS account"
            case .custom: return "Custom"
            }
        }
    }

    public enum Mode: Equatable, Sendable {
        case browse
        /// Typing a principal on the service or account page: a new one (`index` nil) or a change to one.
        case typing(TextField, index: Int?)
        /// Asking before the custom trust policy is removed.
        case confirmRemove
    }

    /// Editor text that did not parse, kept so that the person can fix it instead of starting over.
    public struct Unparsed: Equatable, Sendable {
        public var role: Int
        public var text: String
        public var message: String
    }

    public var page: Page = .service
    public var mode: Mode = .browse
    /// The service page's rows: the services, then the confused-deputy toggle.
    public var services = ListCursor()
    public var accounts = ListCursor()
    /// Tab puts the focus on the preview, where the list keys scroll it.
    public var previewFocused = false
    public var previewTop = 0
    public var unparsed: Unparsed?
    public init() {}
}

/// Step 2: who may assume the role. AWS services (the kind's own principal, plus others), AWS
/// accounts and IAM principals, or a whole trust policy written in $EDITOR; the confused-deputy
/// conditions; and the trust policy as IAM will get it, next to the settings.
public enum TrustScreen: StepScreen {
    public enum Action: Sendable {
        case page(Int), togglePreview, move(ListMove), scroll(ListMove)
        case add, edit, commit, remove, toggleProtection
        case openEditor, discardUnparsed, askRemoveDocument, removeDocument
    }

    public static let step = Step.trust

    public static let teaching = """
    The trust policy says who may assume the role. ECS tasks assume task and execution roles as the service \
    ecs-tasks.amazonaws.com; EC2 container instances assume theirs as ec2.amazonaws.com, through the instance \
    profile. Trusting an account lets its users and roles assume the role when their own policies also allow \
    sts:AssumeRole on it. Confused-deputy protection adds aws:SourceAccount and aws:SourceArn conditions, so that \
    ECS acting for another account cannot assume yours. A custom policy replaces the generated one entirely.
    """

    public static func bindings(_ model: WizardModel) -> [Binding<Action>] {
        guard let role = model.role else { return [] }
        let state = model.trust
        switch mode(model) {
        case let .typing(_, index):
            return [Binding([.enter], "Enter", index == nil ? "add" : "save", .commit)]
        case .confirmRemove:
            return [Binding([.enter], "Enter", "remove it", .removeDocument)]
        case .browse:
            break
        }
        let common = [
            Binding([.left], "←→", "page", Action.page(-1)),
            Binding([.right], "→", "next page", .page(1), inFooter: false),
            Binding([.tab], "Tab", state.previewFocused ? "settings" : "preview", .togglePreview),
            Binding([.backTab], "S-Tab", state.previewFocused ? "settings" : "preview", .togglePreview, inFooter: false),
        ]
        if state.previewFocused { return Binding.list("scroll", Action.scroll) + common }
        var own: [Binding<Action>] = []
        switch state.page {
        case .service:
            own = Binding.list("select", Action.move) + [Binding([.char("a")], "a", "add", .add)]
            if selectedRow(model) < services(role).count {
                own += [Binding([.enter], "Enter", "edit", .edit), Binding([.char("x"), .delete], "x", "remove", .remove)]
            } else {
                own.append(Binding([.char(" "), .enter], "Space", "toggle", .toggleProtection))
            }
        case .account:
            own = Binding.list("select", Action.move) + [Binding([.char("a")], "a", "add", .add)]
            if !role.trust.accounts.isEmpty {
                own += [Binding([.enter], "Enter", "edit", .edit), Binding([.char("x"), .delete], "x", "remove", .remove)]
            }
        case .custom:
            own.append(Binding([.enter], "Enter", "edit in $EDITOR", .openEditor))
            if unparsed(model) != nil {
                own.append(Binding([.char("x"), .delete], "x", "discard edit", .discardUnparsed))
            } else if role.trust.document != nil {
                own.append(Binding([.char("x"), .delete], "x", "remove", .askRemoveDocument))
            }
        }
        return own + common
    }

    public static func perform(_ action: Action, _ model: inout WizardModel) -> [Effect] {
        guard var role = model.role else { return [] }
        switch action {
        case let .page(delta):
            let count = TrustState.Page.allCases.count
            model.trust.page = TrustState.Page(rawValue: (model.trust.page.rawValue + delta + count) % count) ?? .service
        case .togglePreview:
            model.trust.previewFocused.toggle()
        case let .move(move):
            if model.trust.page == .account {
                model.trust.accounts.apply(move, count: role.trust.accounts.count, page: 5)
            } else {
                model.trust.services.selected = selectedRow(model)
                model.trust.services.apply(move, count: services(role).count + 1, page: 5)
            }
        case let .scroll(move):
            let (_, pane) = layout(Wizard.bodyArea(model))
            let rows = max(1, pane.height - 2)
            let maxTop = max(0, previewLines(model, width: pane.width - 2).count - rows)
            switch move {
            case let .by(delta): model.trust.previewTop += delta
            case let .page(direction): model.trust.previewTop += direction * rows
            case .first: model.trust.previewTop = 0
            case .last: model.trust.previewTop = maxTop
            }
            model.trust.previewTop = min(max(0, model.trust.previewTop), maxTop)
        case .add:
            model.trust.mode = .typing(TextField(), index: nil)
        case .edit:
            let index = selectedRow(model)
            let list = model.trust.page == .account ? role.trust.accounts : services(role)
            guard list.indices.contains(index) else { return [] }
            model.trust.mode = .typing(TextField(list[index]), index: index)
        case .commit:
            guard case let .typing(field, index) = mode(model) else { return [] }
            if let problem = entryProblem(field.text, editing: index, model) {
                model.status = .error(problem)
                return []
            }
            let isAccount = model.trust.page == .account
            var list = isAccount ? role.trust.accounts : services(role)
            if let index { list[index] = field.text } else { list.append(field.text) }
            if isAccount {
                role.trust.accounts = list
                model.trust.accounts.selected = index ?? list.count - 1
            } else {
                // The kind's own principal alone is the default: keep the plan minimal.
                role.trust.services = list == [role.kind.trustedService] ? nil : list
                model.trust.services.selected = index ?? list.count - 1
            }
            model.role = role
            model.trust.mode = .browse
            model.status = .info("trusted: \(field.text)")
        case .remove:
            let index = selectedRow(model)
            if model.trust.page == .account {
                guard role.trust.accounts.indices.contains(index) else { return [] }
                let removed = role.trust.accounts.remove(at: index)
                model.status = .info("no longer trusted: \(removed)")
            } else {
                var list = services(role)
                guard list.indices.contains(index) else { return [] }
                let removed = list.remove(at: index)
                role.trust.services = list == [role.kind.trustedService] ? nil : list
                model.status = .info("no longer trusted: \(removed)")
            }
            model.role = role
        case .toggleProtection:
            let fallback = role.trust.defaultConfusedDeputyProtection(kind: role.kind, context: model.plan.context)
            let on = !(role.trust.confusedDeputyProtection ?? fallback)
            role.trust.confusedDeputyProtection = on == fallback ? nil : on
            model.role = role
        case .openEditor:
            let text: String
            if let unparsed = unparsed(model) {
                text = unparsed.text
            } else if let document = role.trust.document {
                text = document.prettyText
            } else if let generated = model.compiledRole?.trustPolicy {
                text = generated.prettyText
            } else {
                model.status = .info("the generated policy to start from is ready once the managed policy catalog has loaded")
                return []
            }
            return [.openEditor(text: text, target: .trustDocument(role: model.roleIndex))]
        case .discardUnparsed:
            model.trust.unparsed = nil
            model.status = .info("discarded the edit that did not parse")
        case .askRemoveDocument:
            guard role.trust.document != nil else { return [] }
            model.trust.mode = .confirmRemove
        case .removeDocument:
            role.trust.document = nil
            model.role = role
            model.trust.mode = .browse
            model.status = .info("removed the custom trust policy: the generated one applies again")
        }
        return []
    }

    public static func typed(_ key: Key, _ model: inout WizardModel) -> [Effect]? {
        guard case .typing(var field, let index) = mode(model), field.handle(key) else { return nil }
        model.trust.mode = .typing(field, index: index)
        return []
    }

    public static func capturesText(_ model: WizardModel) -> Bool {
        if case .typing = mode(model) { return true }
        return false
    }

    public static func escape(_ model: inout WizardModel) -> Bool {
        if model.trust.mode != .browse {
            model.trust.mode = .browse
            model.status = nil
            return true
        }
        if model.trust.previewFocused {
            model.trust.previewFocused = false
            return true
        }
        return false
    }

    public static func focus(_ path: FieldPath, _ model: inout WizardModel) {
        model.trust.mode = .browse
        model.trust.previewFocused = false
        let rest = Array(path.components.dropFirst(3))
        var index = 0
        if rest.count > 1, case let .index(value) = rest[1] { index = value }
        switch rest.first {
        case .key("accounts")?:
            model.trust.page = .account
            model.trust.accounts.selected = index
        case .key("document")?:
            model.trust.page = .custom
        case .key("confusedDeputyProtection")?:
            model.trust.page = .service
            model.trust.services.selected = model.role.map { services($0).count } ?? 0
        default:
            model.trust.page = .service
            model.trust.services.selected = index
        }
    }

    /// The custom trust policy came back from $EDITOR. It is kept when it parses; what IAM would
    /// reject in it shows as problems. Text that does not parse is kept aside to be fixed.
    public static func editorFinished(text: String?, role index: Int, _ model: inout WizardModel) -> [Effect] {
        guard model.plan.roles.indices.contains(index) else { return [] }
        guard let text else {
            model.status = .error("the editor did not finish; the trust policy is unchanged")
            return []
        }
        switch PolicyReader.parse(text: text) {
        case let .failure(error):
            model.trust.unparsed = TrustState.Unparsed(role: index, text: text, message: error.message)
            model.status = .error("trust policy not saved: \(error.message)")
        case let .success(document):
            model.trust.unparsed = nil
            let current = model.plan.roles[index].trust.document
                ?? model.compiled.flatMap { $0.roles.indices.contains(index) ? $0.roles[index].trustPolicy : nil }
            if document == current {
                model.status = .info("the trust policy is unchanged")
                return []
            }
            model.plan.roles[index].trust.document = document
            let problems = PolicyGrammar.check(document, use: .trust, paths: .document(
                .root / "roles" / index / "trust" / "document", statementIsList: document.statementIsList))
            if let first = problems.first {
                model.status = .error("custom trust policy saved, but \(first)" + (problems.count > 1 ? " (+\(problems.count - 1) more)" : ""))
            } else {
                model.status = .info("custom trust policy saved: it replaces the generated one")
            }
        }
        return []
    }

    // MARK: - Model helpers

    /// The service principals trusted: the plan's list, or the kind's own.
    static func services(_ role: Role) -> [String] { role.trust.services ?? [role.kind.trustedService] }

    /// The selected row of the current page, in bounds.
    static func selectedRow(_ model: WizardModel) -> Int {
        guard let role = model.role else { return 0 }
        if model.trust.page == .account {
            return min(max(0, model.trust.accounts.selected), max(0, role.trust.accounts.count - 1))
        }
        return min(max(0, model.trust.services.selected), services(role).count)
    }

    /// The mode, made safe for the role selected now: it may have changed in step 1 meanwhile.
    static func mode(_ model: WizardModel) -> TrustState.Mode {
        guard let role = model.role else { return .browse }
        switch model.trust.mode {
        case let .typing(field, index?):
            let count = model.trust.page == .account ? role.trust.accounts.count : services(role).count
            return .typing(field, index: index < count ? index : nil)
        case .confirmRemove where role.trust.document == nil:
            return .browse
        default:
            return model.trust.mode
        }
    }

    static func unparsed(_ model: WizardModel) -> TrustState.Unparsed? {
        model.trust.unparsed.flatMap { $0.role == model.roleIndex ? $0 : nil }
    }

    /// What is wrong with the principal being typed, checked as it is typed.
    static func entryProblem(_ text: String, editing index: Int?, _ model: WizardModel) -> String? {
        guard let role = model.role else { return nil }
        let isAccount = model.trust.page == .account
        if text.isEmpty {
            return isAccount ? "type an account ID (12 digits) or an IAM principal ARN"
                : "type a service principal, like \(role.kind.trustedService)"
        }
        if let problem = isAccount ? accountProblem(text, model) : PolicyGrammar.checkPrincipal(text, type: .service) {
            return problem
        }
        let list = isAccount ? role.trust.accounts : services(role)
        return list.indices.contains { $0 != index && list[$0] == text } ? "\(text) is already trusted" : nil
    }

    /// An account ID or an IAM principal ARN, as the compiler accepts them.
    static func accountProblem(_ text: String, _ model: WizardModel) -> String? {
        if IAMRules.isAccountID(text) { return nil }
        let example = "arn:\(model.plan.effectivePartition.rawValue):iam::111122223333:role/NAME"
        if text.allSatisfy(\.isWholeNumber) { return "an account ID is 12 digits, not \(text.count)" }
        guard text.hasPrefix("arn:") else { return "an account ID (12 digits) or an IAM principal ARN (\(example))" }
        switch ARN.parse(text) {
        case let .failure(error): return error.message
        case let .success(arn):
            return arn.service == "iam" && IAMRules.isAccountID(arn.account) ? nil
                : "not an IAM principal ARN with an account ID (\(example))"
        }
    }

    // MARK: - View

    /// The settings on the left, the JSON preview on the right.
    static func layout(_ area: Rect) -> (settings: Rect, preview: Rect) {
        area.splitColumns(min(50, max(36, area.width / 2 - 4)), gap: 2)
    }

    /// The trust policy as IAM gets it, long lines continued under their indentation.
    static func previewLines(_ model: WizardModel, width: Int) -> [String] {
        guard let policy = model.compiledRole?.trustPolicy, width > 8 else { return [] }
        return policy.prettyText.split(separator: "\n").flatMap { breakLine(String($0), width: width) }
    }

    /// Breaks a JSON line after a key, a colon or a slash where it can (else anywhere), each
    /// continuation two columns deeper than the line.
    static func breakLine(_ line: String, width: Int) -> [String] {
        let depth = line.prefix { $0 == " " }.count
        let indent = String(repeating: " ", count: min(width / 2, depth + 2))
        var rows: [String] = []
        var rest = Array(line)
        while !rest.isEmpty {
            let lead = rows.isEmpty ? "" : indent
            let room = width - lead.count
            if DisplayWidth.of(String(rest)) <= room {
                rows.append(lead + String(rest))
                break
            }
            let fits = TextLayout.prefix(String(rest), width: room).count
            guard fits > 0 else { break }
            let start = min(fits, rows.isEmpty ? depth + 1 : 1)
            // After `"key": ` first, so that the value starts on a line of its own; then after a colon or slash.
            let afterKey = (start..<fits).first { rest[$0 - 1] == " " && $0 >= 2 && rest[$0 - 2] == ":" }
            var cut = afterKey ?? fits
            if afterKey == nil, let last = (start..<fits).last(where: { [":", "/"].contains(rest[$0 - 1]) }) { cut = last }
            rows.append(lead + String(rest[..<cut]).dropLast(rest[cut - 1] == " " ? 1 : 0))
            rest.removeFirst(cut)
        }
        return rows
    }

    public static func render(_ model: WizardModel, in area: Rect, canvas: inout Canvas) -> (x: Int, y: Int)? {
        guard let role = model.role else {
            canvas.paragraph("Add a role in step 1 first: this step says who may assume it.", in: area, style: .muted)
            return nil
        }
        let (settings, preview) = layout(area)
        drawPreview(model, in: preview, canvas: &canvas)

        let state = model.trust
        var x = settings.x
        for page in TrustState.Page.allCases where x < settings.maxX {
            let style: Canvas.Style = page == state.page ? (state.previewFocused ? .accent : .selected) : .muted
            x = canvas.put(" \(page.title) ", x: x, y: settings.y, style: style, limit: settings.maxX - x) + 1
        }

        let problems = model.problems(of: .trust, role: model.roleIndex)
        let status: [(String, Canvas.Style)]
        if model.catalog == nil {
            status = [("checking…", .muted)]
        } else if problems.isEmpty {
            status = [(model.glyphs.ok + " IAM would accept this trust policy", .accent)]
        } else {
            status = problems.map { (model.glyphs.error + " " + $0.message, .error) }
        }
        let statusLines = status.flatMap { text, style in TextLayout.wrap(text, width: settings.width).map { ($0, style) } }
        let shownStatus = Array(statusLines.prefix(max(1, min(5, settings.height / 4))))
        let bottom = settings.maxY - shownStatus.count
        for (row, line) in shownStatus.enumerated() {
            canvas.put(line.0, x: settings.x, y: bottom + row, style: line.1, limit: settings.width)
        }

        let body = Rect(x: settings.x, y: settings.y + 2, width: settings.width, height: bottom - 1 - (settings.y + 2))
        switch state.page {
        case .service, .account: return drawList(model, role, in: body, canvas: &canvas)
        case .custom:
            drawCustom(model, role, in: body, canvas: &canvas)
            return nil
        }
    }

    static func drawPreview(_ model: WizardModel, in pane: Rect, canvas: inout Canvas) {
        var title = "Trust policy"
        if let compiled = model.compiledRole {
            title = (compiled.role.trust.document == nil ? "Trust policy" : "Custom trust policy")
                + " \(compiled.trustPolicySize)/\(IAMRules.trustPolicyMax)"
        }
        canvas.box(pane, title: title, glyphs: model.glyphs, style: model.trust.previewFocused ? .accent : .muted)
        let inner = pane.inset(1)
        guard model.compiledRole != nil else {
            canvas.paragraph("The policy appears once the managed policy catalog has loaded.", in: inner, style: .muted)
            return
        }
        let lines = previewLines(model, width: inner.width)
        let top = min(max(0, model.trust.previewTop), max(0, lines.count - inner.height))
        for (row, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            canvas.put(line, x: inner.x, y: inner.y + row, limit: inner.width)
        }
        if lines.count > inner.height {
            let mark = " \(top + 1)–\(min(lines.count, top + inner.height)) of \(lines.count) "
            canvas.put(mark, x: pane.maxX - 2 - DisplayWidth.of(mark), y: pane.maxY - 1, style: .muted)
        }
    }

    /// The service or account page: what it means, its list, and on the service page the
    /// confused-deputy toggle. On a short screen the list, the field and the toggle come first.
    static func drawList(_ model: WizardModel, _ role: Role, in area: Rect, canvas: inout Canvas) -> (x: Int, y: Int)? {
        let isAccount = model.trust.page == .account
        let list = isAccount ? role.trust.accounts : services(role)
        let selected = selectedRow(model)
        var field: (text: TextField, index: Int?)?
        if case let .typing(text, index) = mode(model) { field = (text, index) }
        let feedback = field.map { TextLayout.wrap(feedbackText($0.text, editing: $0.index, model), width: area.width - 2) } ?? []
        let adding = field != nil && field?.index == nil
        let rows = list.count + (adding ? 1 : 0)
        let empty = isAccount ? "None yet: a adds an account ID (12 digits) or an IAM role or user ARN."
            : "None: only accounts can assume the role. a adds a service."
        let listLines = rows == 0 ? TextLayout.wrap(empty, width: area.width) : []

        var budget = area.height - max(rows, listLines.count) - feedback.count - (isAccount ? 0 : 3)
        func fit(_ lines: [String], gap: Int) -> [String] {
            guard !lines.isEmpty, lines.count + gap <= budget else { return [] }
            budget -= lines.count + gap
            return lines
        }
        let notice = role.trust.document == nil ? []
            : fit(TextLayout.wrap("Not used: the custom trust policy replaces this page.", width: area.width), gap: 0)
        let toggle = isAccount ? [] : protectionLines(model, role, width: area.width)
        // While a principal is typed, the toggle's explanation makes room for the field's feedback.
        let about = field == nil ? fit(Array(toggle.dropFirst(2)), gap: 0) : []
        let intro = fit(TextLayout.wrap(isAccount
            ? "Users and roles in these accounts may assume the role when their own policies allow sts:AssumeRole on it."
            : "AWS services that may assume the role.", width: area.width), gap: 1)

        var y = area.y
        for (line, style) in notice.map({ ($0, Canvas.Style.accent) }) + intro.map({ ($0, Canvas.Style.muted) }) where y < area.maxY {
            canvas.put(line, x: area.x, y: y, style: style, limit: area.width)
            y += 1
        }
        if !intro.isEmpty { y += 1 }
        for line in listLines where y < area.maxY {
            canvas.put(line, x: area.x, y: y, style: .muted, limit: area.width)
            y += 1
        }

        let prefix = FieldPath.root / "roles" / model.roleIndex / "trust" / (isAccount ? "accounts" : "services")
        let flagged = Set(model.problems(of: .trust, role: model.roleIndex).compactMap { problem -> Int? in
            guard problem.path.parent == prefix, case let .index(index)? = problem.path.components.last else { return nil }
            return index
        })
        let protection = Array(toggle.prefix(2)) + about
        let room = max(1, area.maxY - y - protection.count - feedback.count - (protection.isEmpty ? 0 : 1))
        var cursor: (x: Int, y: Int)?
        let focusRow = adding ? list.count : (field?.index ?? selected)
        let first = ListCursor(selected: min(focusRow, max(0, rows - 1))).firstVisible(rows: room, count: rows)
        for index in first..<min(rows, first + room) where y < area.maxY {
            if let field, index == focusRow {
                let (shown, column) = field.text.visible(width: area.width - 2)
                canvas.put(model.glyphs.pointer + " " + TextLayout.pad(shown, width: area.width - 2), x: area.x, y: y, style: .selected)
                cursor = (area.x + 2 + column, y)
                y += 1
                let wrong = !field.text.text.isEmpty && entryProblem(field.text.text, editing: field.index, model) != nil
                for line in feedback where y < area.maxY {
                    canvas.put("  " + line, x: area.x, y: y, style: wrong ? .error : .muted, limit: area.width)
                    y += 1
                }
                continue
            }
            let isSelected = index == selected && !model.trust.previewFocused && field == nil
            let own = !isAccount && list[index] == role.kind.trustedService ? " (default)" : ""
            let mark = flagged.contains(index) ? " " + model.glyphs.error : ""
            canvas.clipped((isSelected ? model.glyphs.pointer + " " : "  ") + list[index] + own,
                           x: area.x, y: y, width: area.width - DisplayWidth.of(mark),
                           style: isSelected ? .selected : .normal, glyphs: model.glyphs)
            if !mark.isEmpty { canvas.put(mark, x: area.maxX - DisplayWidth.of(mark), y: y, style: .error) }
            y += 1
        }

        if !protection.isEmpty {
            y = max(y + 1, area.maxY - protection.count)
            let isSelected = selected == list.count && !model.trust.previewFocused && field == nil
            for (row, line) in protection.enumerated() where y < area.maxY {
                let style: Canvas.Style = row == 0 ? (isSelected ? .selected : .normal) : (row == 1 ? .accent : .muted)
                canvas.put(line, x: area.x, y: y, style: style, limit: area.width)
                y += 1
            }
        }
        return cursor
    }

    /// What the typed principal will be, or what is wrong with it.
    static func feedbackText(_ field: TextField, editing index: Int?, _ model: WizardModel) -> String {
        let problem = entryProblem(field.text, editing: index, model)
        if field.text.isEmpty { return problem ?? "" }
        if let problem { return model.glyphs.error + " " + problem }
        return model.glyphs.ok + " Enter " + (index == nil ? "adds it" : "saves it") + ", Esc cancels"
    }

    /// The confused-deputy toggle: its row, its effective value and default, then what it is for.
    static func protectionLines(_ model: WizardModel, _ role: Role, width: Int) -> [String] {
        let fallback = role.trust.defaultConfusedDeputyProtection(kind: role.kind, context: model.plan.context)
        let on = role.trust.confusedDeputyProtection ?? fallback
        let pointer = selectedRow(model) == services(role).count && !model.trust.previewFocused ? model.glyphs.pointer : " "
        let value = (on ? "on" : "off") + (role.trust.confusedDeputyProtection == nil ? " (the default)" : " (default: \(fallback ? "on" : "off"))")
        let about = role.kind == .instance
            ? "Not for EC2 instance roles: EC2 sends no aws:SourceArn when it assumes them."
            : "Stops ECS working for another account from assuming this role: aws:SourceAccount and aws:SourceArn "
                + "arn:aws:ecs:REGION:ACCOUNT:* (ECS takes no single cluster ARN). Not for EC2 instance roles."
        return [pointer + " " + (on ? model.glyphs.checked : model.glyphs.unchecked) + " Confused-deputy protection",
                "  " + value]
            + TextLayout.wrap(about, width: width - 2).map { "  " + $0 }
    }

    static func drawCustom(_ model: WizardModel, _ role: Role, in area: Rect, canvas: inout Canvas) {
        var y = area.y
        func paragraph(_ text: String, style: Canvas.Style) {
            guard y < area.maxY else { return }
            y += canvas.paragraph(text, in: Rect(x: area.x, y: y, width: area.width, height: area.maxY - y), style: style) + 1
        }
        if mode(model) == .confirmRemove {
            paragraph("Remove the custom trust policy? The policy is generated from the service and account pages again.", style: .accent)
            paragraph("Enter removes it; Esc keeps it.", style: .normal)
            return
        }
        if let unparsed = unparsed(model) {
            paragraph("Your last edit did not parse: \(unparsed.message)", style: .error)
            paragraph("Enter reopens it in $EDITOR to fix it; x discards it.", style: .normal)
        }
        if role.trust.document != nil {
            paragraph("In use: this document is the role's whole trust policy. The service and account pages are kept but not used.", style: .accent)
            if unparsed(model) == nil { paragraph("Enter edits it in $EDITOR; x removes it.", style: .normal) }
        } else {
            paragraph("Not in use: the trust policy is generated from the service and account pages.", style: .muted)
            if unparsed(model) == nil {
                paragraph("Enter writes one in $EDITOR, starting from the generated policy. Use it for what the pages cannot say, "
                          + "such as other conditions or sts:TagSession.", style: .normal)
            }
        }
    }
}
