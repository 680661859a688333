import RoleWizardCore

public struct ManagedPoliciesState: Equatable, Sendable {
    public enum Focus: Equatable, Sendable {
        /// ↑↓ choose a policy; typing filters the catalog.
        case list
        /// ↑↓ scroll the selected policy's document.
        case document
    }
    public var focus: Focus = .list
    /// Always takes what is typed: the catalog is searched as you type.
    public var filter = TextField()
    /// The selected item: the role's attached policies first, then the catalog's matches.
    public var selected = 0
    /// The first list row shown (rows include the section headings).
    public var listTop = 0
    /// The first row of the selected policy's document shown.
    public var documentTop = 0
    /// The catalog's matches for the filter, kept so that rendering does not search again.
    var matches = Matches()
    /// The selected catalog policy's document, wrapped, kept so that rendering does not parse it again.
    var document = CachedDocument()

    public init() {}

    struct Matches: Equatable, Sendable {
        /// What was searched, in which catalog; nil until the first search.
        var query: String?
        var catalog: ObjectIdentifier?
        var names: [String] = []
    }

    struct CachedDocument: Equatable, Sendable {
        /// The policy's name and the wrap width.
        var key = ""
        var lines: [DocumentPane.Line] = []
    }
}

/// Step 3: the AWS managed policies attached to the role, chosen from the whole catalog with a
/// search-as-you-type filter. The role's attached policies are pinned above the matches, so they
/// can be seen and detached whatever the filter says.
public enum ManagedPoliciesScreen: StepScreen {
    public enum Action: Sendable {
        case move(ListMove), scroll(ListMove), toggle, switchFocus
    }

    public static let step = Step.managedPolicies

    public static let teaching = """
    AWS managed policies are written and updated by AWS. They are quick to attach but usually broader \
    than one task needs. An execution role normally needs only AmazonECSTaskExecutionRolePolicy: pull \
    images from ECR, write logs to CloudWatch Logs. A task role rarely needs any: inline policies scoped \
    to your own buckets, queues and tables grant less. A role takes 10 managed policies by default \
    (raisable to 20). The path is part of the ARN: arn:aws:iam::aws:policy/service-role/NAME. \
    Policies that matter to ECS are marked, listed first and summed up.
    """

    /// Documents longer than this (compact JSON characters) are parsed only when Tab opens them,
    /// so that typing in the filter stays instant whatever policy comes first.
    static let largeDocument = 4_000

    // MARK: Items

    /// A policy the role has: one of its references (`roles[i].managedPolicies[reference]`) or
    /// a customer managed policy of the plan that lists the role in `attachTo`.
    enum Attached {
        case aws(ManagedPolicy, reference: Int)
        case customer(arn: String, reference: Int)
        case unresolved(String, message: String, reference: Int)
        case planPolicy(Int)
    }

    enum Item {
        case attached(Attached)
        case match(ManagedPolicy)
    }

    static func attached(_ model: WizardModel) -> [Attached] {
        guard let role = model.role, let catalog = model.catalog else { return [] }
        let problems = model.problems(of: .managedPolicies, role: model.roleIndex)
        let references: [Attached] = role.effectiveManagedPolicies.enumerated().map { index, reference in
            // For a name the catalog lacks, `resolve` looks for close names through the whole
            // catalog; the compiler has done that already, so its problem is shown instead.
            let name = reference.split(separator: "/").last.map(String.init) ?? reference
            let customer = reference.hasPrefix("arn:") && !reference.contains(":iam::aws:")
            guard customer || catalog.named(name)?.name == name else {
                let problem = problems.first { $0.path.components.last == .index(index) }
                return .unresolved(reference, message: problem?.message ?? "not an AWS managed policy", reference: index)
            }
            switch catalog.resolve(reference, partition: model.plan.effectivePartition) {
            case let .success(.aws(name, _)):
                return catalog.named(name).map { .aws($0, reference: index) }
                    ?? .unresolved(reference, message: "not in the catalog", reference: index)
            case let .success(.customer(arn)):
                return .customer(arn: arn, reference: index)
            case let .failure(error):
                return .unresolved(reference, message: error.message, reference: index)
            }
        }
        let own = model.plan.customerManagedPolicies.indices.filter {
            model.plan.customerManagedPolicies[$0].attachTo.contains(role.name)
        }
        return references + own.map { .planPolicy($0) }
    }

    /// The names matching the filter, best first: the kept search when it is current.
    static func matches(_ model: WizardModel) -> [String] {
        guard let catalog = model.catalog else { return [] }
        let state = model.managed
        if state.matches.query == state.filter.text && state.matches.catalog == ObjectIdentifier(catalog) {
            return state.matches.names
        }
        return catalog.search(state.filter.text).map(\.name)
    }

    static func item(_ index: Int, attached: [Attached], matches: [String], catalog: ManagedPolicyCatalog) -> Item? {
        if attached.indices.contains(index) { return .attached(attached[index]) }
        let match = index - attached.count
        guard matches.indices.contains(match), let policy = catalog.named(matches[match]) else { return nil }
        return .match(policy)
    }

    /// The catalog policy an item shows, if it is one.
    static func catalogPolicy(_ item: Item) -> ManagedPolicy? {
        switch item {
        case let .match(policy), let .attached(.aws(policy, _)): return policy
        case .attached: return nil
        }
    }

    static func selectedItem(_ model: WizardModel) -> Item? {
        guard let catalog = model.catalog else { return nil }
        return item(model.managed.selected, attached: attached(model), matches: matches(model), catalog: catalog)
    }

    // MARK: Keys

    public static func bindings(_ model: WizardModel) -> [Binding<Action>] {
        guard model.role != nil, model.catalog != nil else { return [] }
        let toggle = Binding([.char(" "), .enter], "Space", "attach/detach", Action.toggle)
        switch model.managed.focus {
        case .list:
            return Binding.list("select", Action.move) + [toggle, Binding([.tab, .backTab], "Tab", "document", .switchFocus)]
        case .document:
            return Binding.list("scroll", Action.scroll) + [toggle, Binding([.tab, .backTab], "Tab", "list", .switchFocus)]
        }
    }

    public static func perform(_ action: Action, _ model: inout WizardModel) -> [Effect] {
        guard model.role != nil else { return [] }
        switch action {
        case let .move(move):
            let count = attached(model).count + matches(model).count
            var cursor = ListCursor(selected: model.managed.selected)
            cursor.apply(move, count: count, page: layout(model, in: Wizard.bodyArea(model)).list.height)
            select(cursor.selected, &model)
        case let .scroll(move):
            let (lines, rows) = documentGeometry(model)
            model.managed.documentTop = DocumentPane.scroll(model.managed.documentTop, move, total: lines?.count ?? 0, rows: rows)
        case .toggle:
            toggle(&model)
        case .switchFocus:
            model.managed.focus = model.managed.focus == .list ? .document : .list
        }
        refresh(&model)
        return []
    }

    public static func typed(_ key: Key, _ model: inout WizardModel) -> [Effect]? {
        guard model.role != nil else { return nil }
        // Policy names hold no spaces: Space attaches, it is never typed.
        if key == .char(" ") { return [] }
        let before = model.managed.filter.text
        guard model.managed.filter.handle(key) else { return nil }
        if model.managed.filter.text != before {
            // The best match is what the person is looking for: select it.
            model.managed.focus = .list
            model.managed.selected = attached(model).count
            model.managed.documentTop = 0
            refresh(&model)
        }
        return []
    }

    public static func capturesText(_ model: WizardModel) -> Bool { model.role != nil }

    public static func escape(_ model: inout WizardModel) -> Bool {
        if !model.managed.filter.text.isEmpty {
            model.managed.filter = TextField()
            model.managed.focus = .list
            model.managed.documentTop = 0
            refresh(&model)
            return true
        }
        if model.managed.focus == .document {
            model.managed.focus = .list
            return true
        }
        return false
    }

    /// `roles[i].managedPolicies[k]` selects the role's k-th reference.
    public static func focus(_ path: FieldPath, _ model: inout WizardModel) {
        model.managed.focus = .list
        var index = 0
        if path.components.count > 3, case let .index(reference) = path.components[3] { index = reference }
        refresh(&model)
        select(min(index, max(0, attached(model).count - 1)), &model)
        refresh(&model)
    }

    static func select(_ index: Int, _ model: inout WizardModel) {
        if index != model.managed.selected { model.managed.documentTop = 0 }
        model.managed.selected = index
    }

    static func toggle(_ model: inout WizardModel) {
        guard var role = model.role, let item = selectedItem(model) else { return }
        let current = attached(model)
        var references = role.effectiveManagedPolicies
        let name: String
        switch item {
        case let .match(policy), let .attached(.aws(policy, _)):
            name = policy.name
            let held = current.compactMap { entry -> Int? in
                if case let .aws(other, reference) = entry, other.name == policy.name { return reference }
                return nil
            }
            if held.isEmpty {
                guard current.count < IAMRules.managedPoliciesPerRole else {
                    model.status = .error("\(role.name) has \(current.count) managed policies; IAM allows \(IAMRules.managedPoliciesPerRole) per role by default: detach one first")
                    return
                }
                references.append(policy.pathAndName)
            } else {
                references = references.enumerated().filter { !held.contains($0.offset) }.map(\.element)
            }
        case let .attached(.customer(arn, reference)):
            name = arn
            references.remove(at: reference)
        case let .attached(.unresolved(text, _, reference)):
            name = text
            references.remove(at: reference)
        case let .attached(.planPolicy(index)):
            let policy = model.plan.customerManagedPolicies[index].name
            model.status = .info("\(policy) is created by this plan; its attachTo list decides which roles get it")
            return
        }
        let attaching = references.count > role.effectiveManagedPolicies.count
        role.managedPolicies = references
        model.role = role
        let count = attached(model).count
        model.status = .info("\(attaching ? "attached" : "detached") \(name) (\(count)/\(IAMRules.managedPoliciesPerRole))")
        // Keep the same policy selected: a match moves down when one is attached above it.
        if case .match = item {
            select(model.managed.selected + count - current.count, &model)
        } else {
            select(min(model.managed.selected, max(0, count - 1)), &model)
        }
    }

    /// Brings the kept search and document up to date and keeps the selection and scrolling in bounds.
    static func refresh(_ model: inout WizardModel) {
        guard let catalog = model.catalog, model.role != nil else { return }
        let query = model.managed.filter.text
        if model.managed.matches.query != query || model.managed.matches.catalog != ObjectIdentifier(catalog) {
            model.managed.matches = .init(query: query, catalog: ObjectIdentifier(catalog), names: catalog.search(query).map(\.name))
        }
        let attachedCount = attached(model).count
        let count = attachedCount + model.managed.matches.names.count
        model.managed.selected = count == 0 ? 0 : min(max(0, model.managed.selected), count - 1)

        let area = Wizard.bodyArea(model)
        let parts = layout(model, in: area)
        if let policy = selectedItem(model).flatMap(catalogPolicy), let lines = catalogDocument(policy, model, width: parts.detail.width) {
            model.managed.document = .init(key: documentKey(policy, width: parts.detail.width), lines: lines)
        }
        let (lines, rows) = documentGeometry(model)
        model.managed.documentTop = min(max(0, model.managed.documentTop), DocumentPane.maxTop(total: lines?.count ?? 0, rows: rows))

        let list = ListLayout(attached: attachedCount, matches: model.managed.matches.names.count)
        model.managed.listTop = list.top(selected: model.managed.selected, previous: model.managed.listTop, rows: parts.list.height)
    }

    // MARK: Documents

    static func documentKey(_ policy: ManagedPolicy, width: Int) -> String { "\(policy.name) \(width)" }

    /// A catalog policy's document, wrapped: the kept one when current; laid out now when small,
    /// or when the document pane has the focus; nil for a large one not opened yet.
    static func catalogDocument(_ policy: ManagedPolicy, _ model: WizardModel, width: Int) -> [DocumentPane.Line]? {
        if model.managed.document.key == documentKey(policy, width: width) { return model.managed.document.lines }
        guard policy.documentSize <= largeDocument || model.managed.focus == .document,
              let catalog = model.catalog else { return nil }
        // Laid out from the catalog's compact text rather than parsed: this runs on every key
        // that changes the best match while a filter is typed.
        guard let text = catalog.prettyDocumentText(of: policy) ?? catalog.document(of: policy)?.prettyText else {
            return [DocumentPane.Line("the catalog's copy of this document could not be read", .error)]
        }
        return DocumentPane.wrap(text, width: width)
    }

    /// The selected item's document (nil when it has none or it is not loaded) and the rows it gets.
    static func documentGeometry(_ model: WizardModel) -> (lines: [DocumentPane.Line]?, rows: Int) {
        let parts = layout(model, in: Wizard.bodyArea(model))
        guard let item = selectedItem(model) else { return (nil, 0) }
        let header = detailHeader(item, model, width: parts.detail.width)
        return (documentLines(item, model, width: parts.detail.width), parts.detail.height - header.count - 1)
    }

    static func documentLines(_ item: Item, _ model: WizardModel, width: Int) -> [DocumentPane.Line]? {
        switch item {
        case let .match(policy), let .attached(.aws(policy, _)):
            return catalogDocument(policy, model, width: width)
        case let .attached(.planPolicy(index)):
            guard let compiled = model.compiled, compiled.customerManagedPolicies.indices.contains(index) else { return nil }
            return DocumentPane.wrap(compiled.customerManagedPolicies[index].document.prettyText, width: width)
        case .attached(.customer), .attached(.unresolved):
            return nil
        }
    }

    // MARK: Layout

    struct Layout {
        var filter: Rect
        var list: Rect
        var problems: Rect
        var detail: Rect
    }

    /// The problems of this step for the role, wrapped to `width`, at most four rows (the
    /// selected reference's problem is also in the detail pane, in full).
    static func problemLines(_ model: WizardModel, width: Int) -> [String] {
        let problems = model.problems(of: .managedPolicies, role: model.roleIndex)
        var lines = problems.flatMap { TextLayout.wrap(model.glyphs.error + " " + $0.message, width: width) }
        if lines.count > 4 {
            lines = Array(lines.prefix(4))
            lines[3] = TextLayout.truncate(lines[3] + " " + model.glyphs.ellipsis, width: width, ellipsis: model.glyphs.ellipsis)
        }
        return lines
    }

    static func layout(_ model: WizardModel, in area: Rect) -> Layout {
        let (left, detail) = area.splitColumns(max(42, min(56, area.width * 2 / 5)), gap: 2)
        let problems = problemLines(model, width: left.width).count
        let reserved = problems == 0 ? 0 : problems + 1
        return Layout(filter: Rect(x: left.x, y: left.y, width: left.width, height: 1),
                      list: Rect(x: left.x, y: left.y + 2, width: left.width, height: left.height - 2 - reserved),
                      problems: Rect(x: left.x, y: left.maxY - problems, width: left.width, height: problems),
                      detail: detail)
    }

    /// The list's rows: a heading, the attached policies (or a note), a blank row, a heading,
    /// the matches (or a note). Items are counted without the headings.
    struct ListLayout {
        var attached: Int
        var matches: Int

        var matchesHeading: Int { 1 + max(attached, 1) + 1 }
        var count: Int { matchesHeading + 1 + max(matches, 1) }

        func row(of item: Int) -> Int { item < attached ? 1 + item : matchesHeading + 1 + item - attached }

        /// The item on `row`, nil for headings and notes.
        func item(at row: Int) -> Int? {
            if row >= 1 && row <= attached { return row - 1 }
            let match = row - matchesHeading - 1
            return match >= 0 && match < matches ? attached + match : nil
        }

        /// The first row to show so that the selected item, and the heading just above a
        /// section's first item, are visible.
        func top(selected: Int, previous: Int, rows: Int) -> Int {
            var cursor = ListCursor(selected: row(of: selected))
            cursor.top = previous
            let first = cursor.firstVisible(rows: rows, count: count)
            let headingAbove = first > 0 && first == cursor.selected && item(at: first - 1) == nil && rows > 1
            return headingAbove ? first - 1 : first
        }
    }

    // MARK: Render

    public static func render(_ model: WizardModel, in area: Rect, canvas: inout Canvas) -> (x: Int, y: Int)? {
        guard model.role != nil else {
            canvas.put("Add a role in step 1.", x: area.x, y: area.y, style: .muted)
            return nil
        }
        let parts = layout(model, in: area)
        let state = model.managed
        canvas.put("Filter ", x: parts.filter.x, y: parts.filter.y, style: state.focus == .list ? .accent : .muted)
        let fieldWidth = parts.filter.width - 7
        let (shown, column) = state.filter.visible(width: fieldWidth)
        if shown.isEmpty {
            let hint = model.catalog.map { "type to search \(DocumentPane.grouped($0.policies.count)) policies" } ?? "type to search"
            canvas.clipped(hint, x: parts.filter.x + 7, y: parts.filter.y, width: fieldWidth, style: .muted, glyphs: model.glyphs)
        } else {
            canvas.put(shown, x: parts.filter.x + 7, y: parts.filter.y, style: .normal, limit: fieldWidth)
        }
        let cursor = (x: parts.filter.x + 7 + column, y: parts.filter.y)

        guard let catalog = model.catalog else {
            canvas.put("loading the catalog…", x: parts.list.x, y: parts.list.y, style: .muted)
            return cursor
        }
        let attached = attached(model)
        let matches = matches(model)
        drawList(model, attached: attached, matches: matches, catalog: catalog, in: parts.list, canvas: &canvas)
        for (row, line) in problemLines(model, width: parts.problems.width).enumerated() {
            canvas.put(line, x: parts.problems.x, y: parts.problems.y + row, style: .error)
        }
        if let item = item(state.selected, attached: attached, matches: matches, catalog: catalog) {
            drawDetail(item, model, in: parts.detail, canvas: &canvas)
        }
        return cursor
    }

    static func drawList(_ model: WizardModel, attached: [Attached], matches: [String],
                         catalog: ManagedPolicyCatalog, in rect: Rect, canvas: inout Canvas) {
        let glyphs = model.glyphs
        let state = model.managed
        let list = ListLayout(attached: attached.count, matches: matches.count)
        let held = Set(attached.compactMap { entry -> String? in
            if case let .aws(policy, _) = entry { return policy.name }
            return nil
        })
        let flagged = Set(model.problems(of: .managedPolicies, role: model.roleIndex).compactMap { problem -> Int? in
            guard problem.path.components.count > 3, case let .index(reference) = problem.path.components[3] else { return nil }
            return reference
        })
        let first = list.top(selected: state.selected, previous: state.listTop, rows: rect.height)
        for row in first..<min(list.count, first + rect.height) {
            let y = rect.y + row - first
            if let index = list.item(at: row) {
                let selected = index == state.selected
                let marker = selected ? glyphs.pointer + " " : "  "
                var style: Canvas.Style = selected ? (state.focus == .list ? .selected : .accent) : .normal
                let text: String
                if index < attached.count {
                    let entry = attached[index]
                    let (mark, label) = describe(entry, model)
                    if case let .aws(_, reference) = entry, flagged.contains(reference), !selected { style = .error }
                    if case .unresolved = entry, !selected { style = .error }
                    text = marker + glyphs.checked + " " + mark + " " + label
                } else {
                    let name = matches[index - attached.count]
                    let mark = catalog.named(name)?.isECSRelevant == true ? glyphs.ecsMark : " "
                    text = marker + (held.contains(name) ? glyphs.checked : glyphs.unchecked) + " " + mark + " " + name
                }
                let shown = TextLayout.truncate(text, width: rect.width, ellipsis: glyphs.ellipsis)
                canvas.put(selected ? TextLayout.pad(shown, width: rect.width) : shown, x: rect.x, y: y, style: style, limit: rect.width)
            } else if row == 0 {
                let over = attached.count > IAMRules.managedPoliciesPerRole
                canvas.put("Attached \(attached.count)/\(IAMRules.managedPoliciesPerRole)",
                           x: rect.x, y: y, style: over ? .error : .title, limit: rect.width)
            } else if row == list.matchesHeading {
                let total = DocumentPane.grouped(catalog.policies.count)
                let heading = state.filter.text.isEmpty ? "AWS managed policies (\(total))"
                    : "Matching \"\(state.filter.text)\": \(DocumentPane.grouped(matches.count)) of \(total)"
                canvas.clipped(heading, x: rect.x, y: y, width: rect.width, style: .title, glyphs: glyphs)
            } else if row == 1 {
                canvas.put("  none: Space attaches the selected policy", x: rect.x, y: y, style: .muted, limit: rect.width)
            } else if row == list.matchesHeading + 1 {
                canvas.put("  no policy name matches", x: rect.x, y: y, style: .muted, limit: rect.width)
            }
        }
    }

    /// The mark and the name shown for an attached policy.
    static func describe(_ entry: Attached, _ model: WizardModel) -> (mark: String, label: String) {
        let glyphs = model.glyphs
        switch entry {
        case let .aws(policy, _): return (policy.isECSRelevant ? glyphs.ecsMark : " ", policy.name)
        case let .customer(arn, _): return (" ", (arn.split(separator: "/").last.map(String.init) ?? arn) + " (customer)")
        case let .unresolved(text, _, _): return (glyphs.error, text)
        case let .planPolicy(index): return (" ", model.plan.customerManagedPolicies[index].name + " (this plan)")
        }
    }

    /// What the detail pane says above the document.
    static func detailHeader(_ item: Item, _ model: WizardModel, width: Int) -> [DocumentPane.Line] {
        let partition = model.plan.effectivePartition
        var lines: [DocumentPane.Line] = []
        func add(_ text: String, _ style: Canvas.Style) { lines += DocumentPane.wrap(text, width: width, style: style) }
        switch item {
        case let .match(policy), let .attached(.aws(policy, _)):
            let held = attached(model).contains { entry in
                if case let .aws(other, _) = entry { return other.name == policy.name }
                return false
            }
            add(policy.name, .title)
            add(policy.arn(partition: partition), .normal)
            if let summary = policy.ecsSummary { add(model.glyphs.ecsMark + " " + summary, .accent) }
            add((held ? "attached" : "not attached") + " · version \(policy.defaultVersionId)", .muted)
        case let .attached(.customer(arn, _)):
            add(arn.split(separator: "/").last.map(String.init) ?? arn, .title)
            add(arn, .normal)
            add("A customer managed policy in your account, not in the AWS catalog: its document is not shown here. It must exist before the role is created.", .muted)
        case let .attached(.unresolved(text, message, _)):
            add(text, .title)
            add(message, .error)
            add("Space removes it from the role.", .muted)
        case let .attached(.planPolicy(index)):
            let policy = model.plan.customerManagedPolicies[index]
            add(policy.name, .title)
            if let compiled = model.compiled, compiled.customerManagedPolicies.indices.contains(index) {
                add(compiled.customerManagedPolicies[index].arn, .normal)
            }
            add("Created by this plan and attached through its attachTo list: " + policy.attachTo.joined(separator: ", "), .muted)
        }
        return lines
    }

    static func drawDetail(_ item: Item, _ model: WizardModel, in rect: Rect, canvas: inout Canvas) {
        let header = detailHeader(item, model, width: rect.width)
        for (row, line) in header.prefix(rect.height).enumerated() {
            canvas.put(line.text, x: rect.x, y: rect.y + row, style: line.style, limit: rect.width)
        }
        let headingY = rect.y + header.count
        let pane = Rect(x: rect.x, y: headingY + 1, width: rect.width, height: rect.maxY - headingY - 1)
        guard headingY < rect.maxY else { return }
        let focused = model.managed.focus == .document
        if let lines = documentLines(item, model, width: rect.width) {
            let position = DocumentPane.position(top: model.managed.documentTop, total: lines.count, rows: pane.height)
            canvas.put("Document", x: rect.x, y: headingY, style: focused ? .selected : .title)
            if !position.isEmpty {
                canvas.put(position, x: rect.maxX - DisplayWidth.of(position), y: headingY, style: .muted)
            }
            DocumentPane.draw(lines, top: model.managed.documentTop, in: pane, canvas: &canvas)
        } else if let policy = catalogPolicy(item) {
            // A large document not opened yet.
            canvas.put("Document", x: rect.x, y: headingY, style: .title)
            canvas.paragraph("A large document (\(DocumentPane.grouped(policy.documentSize)) characters): Tab opens it.",
                             in: pane, style: .muted)
        }
    }
}
