import RoleWizardCore

public struct ReviewState: Equatable, Sendable {
    public enum Focus: Equatable, Sendable { case problems, findings, documents }
    public var focus: Focus = .problems
    /// The list the detail area shows the selection of while the documents have the focus.
    public var lastList: Focus = .problems
    /// The selected problem, counted in the list's order (grouped by role).
    public var problem = 0
    /// The first problem list row shown (rows include the group headings).
    public var problemTop = 0
    /// The selected finding, counted in the list's order (grouped by role and document).
    public var finding = 0
    /// The first findings list row shown (rows include the group headings).
    public var findingTop = 0
    /// The first documents row shown.
    public var documentTop = 0
    public init() {}
}

/// Step 6: everything the export writes, as IAM will receive it. Every document in full, the
/// problems that block the export (Enter opens the step that fixes one), the linter's findings
/// (Enter opens the step and field that cause one), and each role's size budgets against IAM's
/// quotas.
public enum ReviewScreen: StepScreen {
    public enum Action: Sendable {
        case move(ListMove), scroll(ListMove), fix, switchFocus(Int)
    }

    public static let step = Step.review

    public static let teaching = """
    This is what the export creates, exactly as IAM will receive it. Each role has a trust policy, \
    which says who may assume it, and permissions: managed policies attached by ARN and inline \
    policies stored in the role. IAM counts policy size in characters without whitespace: 2,048 \
    for a trust policy by default, 10,240 for all of a role's inline policies together, 6,144 for \
    each managed policy. Problems block the export; Enter on one opens the step that fixes it. \
    Findings do not block it: they are what an offline linter says in IAM Access Analyzer's terms, \
    from ERROR (IAM would reject it, or it can never apply) and SECURITY_WARNING (it grants more than \
    is safe) to WARNING (likely not what was meant) and SUGGESTION (it could be tighter). \
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

    /// The findings in the list's order: by role, each role's trust policy, inline policies and
    /// the role as a whole, then the customer managed policies; the most severe first in each.
    static func orderedFindings(_ model: WizardModel) -> [PlanFinding] {
        (model.findings ?? []).enumerated().sorted { lhs, rhs in
            let l = order(lhs.element.document), r = order(rhs.element.document)
            if l != r { return l.lexicographicallyPrecedes(r) }
            let ls = lhs.element.finding.severity, rs = rhs.element.finding.severity
            return ls != rs ? ls > rs : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Where a document's findings go in the list.
    static func order(_ document: PlanDocument) -> [Int] {
        switch document {
        case let .trust(role): return [0, role, 0]
        case let .inline(role, policy): return [0, role, 1 + policy]
        case let .role(role): return [0, role, Int.max]
        case let .customerManaged(index): return [1, index, 0]
        }
    }

    /// A row of the findings list: a document's heading or a finding (its index in `orderedFindings`).
    enum FindingRow: Equatable {
        case heading(String)
        case finding(Int)
    }

    static func findingRows(_ model: WizardModel, _ ordered: [PlanFinding]) -> [FindingRow] {
        var rows: [FindingRow] = []
        var previous: PlanDocument?
        for (index, entry) in ordered.enumerated() {
            if previous != entry.document {
                rows.append(.heading(heading(entry.document, model)))
                previous = entry.document
            }
            rows.append(.finding(index))
        }
        return rows
    }

    /// "retailStoreEcsTaskRole · inline policy retailStoreEcsExecPolicy".
    static func heading(_ document: PlanDocument, _ model: WizardModel) -> String {
        let roles = model.compiled?.roles ?? []
        func role(_ index: Int) -> String { roles.indices.contains(index) ? roles[index].name : "roles[\(index)]" }
        switch document {
        case let .trust(index): return role(index) + " · trust policy"
        case let .inline(index, policy):
            let inline = roles.indices.contains(index) ? roles[index].inlinePolicies : []
            return role(index) + " · inline policy " + (inline.indices.contains(policy) ? inline[policy].name : "\(policy)")
        case let .role(index): return role(index) + " · its policies together"
        case let .customerManaged(index):
            let policies = model.compiled?.customerManagedPolicies ?? []
            return "Customer managed policy " + (policies.indices.contains(index) ? policies[index].policy.name : "\(index)")
        }
    }

    /// "1 error, 2 warnings, 1 suggestion": the most severe first.
    static func summary(_ findings: [PlanFinding]) -> String {
        Severity.allCases.compactMap { severity -> String? in
            let count = findings.filter { $0.finding.severity == severity }.count
            guard count > 0 else { return nil }
            let word = severity.rawValue.lowercased().replacingOccurrences(of: "_", with: " ")
            return "\(count) \(word)" + (count == 1 ? "" : "s")
        }.joined(separator: ", ")
    }

    /// Where a section of the documents pane starts.
    enum Anchor: Hashable {
        case role(Int)
        case trust(Int)
        case inline(Int, Int)
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
            anchors[.trust(index)] = lines.count
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
            for (policyIndex, policy) in role.inlinePolicies.enumerated() {
                anchors[.inline(index, policyIndex)] = lines.count
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

    /// The section of the documents pane a finding is about.
    static func anchor(of document: PlanDocument) -> Anchor {
        switch document {
        case let .trust(role): return .trust(role)
        case let .inline(role, policy): return .inline(role, policy)
        case let .role(role): return .role(role)
        case let .customerManaged(index): return .customerPolicy(index)
        }
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

    /// What the left column lists, worked out once per key or frame.
    struct Lists {
        var problems: [(group: Int?, problem: Problem)]
        var problemRows: [ProblemRow]
        var findings: [PlanFinding]
        var findingRows: [FindingRow]
        /// False until the IAM catalog is there: the findings are not checked yet.
        var checked: Bool
        /// What the detail area shows.
        var detail: Detail?

        init(_ model: WizardModel) {
            problems = orderedProblems(model)
            problemRows = ReviewScreen.problemRows(model, problems)
            findings = orderedFindings(model)
            findingRows = ReviewScreen.findingRows(model, findings)
            checked = model.findings != nil
            detail = ReviewScreen.detail(model, self)
        }
    }

    struct Layout {
        /// The problems' heading and list (one row when there are none).
        var problems: Rect
        /// The findings' heading and list.
        var findings: Rect
        /// The selected problem or finding in full, under the lists.
        var detail: Rect
        var sizes: Rect
        var documents: Rect
    }

    /// The left column from the top: problems, findings, the selection in full, then the size
    /// budgets at the bottom. The lists keep at least eight rows; the detail gets what the longest
    /// item of the list it shows needs (up to half the column; the longest, so that it does not
    /// move as the selection does); the size budgets take what they need of the rest (they are in
    /// the documents too, so they go first when rows are short); the lists and the detail share
    /// what is left.
    static func layout(_ compiled: CompiledPlan, _ lists: Lists, in area: Rect) -> Layout {
        let (left, right) = area.splitColumns(max(36, min(60, area.width * 3 / 8)), gap: 2)
        let hasDetail = lists.detail != nil
        let detail = hasDetail ? min(detailRows(lists, width: left.width), max(4, left.height / 2)) : 0
        let problemsNeed = lists.problems.isEmpty ? 1 : 2 + lists.problemRows.count
        let findingsNeed = 1 + lists.findingRows.count
        let listsNeed = problemsNeed + 1 + findingsNeed
        let available = max(0, left.height - detail - (hasDetail ? 1 : 0))
        var sizes = min(1 + sizeRows(compiled).count, max(0, available - min(listsNeed, 8) - 1))
        if sizes < 3 { sizes = 0 }
        let listRows = min(listsNeed, max(0, available - sizes - (sizes > 0 ? 1 : 0)))
        var problems = problemsNeed, findings = findingsNeed
        if listsNeed > listRows {
            // Both lists scroll: the problems get half, or more when the findings need less.
            let room = max(0, listRows - 1)
            problems = min(problemsNeed, max(room / 2, room - findingsNeed))
            findings = room - problems
        }
        let problemsRect = Rect(x: left.x, y: left.y, width: left.width, height: problems)
        let findingsRect = Rect(x: left.x, y: problemsRect.maxY + 1, width: left.width, height: findings)
        let sizesRect = Rect(x: left.x, y: left.maxY - sizes, width: left.width, height: sizes)
        let detailY = findingsRect.maxY + 1
        return Layout(problems: problemsRect, findings: findingsRect,
                      detail: Rect(x: left.x, y: detailY, width: left.width,
                                   height: hasDetail ? (sizes > 0 ? sizesRect.y - 1 : left.maxY) - detailY : 0),
                      sizes: sizesRect, documents: right)
    }

    /// The rows the longest item of the list the detail area shows takes there.
    static func detailRows(_ lists: Lists, width: Int) -> Int {
        switch lists.detail {
        case .problem?:
            return lists.problems.map { 1 + TextLayout.wrap($0.problem.message, width: width).count }.max() ?? 0
        case .finding?:
            return lists.findings.map { entry in
                min(2, TextLayout.wrap(entry.finding.severity.rawValue + " " + entry.finding.code, width: width).count) + 1
                    + TextLayout.wrap(entry.finding.message, width: width).count
            }.max() ?? 0
        case nil:
            return 0
        }
    }

    /// The panes that take keys, in Tab order: the lists that have something, then the documents.
    static func panes(_ lists: Lists) -> [ReviewState.Focus] {
        (lists.problems.isEmpty ? [] : [.problems]) + (lists.findings.isEmpty ? [] : [.findings]) + [.documents]
    }

    /// The pane that takes the keys: the focused one, or the first there is.
    static func activePane(_ model: WizardModel, _ lists: Lists) -> ReviewState.Focus {
        let all = panes(lists)
        return all.contains(model.review.focus) ? model.review.focus : all[0]
    }

    static func activePane(_ model: WizardModel) -> ReviewState.Focus { activePane(model, Lists(model)) }

    /// What the detail area shows: the selection of the focused list, or of the list focused
    /// last while the documents have the focus.
    enum Detail: Equatable {
        case problem(Int)
        case finding(Int)
    }

    static func detail(_ model: WizardModel, _ lists: Lists) -> Detail? {
        let pane = activePane(model, lists)
        let list = pane == .documents ? model.review.lastList : pane
        if list == .findings, !lists.findings.isEmpty { return .finding(selectedFinding(model, count: lists.findings.count)) }
        if !lists.problems.isEmpty { return .problem(selectedProblem(model, count: lists.problems.count)) }
        if !lists.findings.isEmpty { return .finding(selectedFinding(model, count: lists.findings.count)) }
        return nil
    }

    /// The selected problem, within the list as it is now (fixes elsewhere shorten it).
    static func selectedProblem(_ model: WizardModel, count: Int) -> Int {
        count == 0 ? 0 : min(max(0, model.review.problem), count - 1)
    }

    /// The selected finding, within the list as it is now.
    static func selectedFinding(_ model: WizardModel, count: Int) -> Int {
        count == 0 ? 0 : min(max(0, model.review.finding), count - 1)
    }

    /// The first row of a list to show: the selected row is visible, and so is the heading above
    /// a group's first item.
    static func listTop<Row: Equatable>(_ rows: [Row], selected: Row, top: Int, visible: Int) -> Int {
        guard let row = rows.firstIndex(of: selected) else { return 0 }
        var cursor = ListCursor(selected: row)
        cursor.top = top
        let first = cursor.firstVisible(rows: visible, count: rows.count)
        return first > 0 && first == row && visible > 1 ? first - 1 : first
    }

    static func problemListTop(_ model: WizardModel, rows: [ProblemRow], selected: Int, visible: Int) -> Int {
        listTop(rows, selected: .problem(selected), top: model.review.problemTop, visible: visible)
    }

    static func findingListTop(_ model: WizardModel, rows: [FindingRow], selected: Int, visible: Int) -> Int {
        listTop(rows, selected: .finding(selected), top: model.review.findingTop, visible: visible)
    }

    // MARK: Keys

    public static func bindings(_ model: WizardModel) -> [Binding<Action>] {
        guard model.compiled != nil else { return [] }
        let lists = Lists(model)
        let all = panes(lists), pane = activePane(model, lists)
        let position = all.firstIndex(of: pane) ?? 0
        func name(_ pane: ReviewState.Focus) -> String {
            switch pane {
            case .problems: return "problems"
            case .findings: return "findings"
            case .documents: return "documents"
            }
        }
        let tab = all.count < 2 ? [] : [
            Binding([.tab], "Tab", name(all[(position + 1) % all.count]), Action.switchFocus(1)),
            Binding([.backTab], "S-Tab", name(all[(position + all.count - 1) % all.count]), Action.switchFocus(-1), inFooter: false),
        ]
        switch pane {
        case .problems:
            return Binding.list("select", Action.move) + [Binding([.enter], "Enter", "fix it", .fix)] + tab
        case .findings:
            return Binding.list("select", Action.move) + [Binding([.enter], "Enter", "go to its field", .fix)] + tab
        case .documents:
            return Binding.list("scroll", Action.scroll) + tab
        }
    }

    public static func perform(_ action: Action, _ model: inout WizardModel) -> [Effect] {
        guard let compiled = model.compiled else { return [] }
        let lists = Lists(model)
        let parts = layout(compiled, lists, in: Wizard.bodyArea(model))
        let documentRows = parts.documents.height - 1
        let content = documents(compiled, width: parts.documents.width)
        let pane = activePane(model, lists)
        /// Shows the documents the selection is about.
        func reveal(_ anchor: Anchor?) {
            if let anchor, let line = content.anchors[anchor] {
                model.review.documentTop = min(line, DocumentPane.maxTop(total: content.lines.count, rows: documentRows))
            }
        }
        switch action {
        case let .move(move):
            if pane == .findings {
                var cursor = ListCursor(selected: selectedFinding(model, count: lists.findings.count))
                cursor.apply(move, count: lists.findings.count, page: parts.findings.height - 1)
                model.review.finding = cursor.selected
                if lists.findings.indices.contains(cursor.selected) { reveal(anchor(of: lists.findings[cursor.selected].document)) }
            } else {
                var cursor = ListCursor(selected: selectedProblem(model, count: lists.problems.count))
                cursor.apply(move, count: lists.problems.count, page: parts.problems.height - 2)
                model.review.problem = cursor.selected
                if lists.problems.indices.contains(cursor.selected) { reveal(anchor(of: lists.problems[cursor.selected].problem.path)) }
            }
        case let .scroll(move):
            model.review.documentTop = DocumentPane.scroll(model.review.documentTop, move, total: content.lines.count, rows: documentRows)
        case .fix:
            switch pane {
            case .problems where !lists.problems.isEmpty:
                Wizard.jump(to: lists.problems[selectedProblem(model, count: lists.problems.count)].problem.path, &model)
            case .findings where !lists.findings.isEmpty:
                Wizard.jump(to: lists.findings[selectedFinding(model, count: lists.findings.count)].field, &model)
            default:
                break
            }
            return []
        case let .switchFocus(delta):
            let all = panes(lists)
            let next = all[((all.firstIndex(of: pane) ?? 0) + delta + all.count) % all.count]
            if pane != .documents { model.review.lastList = pane }
            if next != .documents { model.review.lastList = next }
            model.review.focus = next
        }
        keepInView(&model, lists, parts: parts)
        return []
    }

    /// Keeps the selected problem and finding in bounds and visible.
    static func keepInView(_ model: inout WizardModel, _ lists: Lists, parts: Layout) {
        model.review.problem = selectedProblem(model, count: lists.problems.count)
        model.review.problemTop = problemListTop(model, rows: lists.problemRows, selected: model.review.problem,
                                                 visible: parts.problems.height - 2)
        model.review.finding = selectedFinding(model, count: lists.findings.count)
        model.review.findingTop = findingListTop(model, rows: lists.findingRows, selected: model.review.finding,
                                                 visible: parts.findings.height - 1)
    }

    public static func typed(_ key: Key, _ model: inout WizardModel) -> [Effect]? { nil }

    public static func capturesText(_ model: WizardModel) -> Bool { false }

    public static func escape(_ model: inout WizardModel) -> Bool { false }

    /// A customer managed policy's problem or finding shows its documents; any other problem is
    /// selected.
    public static func focus(_ path: FieldPath, _ model: inout WizardModel) {
        guard let compiled = model.compiled else { return }
        let lists = Lists(model)
        let parts = layout(compiled, lists, in: Wizard.bodyArea(model))
        let content = documents(compiled, width: parts.documents.width)
        if case .customerPolicy? = anchor(of: path), let line = anchor(of: path).flatMap({ content.anchors[$0] }) {
            model.review.focus = .documents
            model.review.documentTop = min(line, DocumentPane.maxTop(total: content.lines.count, rows: parts.documents.height - 1))
        }
        if let index = lists.problems.firstIndex(where: { $0.problem.path == path }) {
            model.review.problem = index
            model.review.lastList = .problems
            if anchor(of: path) == nil { model.review.focus = .problems }
        } else if let index = lists.findings.firstIndex(where: { $0.field == path }) {
            model.review.finding = index
            model.review.lastList = .findings
        }
        keepInView(&model, lists, parts: parts)
    }

    // MARK: Render

    public static func render(_ model: WizardModel, in area: Rect, canvas: inout Canvas) -> (x: Int, y: Int)? {
        guard let compiled = model.compiled else {
            canvas.paragraph("The managed policy catalog is still loading; the review shows as soon as it is ready.",
                             in: Rect(x: area.x, y: area.y, width: area.width, height: 2), style: .muted)
            return nil
        }
        let lists = Lists(model)
        let parts = layout(compiled, lists, in: area)
        let pane = activePane(model, lists)
        drawProblems(model, lists, focused: pane == .problems, in: parts.problems, canvas: &canvas)
        drawFindings(model, lists, focused: pane == .findings, in: parts.findings, canvas: &canvas)
        switch lists.detail {
        case let .problem(index)?: drawDetail(lists.problems[index].problem, model.glyphs, in: parts.detail, canvas: &canvas)
        case let .finding(index)?: drawDetail(lists.findings[index], model.glyphs, in: parts.detail, canvas: &canvas)
        case nil: break
        }
        drawSizes(compiled, model.glyphs, in: parts.sizes, canvas: &canvas)

        let content = documents(compiled, width: parts.documents.width)
        let rect = parts.documents
        let documentsPane = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        canvas.put("Documents", x: rect.x, y: rect.y, style: pane == .documents ? .selected : .title)
        let position = DocumentPane.position(top: model.review.documentTop, total: content.lines.count, rows: documentsPane.height)
        if !position.isEmpty { canvas.put(position, x: rect.maxX - DisplayWidth.of(position), y: rect.y, style: .muted) }
        DocumentPane.draw(content.lines, top: model.review.documentTop, in: documentsPane, canvas: &canvas)
        return nil
    }

    static func drawProblems(_ model: WizardModel, _ lists: Lists, focused: Bool, in rect: Rect, canvas: inout Canvas) {
        let glyphs = model.glyphs, ordered = lists.problems
        guard rect.height > 0 else { return }
        guard !ordered.isEmpty else {
            canvas.put(glyphs.ok + " No problems: ready to export", x: rect.x, y: rect.y, style: .accent, limit: rect.width)
            return
        }
        let selected = selectedProblem(model, count: ordered.count)
        canvas.put("\(glyphs.error) " + (ordered.count == 1 ? "1 problem blocks" : "\(ordered.count) problems block") + " the export",
                   x: rect.x, y: rect.y, style: focused ? .selected : .error, limit: rect.width)
        let rows = lists.problemRows
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
    }

    /// "Findings: 1 warning, 2 suggestions", then each document's findings under its heading,
    /// one line each: `SEVERITY CODE message`, cut to the width (the detail area has it all).
    static func drawFindings(_ model: WizardModel, _ lists: Lists, focused: Bool, in rect: Rect, canvas: inout Canvas) {
        let glyphs = model.glyphs, ordered = lists.findings
        guard rect.height > 0 else { return }
        guard lists.checked else {
            canvas.clipped("Findings: not checked yet", x: rect.x, y: rect.y, width: rect.width, style: .muted, glyphs: glyphs)
            return
        }
        guard !ordered.isEmpty else {
            canvas.clipped(glyphs.ok + " Findings: none", x: rect.x, y: rect.y, width: rect.width, style: .accent, glyphs: glyphs)
            return
        }
        canvas.clipped("Findings: " + summary(ordered), x: rect.x, y: rect.y, width: rect.width,
                       style: focused ? .selected : .title, glyphs: glyphs)
        let selected = selectedFinding(model, count: ordered.count)
        let rows = lists.findingRows
        let visible = rect.height - 1
        let first = findingListTop(model, rows: rows, selected: selected, visible: visible)
        for (offset, row) in rows.dropFirst(first).prefix(max(0, visible)).enumerated() {
            let y = rect.y + 1 + offset
            switch row {
            case let .heading(title):
                canvas.clipped(title, x: rect.x, y: y, width: rect.width, style: .title, glyphs: glyphs)
            case let .finding(index):
                let finding = ordered[index].finding
                let isSelected = index == selected
                let pointer = isSelected ? glyphs.pointer + " " : "  "
                let text = TextLayout.truncate(pointer + finding.severity.rawValue + " " + finding.code + " " + finding.message,
                                               width: rect.width, ellipsis: glyphs.ellipsis)
                if isSelected && focused {
                    canvas.put(TextLayout.pad(text, width: rect.width), x: rect.x, y: y, style: .selected, limit: rect.width)
                    continue
                }
                canvas.put(text, x: rect.x, y: y, style: isSelected ? .accent : .normal, limit: rect.width)
                // The severity word in its color, over the same text.
                let word = TextLayout.prefix(String(text.dropFirst(pointer.count)), width: DisplayWidth.of(finding.severity.rawValue))
                canvas.put(word, x: rect.x + DisplayWidth.of(pointer), y: y, style: .of(finding.severity), limit: rect.width - DisplayWidth.of(pointer))
            }
        }
    }

    /// The selected problem in full: its field, then what is wrong.
    static func drawDetail(_ problem: Problem, _ glyphs: Glyphs, in rect: Rect, canvas: inout Canvas) {
        guard rect.height > 0 else { return }
        canvas.clipped(problem.path.description, x: rect.x, y: rect.y, width: rect.width, style: .muted, glyphs: glyphs)
        wrapped(problem.message, in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1), style: .error,
                glyphs: glyphs, canvas: &canvas)
    }

    /// The selected finding in full: severity and code, the plan field that causes it, the message.
    static func drawDetail(_ entry: PlanFinding, _ glyphs: Glyphs, in rect: Rect, canvas: inout Canvas) {
        guard rect.height > 0 else { return }
        let finding = entry.finding
        var y = rect.y
        y += wrapped(finding.severity.rawValue + " " + finding.code, in: Rect(x: rect.x, y: y, width: rect.width, height: min(2, rect.height)),
                     style: .of(finding.severity), glyphs: glyphs, canvas: &canvas)
        guard y < rect.maxY else { return }
        canvas.clipped(entry.field.description, x: rect.x, y: y, width: rect.width, style: .muted, glyphs: glyphs)
        wrapped(finding.message, in: Rect(x: rect.x, y: y + 1, width: rect.width, height: rect.maxY - y - 1), glyphs: glyphs, canvas: &canvas)
    }

    /// `text` wrapped into `rect`; when it does not fit, the last row ends in an ellipsis.
    /// Returns the rows used.
    @discardableResult
    static func wrapped(_ text: String, in rect: Rect, style: Canvas.Style = .normal, glyphs: Glyphs, canvas: inout Canvas) -> Int {
        guard rect.height > 0, rect.width > 0 else { return 0 }
        let lines = TextLayout.wrap(text, width: rect.width)
        for (row, line) in lines.prefix(rect.height).enumerated() {
            let cut = row == rect.height - 1 && lines.count > rect.height
            let shown = cut ? TextLayout.prefix(line, width: rect.width - DisplayWidth.of(glyphs.ellipsis)) + glyphs.ellipsis : line
            canvas.put(shown, x: rect.x, y: rect.y + row, style: style, limit: rect.width)
        }
        return min(lines.count, rect.height)
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
