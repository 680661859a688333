import RoleWizardCore

public struct ReviewState: Equatable, Sendable {
    public enum Focus: Equatable, Sendable { case problems, documents }
    public var focus: Focus = .problems
    /// The selected problem, counted in the list's order (grouped by role).
    public var problem = 0
    /// The first problem list row shown (rows include the group headings).
    public var problemTop = 0
    /// The first documents row shown.
    public var documentTop = 0
    public init() {}
}

/// Step 6: everything the export writes, as IAM will receive it. Every document in full, the
/// problems that block the export (Enter opens the step that fixes one), and each role's size
/// budgets against IAM's quotas.
public enum ReviewScreen: StepScreen {
    public enum Action: Sendable {
        case move(ListMove), scroll(ListMove), fix, switchFocus
    }

    public static let step = Step.review

    public static let teaching = """
    This is what the export creates, exactly as IAM will receive it. Each role has a trust policy, \
    which says who may assume it, and permissions: managed policies attached by ARN and inline \
    policies stored in the role. IAM counts policy size in characters without whitespace: 2,048 \
    for a trust policy by default, 10,240 for all of a role's inline policies together, 6,144 for \
    each managed policy. Problems block the export; Enter on one opens the step that fixes it. \
    Read the Resource and Condition lines: least privilege lives in those details.
    """

    // MARK: Content

    /// The plan's problems in the list's order: the plan's own first, then each role's.
    static func orderedProblems(_ model: WizardModel) -> [(group: Int?, problem: Problem)] {
        let owned = model.problems.map { (group: Step.owning($0.path).role, problem: $0) }
        let plan = owned.filter { $0.group == nil }
        let roles = owned.filter { $0.group != nil }.enumerated().sorted {
            ($0.element.group ?? 0, $0.offset) < ($1.element.group ?? 0, $1.offset)
        }.map(\.element)
        return plan + roles
    }

    /// A row of the problem list: a group heading or a problem (its index in `orderedProblems`).
    enum ProblemRow: Equatable {
        case heading(String)
        case problem(Int)
    }

    static func problemRows(_ model: WizardModel, _ ordered: [(group: Int?, problem: Problem)]) -> [ProblemRow] {
        var rows: [ProblemRow] = []
        var previous: Int?? = .none
        for (index, entry) in ordered.enumerated() {
            if previous != .some(entry.group) {
                rows.append(.heading(groupTitle(entry.group, model)))
                previous = .some(entry.group)
            }
            rows.append(.problem(index))
        }
        return rows
    }

    static func groupTitle(_ group: Int?, _ model: WizardModel) -> String {
        guard let group else { return "Plan" }
        guard model.plan.roles.indices.contains(group) else { return "roles[\(group)]" }
        return "Role " + model.plan.roles[group].name
    }

    /// Where a section of the documents pane starts.
    enum Anchor: Hashable {
        case role(Int)
        case customerPolicy(Int)
    }

    /// Every document of the compiled plan, wrapped to `width`, and where each section starts.
    static func documents(_ compiled: CompiledPlan, width: Int) -> (lines: [DocumentPane.Line], anchors: [Anchor: Int]) {
        var lines: [DocumentPane.Line] = []
        var anchors: [Anchor: Int] = [:]
        func add(_ text: String, _ style: Canvas.Style = .normal) { lines += DocumentPane.wrap(text, width: width, style: style) }
        func budget(_ used: Int, _ limit: Int) -> String { "\(DocumentPane.grouped(used))/\(DocumentPane.grouped(limit))" }
        func style(_ used: Int, _ limit: Int) -> Canvas.Style { used > limit ? .error : .accent }

        for (index, role) in compiled.roles.enumerated() {
            anchors[.role(index)] = lines.count
            add("Role \(role.name) · \(role.role.kind.title.lowercased())", .title)
            add(role.arn, .muted)
            if let profile = role.instanceProfileARN { add("instance profile " + profile, .muted) }
            if let boundary = role.permissionsBoundaryARN { add("permissions boundary " + boundary, .muted) }
            add("Trust policy · \(budget(role.trustPolicySize, IAMRules.trustPolicyMax))",
                style(role.trustPolicySize, IAMRules.trustPolicyMax))
            add(role.trustPolicy.prettyText)
            let managed = role.managedPolicyARNs.count
            add("Managed policies · \(managed)/\(IAMRules.managedPoliciesPerRole)", style(managed, IAMRules.managedPoliciesPerRole))
            if role.managedPolicyARNs.isEmpty { add("  none", .muted) }
            for arn in role.managedPolicyARNs { add("  " + arn) }
            if role.inlinePolicies.isEmpty {
                add("Inline policies · none", .accent)
            } else {
                add("Inline policies · \(budget(role.inlinePoliciesSize, IAMRules.inlinePoliciesPerRoleMax)) together",
                    style(role.inlinePoliciesSize, IAMRules.inlinePoliciesPerRoleMax))
            }
            for policy in role.inlinePolicies {
                add("  " + policy.name, .accent)
                add(policy.document.prettyText)
            }
            add("")
        }
        for (index, policy) in compiled.customerManagedPolicies.enumerated() {
            anchors[.customerPolicy(index)] = lines.count
            add("Customer managed policy \(policy.policy.name) · \(budget(policy.size, IAMRules.managedPolicyMax))",
                policy.size > IAMRules.managedPolicyMax ? .error : .title)
            add(policy.arn, .muted)
            add(policy.policy.attachTo.isEmpty ? "attached to no role" : "attached to " + policy.policy.attachTo.joined(separator: ", "), .muted)
            add(policy.document.prettyText)
            add("")
        }
        return (lines, anchors)
    }

    /// The section of the documents pane a problem is about.
    static func anchor(of path: FieldPath) -> Anchor? {
        let components = path.components
        guard components.count > 1, case let .index(index) = components[1] else { return nil }
        switch components[0] {
        case .key("roles"): return .role(index)
        case .key("customerManagedPolicies"): return .customerPolicy(index)
        default: return nil
        }
    }

    // MARK: Layout

    struct Layout {
        var problems: Rect
        /// The selected problem in full, under the list.
        var message: Rect
        var sizes: Rect
        var documents: Rect
    }

    static let messageRows = 4

    static func layout(_ compiled: CompiledPlan, problems: Bool, in area: Rect) -> Layout {
        let (left, right) = area.splitColumns(max(36, min(60, area.width / 3)), gap: 2)
        // The problems keep at least eight rows; the size budgets take the rest they need.
        let sizes = min(1 + sizeRows(compiled).count, max(0, left.height - 9))
        let top = Rect(x: left.x, y: left.y, width: left.width, height: left.height - sizes - 1)
        let message = problems ? min(messageRows, max(0, top.height - 3)) : 0
        return Layout(problems: Rect(x: top.x, y: top.y, width: top.width, height: top.height - message),
                      message: Rect(x: top.x, y: top.maxY - message, width: top.width, height: message),
                      sizes: Rect(x: left.x, y: left.maxY - sizes, width: left.width, height: sizes),
                      documents: right)
    }

    /// The problems pane takes the keys unless there is nothing in it.
    static func activePane(_ model: WizardModel) -> ReviewState.Focus {
        model.problems.isEmpty ? .documents : model.review.focus
    }

    /// The selected problem, within the list as it is now (fixes elsewhere shorten it).
    static func selectedProblem(_ model: WizardModel, count: Int) -> Int {
        count == 0 ? 0 : min(max(0, model.review.problem), count - 1)
    }

    /// The first problem row to show: the selected problem is visible, and so is the heading
    /// above a group's first problem.
    static func problemListTop(_ model: WizardModel, rows: [ProblemRow], selected: Int, visible: Int) -> Int {
        guard let row = rows.firstIndex(of: .problem(selected)) else { return 0 }
        var cursor = ListCursor(selected: row)
        cursor.top = model.review.problemTop
        let first = cursor.firstVisible(rows: visible, count: rows.count)
        return first > 0 && first == row && visible > 1 ? first - 1 : first
    }

    // MARK: Keys

    public static func bindings(_ model: WizardModel) -> [Binding<Action>] {
        guard model.compiled != nil else { return [] }
        let tab = Binding([.tab, .backTab], "Tab", activePane(model) == .problems ? "documents" : "problems", Action.switchFocus)
        switch activePane(model) {
        case .problems:
            return Binding.list("select", Action.move) + [Binding([.enter], "Enter", "fix it", .fix), tab]
        case .documents:
            return Binding.list("scroll", Action.scroll) + (model.problems.isEmpty ? [] : [tab])
        }
    }

    public static func perform(_ action: Action, _ model: inout WizardModel) -> [Effect] {
        guard let compiled = model.compiled else { return [] }
        let ordered = orderedProblems(model)
        let parts = layout(compiled, problems: !ordered.isEmpty, in: Wizard.bodyArea(model))
        let documentRows = parts.documents.height - 1
        let content = documents(compiled, width: parts.documents.width)
        switch action {
        case let .move(move):
            var cursor = ListCursor(selected: selectedProblem(model, count: ordered.count))
            cursor.apply(move, count: ordered.count, page: parts.problems.height - 2)
            model.review.problem = cursor.selected
            // Show the documents the selected problem is about.
            if ordered.indices.contains(cursor.selected), let anchor = anchor(of: ordered[cursor.selected].problem.path),
               let line = content.anchors[anchor] {
                model.review.documentTop = min(line, DocumentPane.maxTop(total: content.lines.count, rows: documentRows))
            }
        case let .scroll(move):
            model.review.documentTop = DocumentPane.scroll(model.review.documentTop, move, total: content.lines.count, rows: documentRows)
        case .fix:
            guard !ordered.isEmpty else { return [] }
            Wizard.jump(to: ordered[selectedProblem(model, count: ordered.count)].problem.path, &model)
            return []
        case .switchFocus:
            model.review.focus = activePane(model) == .problems ? .documents : .problems
        }
        keepInView(&model, parts: parts)
        return []
    }

    /// Keeps the selected problem in bounds and visible.
    static func keepInView(_ model: inout WizardModel, parts: Layout) {
        let ordered = orderedProblems(model)
        model.review.problem = selectedProblem(model, count: ordered.count)
        model.review.problemTop = problemListTop(model, rows: problemRows(model, ordered), selected: model.review.problem,
                                                 visible: parts.problems.height - 2)
    }

    public static func typed(_ key: Key, _ model: inout WizardModel) -> [Effect]? { nil }

    public static func capturesText(_ model: WizardModel) -> Bool { false }

    public static func escape(_ model: inout WizardModel) -> Bool { false }

    /// A customer managed policy's problem shows its documents; any other selects the problem.
    public static func focus(_ path: FieldPath, _ model: inout WizardModel) {
        guard let compiled = model.compiled else { return }
        let ordered = orderedProblems(model)
        let parts = layout(compiled, problems: !ordered.isEmpty, in: Wizard.bodyArea(model))
        let content = documents(compiled, width: parts.documents.width)
        if case .customerPolicy? = anchor(of: path), let line = anchor(of: path).flatMap({ content.anchors[$0] }) {
            model.review.focus = .documents
            model.review.documentTop = min(line, DocumentPane.maxTop(total: content.lines.count, rows: parts.documents.height - 1))
        }
        if let index = ordered.firstIndex(where: { $0.problem.path == path }) {
            model.review.problem = index
            if anchor(of: path) == nil { model.review.focus = .problems }
        }
        keepInView(&model, parts: parts)
    }

    // MARK: Render

    public static func render(_ model: WizardModel, in area: Rect, canvas: inout Canvas) -> (x: Int, y: Int)? {
        guard let compiled = model.compiled else {
            canvas.paragraph("The managed policy catalog is still loading; the review shows as soon as it is ready.",
                             in: Rect(x: area.x, y: area.y, width: area.width, height: 2), style: .muted)
            return nil
        }
        let ordered = orderedProblems(model)
        let parts = layout(compiled, problems: !ordered.isEmpty, in: area)
        drawProblems(model, ordered, in: parts, canvas: &canvas)
        drawSizes(compiled, model.glyphs, in: parts.sizes, canvas: &canvas)

        let content = documents(compiled, width: parts.documents.width)
        let rect = parts.documents
        let pane = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        canvas.put("Documents", x: rect.x, y: rect.y, style: activePane(model) == .documents ? .selected : .title)
        let position = DocumentPane.position(top: model.review.documentTop, total: content.lines.count, rows: pane.height)
        if !position.isEmpty { canvas.put(position, x: rect.maxX - DisplayWidth.of(position), y: rect.y, style: .muted) }
        DocumentPane.draw(content.lines, top: model.review.documentTop, in: pane, canvas: &canvas)
        return nil
    }

    static func drawProblems(_ model: WizardModel, _ ordered: [(group: Int?, problem: Problem)], in parts: Layout, canvas: inout Canvas) {
        let rect = parts.problems, glyphs = model.glyphs
        guard !ordered.isEmpty else {
            canvas.put(glyphs.ok + " No problems: ready to export", x: rect.x, y: rect.y, style: .accent, limit: rect.width)
            canvas.paragraph("^N goes to Export.", in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: 1), style: .muted)
            return
        }
        let focused = activePane(model) == .problems
        let selected = selectedProblem(model, count: ordered.count)
        canvas.put("\(glyphs.error) " + (ordered.count == 1 ? "1 problem blocks" : "\(ordered.count) problems block") + " the export",
                   x: rect.x, y: rect.y, style: focused ? .selected : .error, limit: rect.width)
        let rows = problemRows(model, ordered)
        let visible = rect.height - 2
        let first = problemListTop(model, rows: rows, selected: selected, visible: visible)
        for (offset, row) in rows.dropFirst(first).prefix(max(0, visible)).enumerated() {
            let y = rect.y + 2 + offset
            switch row {
            case let .heading(title):
                canvas.clipped(title, x: rect.x, y: y, width: rect.width, style: .title, glyphs: glyphs)
            case let .problem(index):
                let isSelected = index == selected
                let text = TextLayout.truncate((isSelected ? glyphs.pointer + " " : "  ") + ordered[index].problem.message,
                                               width: rect.width, ellipsis: glyphs.ellipsis)
                canvas.put(isSelected ? TextLayout.pad(text, width: rect.width) : text, x: rect.x, y: y,
                           style: isSelected ? (focused ? .selected : .accent) : .normal, limit: rect.width)
            }
        }
        if parts.message.height > 0 {
            // The selected problem in full, just under the list.
            let problem = ordered[selected].problem
            let y = min(parts.message.y, rect.y + 3 + min(rows.count, visible))
            canvas.clipped(problem.path.description, x: parts.message.x, y: y, width: parts.message.width, style: .muted, glyphs: glyphs)
            canvas.paragraph(problem.message, in: Rect(x: parts.message.x, y: y + 1, width: parts.message.width,
                                                       height: parts.message.maxY - y - 1), style: .error)
        }
    }

    /// A row of the size budgets: what is measured, or one measure against its quota.
    enum SizeRow {
        case title(String)
        case bar(label: String, used: Int, limit: Int)
    }

    /// Each role's trust policy and inline policies, and each customer managed policy.
    static func sizeRows(_ compiled: CompiledPlan) -> [SizeRow] {
        compiled.roles.flatMap { role -> [SizeRow] in
            [.title(role.name),
             .bar(label: "trust", used: role.trustPolicySize, limit: IAMRules.trustPolicyMax),
             .bar(label: "inline", used: role.inlinePoliciesSize, limit: IAMRules.inlinePoliciesPerRoleMax)]
        } + compiled.customerManagedPolicies.flatMap { policy -> [SizeRow] in
            [.title(policy.policy.name),
             .bar(label: "policy", used: policy.size, limit: IAMRules.managedPolicyMax)]
        }
    }

    static func drawSizes(_ compiled: CompiledPlan, _ glyphs: Glyphs, in rect: Rect, canvas: inout Canvas) {
        guard rect.height > 0 else { return }
        canvas.put("Sizes (characters, no whitespace)", x: rect.x, y: rect.y, style: .title, limit: rect.width)
        let rows = sizeRows(compiled), shown = rect.height - 1
        for (offset, row) in rows.prefix(shown).enumerated() {
            let y = rect.y + 1 + offset
            if offset == shown - 1 && rows.count > shown {
                canvas.put("\(glyphs.ellipsis) more in the documents", x: rect.x, y: y, style: .muted, limit: rect.width)
                break
            }
            switch row {
            case let .title(title):
                canvas.clipped(title, x: rect.x, y: y, width: rect.width, style: .muted, glyphs: glyphs)
            case let .bar(label, used, limit):
                // " trust  ███░░░░░░░   266/2,048": the numbers right-aligned in 13 columns.
                let style: Canvas.Style = used > limit ? .error : .accent
                let barX = canvas.put(" " + TextLayout.pad(label, width: 7), x: rect.x, y: y, style: .muted)
                canvas.put(bar(used: used, limit: limit, width: rect.maxX - 14 - barX, glyphs: glyphs), x: barX, y: y, style: style)
                let numbers = "\(DocumentPane.grouped(used))/\(DocumentPane.grouped(limit))"
                canvas.put(String(repeating: " ", count: max(0, 13 - numbers.count)) + numbers, x: rect.maxX - 13, y: y,
                           style: used > limit ? .error : .normal)
            }
        }
    }

    /// `width` cells, filled in proportion (rounded up, so any use shows), full when over.
    static func bar(used: Int, limit: Int, width: Int, glyphs: Glyphs) -> String {
        guard width > 0 else { return "" }
        let filled = limit <= 0 ? width : min(width, (max(0, used) * width + limit - 1) / limit)
        return String(repeating: glyphs.barFull, count: filled) + String(repeating: glyphs.barEmpty, count: width - filled)
    }
}
