import RoleWizardCore

public struct RolesState: Equatable, Sendable {
    public enum Mode: Equatable, Sendable {
        case list
        /// Choosing the kind of a new role.
        case addKind(ListCursor)
        /// Renaming the selected role.
        case rename(TextField)
    }
    public var mode: Mode = .list
    public init() {}
}

/// Step 1: the plan's roles. Add one by kind, duplicate, rename, delete; Enter edits the
/// selected role's trust, policies and details in the steps that follow.
public enum RolesScreen: StepScreen {
    public enum Action: Sendable {
        case move(ListMove), edit, add, duplicate, rename, delete
        case kindMove(ListMove), kindChoose
        case renameCommit
    }

    public static let step = Step.roles

    public static let teaching = """
    A task can have two roles, and they are easy to confuse. The TASK ROLE (taskRoleArn) is what your code runs as: \
    the SDK in the container gets its credentials from the ECS agent at 169.254.170.2, and only this role applies. \
    The TASK EXECUTION ROLE (executionRoleArn) is what ECS uses before your code runs: pull the image, send logs, \
    fetch the task definition's secrets. The EC2 CONTAINER-INSTANCE ROLE exists only with the EC2 launch type: the \
    instance's ECS agent uses it, through an instance profile. Whoever registers the task definition needs \
    iam:PassRole on the task and execution roles.
    """

    /// Who assumes a role of each kind, what it is for, and when you need it (two lines each).
    public static func explanation(_ kind: RoleKind) -> String {
        switch kind {
        case .task:
            return "Your code's identity (ecs-tasks.amazonaws.com): what the application may call. Set as taskRoleArn."
        case .execution:
            return "ECS's identity while it starts the task: pull the image, send logs, fetch secrets. Set as executionRoleArn."
        case .instance:
            return "The EC2 container instances' identity, through an instance profile. EC2 launch type only; Fargate has none."
        }
    }

    public static func bindings(_ model: WizardModel) -> [Binding<Action>] {
        switch model.roles.mode {
        case .list:
            var bindings = Binding.list("select", Action.move)
            bindings.append(Binding([.char("a")], "a", "add", .add))
            if !model.plan.roles.isEmpty {
                bindings.append(Binding([.enter], "Enter", "edit", .edit))
                bindings.append(Binding([.char("d")], "d", "duplicate", .duplicate))
                bindings.append(Binding([.char("r")], "r", "rename", .rename))
                bindings.append(Binding([.char("x"), .delete], "x", "delete", .delete))
            }
            return bindings
        case .addKind:
            return Binding.list("kind", Action.kindMove) + [Binding([.enter], "Enter", "add this kind", .kindChoose)]
        case .rename:
            return [Binding([.enter], "Enter", "rename", .renameCommit)]
        }
    }

    public static func perform(_ action: Action, _ model: inout WizardModel) -> [Effect] {
        let count = model.plan.roles.count
        switch action {
        case let .move(move):
            var cursor = ListCursor(selected: model.roleIndex)
            cursor.apply(move, count: count, page: 5)
            model.roleIndex = cursor.selected
        case .edit:
            Wizard.go(to: .trust, &model)
        case .add:
            model.roles.mode = .addKind(ListCursor())
        case let .kindMove(move):
            guard case var .addKind(cursor) = model.roles.mode else { return [] }
            cursor.apply(move, count: RoleKind.allCases.count, page: 3)
            model.roles.mode = .addKind(cursor)
        case .kindChoose:
            guard case let .addKind(cursor) = model.roles.mode else { return [] }
            let kind = RoleKind.allCases[cursor.selected]
            model.plan.roles.append(Role(name: uniqueName(defaultName(kind), in: model.plan), kind: kind))
            model.roleIndex = model.plan.roles.count - 1
            model.roles.mode = .list
            model.status = .info("added a \(kind.title.lowercased()); r renames it, Enter edits it")
        case .duplicate:
            guard var copy = model.role else { return [] }
            copy.name = uniqueName(copy.name + "-copy", in: model.plan)
            model.plan.roles.insert(copy, at: model.roleIndex + 1)
            model.roleIndex += 1
        case .rename:
            guard let role = model.role else { return [] }
            model.roles.mode = .rename(TextField(role.name))
        case .renameCommit:
            guard case let .rename(field) = model.roles.mode else { return [] }
            if let problem = renameProblem(field.text, model) {
                model.status = .error(problem)
                return []
            }
            renameRole(at: model.roleIndex, to: field.text, &model)
            model.roles.mode = .list
        case .delete:
            guard let role = model.role else { return [] }
            model.overlay = .confirm(question: "Delete role \(role.name)?", purpose: .deleteRole(model.roleIndex))
        }
        return []
    }

    public static func typed(_ key: Key, _ model: inout WizardModel) -> [Effect]? {
        guard case var .rename(field) = model.roles.mode else { return nil }
        guard field.handle(key) else { return nil }
        model.roles.mode = .rename(field)
        return []
    }

    public static func capturesText(_ model: WizardModel) -> Bool {
        if case .rename = model.roles.mode { return true }
        return false
    }

    public static func escape(_ model: inout WizardModel) -> Bool {
        guard model.roles.mode != .list else { return false }
        model.roles.mode = .list
        model.status = nil
        return true
    }

    public static func focus(_ path: FieldPath, _ model: inout WizardModel) {
        model.roles.mode = .list
    }

    static func deleteConfirmed(_ index: Int, _ model: inout WizardModel) -> [Effect] {
        guard model.plan.roles.indices.contains(index) else { return [] }
        let name = model.plan.roles.remove(at: index).name
        for policy in model.plan.customerManagedPolicies.indices {
            model.plan.customerManagedPolicies[policy].attachTo.removeAll { $0 == name }
        }
        model.roleIndex = min(model.roleIndex, max(0, model.plan.roles.count - 1))
        model.status = .info("deleted role \(name)")
        return []
    }

    static func defaultName(_ kind: RoleKind) -> String {
        switch kind {
        case .task: return "app-task-role"
        case .execution: return "app-execution-role"
        case .instance: return "ecsInstanceRole"
        }
    }

    static func uniqueName(_ base: String, in plan: Plan) -> String {
        let taken = Set(plan.roles.map { $0.name.lowercased() })
        if !taken.contains(base.lowercased()) { return base }
        var number = 2
        while taken.contains("\(base)-\(number)".lowercased()) { number += 1 }
        return "\(base)-\(number)"
    }

    /// The problem with renaming the selected role to `name`, checked as it is typed.
    public static func renameProblem(_ name: String, _ model: WizardModel) -> String? {
        if let problem = IAMRules.checkRoleName(name) { return problem }
        let clash = model.plan.roles.indices.contains { $0 != model.roleIndex && model.plan.roles[$0].name.lowercased() == name.lowercased() }
        return clash ? "another role is named \(name) (names ignore case)" : nil
    }

    /// Where a role's name stands in a customer managed policy's attachTo list.
    struct Attachment: Equatable, Sendable {
        var policy: Int
        var entry: Int
    }

    /// Renames a role and its customer managed policy attachments: the ones at `attachments`, or
    /// every attachTo entry that holds the old name. Returns where the attachments are.
    @discardableResult
    static func renameRole(at index: Int, to name: String, attachments: [Attachment]? = nil, _ model: inout WizardModel) -> [Attachment] {
        let old = model.plan.roles[index].name
        let policies = model.plan.customerManagedPolicies
        let found = attachments ?? policies.indices.flatMap { policy in
            policies[policy].attachTo.indices.filter { policies[policy].attachTo[$0] == old }.map { Attachment(policy: policy, entry: $0) }
        }
        model.plan.roles[index].name = name
        for place in found where policies.indices.contains(place.policy) && policies[place.policy].attachTo.indices.contains(place.entry) {
            model.plan.customerManagedPolicies[place.policy].attachTo[place.entry] = name
        }
        return found
    }

    public static func render(_ model: WizardModel, in area: Rect, canvas: inout Canvas) -> (x: Int, y: Int)? {
        let (left, right) = area.splitColumns(42, gap: 2)
        canvas.put("Roles of this plan", x: left.x, y: left.y, style: .title)
        var cursor: (x: Int, y: Int)?
        if model.plan.roles.isEmpty {
            canvas.paragraph("No roles yet. Press a to add one.", in: Rect(x: left.x, y: left.y + 2, width: left.width, height: 2), style: .muted)
        }
        let rows = left.height - 3
        let list = ListCursor(selected: model.roleIndex)
        let first = list.firstVisible(rows: rows, count: model.plan.roles.count)
        for (row, index) in (first..<min(model.plan.roles.count, first + rows)).enumerated() {
            let role = model.plan.roles[index]
            let selected = index == model.roleIndex
            let y = left.y + 2 + row
            let compiled = model.compiled?.roles.indices.contains(index) == true ? model.compiled?.roles[index] : nil
            let problems = model.problems.filter { Step.owning($0.path).role == index }.count
            let counts = "M\(compiled?.managedPolicyARNs.count ?? role.effectiveManagedPolicies.count) I\(role.inlinePolicies.count)"
            let mark = problems > 0 ? " \(model.glyphs.error)\(problems)" : ""
            let style: Canvas.Style = selected ? .selected : .normal
            if selected, case let .rename(field) = model.roles.mode {
                let (shown, column) = field.visible(width: 26)
                canvas.put(model.glyphs.pointer + " " + TextLayout.pad(shown, width: 26), x: left.x, y: y, style: .selected)
                cursor = (left.x + 2 + column, y)
                if let problem = renameProblem(field.text, model) {
                    canvas.paragraph(model.glyphs.error + " " + problem, in: Rect(x: left.x, y: left.maxY - 2, width: left.width, height: 2), style: .error)
                }
                continue
            }
            let line = (selected ? model.glyphs.pointer + " " : "  ") + TextLayout.pad(role.name, width: 22) + " "
                + TextLayout.pad(role.kind.rawValue, width: 10) + counts
            canvas.clipped(line, x: left.x, y: y, width: left.width - DisplayWidth.of(mark), style: style, glyphs: model.glyphs)
            if !mark.isEmpty { canvas.put(mark, x: left.maxX - DisplayWidth.of(mark), y: y, style: .error) }
        }

        if case let .addKind(kindCursor) = model.roles.mode {
            canvas.put("Add which kind of role?", x: right.x, y: right.y, style: .title)
            var y = right.y + 2
            for (index, kind) in RoleKind.allCases.enumerated() {
                let selected = index == kindCursor.selected
                canvas.put((selected ? model.glyphs.pointer + " " : "  ") + kind.title, x: right.x, y: y, style: selected ? .selected : .accent)
                y += 1
                y += canvas.paragraph(explanation(kind), in: Rect(x: right.x + 2, y: y, width: right.width - 2, height: 4), style: .muted) + 1
            }
            return cursor
        }
        guard let role = model.role else { return cursor }
        var y = right.y
        canvas.put(role.kind.title, x: right.x, y: y, style: .title)
        y += 1
        y += canvas.paragraph(explanation(role.kind), in: Rect(x: right.x, y: y, width: right.width, height: 6), style: .muted) + 1
        let compiled = model.compiledRole
        let trusted = (role.trust.document != nil ? ["custom trust document"] : (role.trust.services ?? [role.kind.trustedService]) + role.trust.accounts)
        y += canvas.paragraph("Trusted: " + trusted.joined(separator: ", "), in: Rect(x: right.x, y: y, width: right.width, height: 2))
        let managed = compiled?.managedPolicyARNs.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? role.effectiveManagedPolicies
        y += canvas.paragraph("Managed: " + (managed.isEmpty ? "none" : managed.joined(separator: ", ")), in: Rect(x: right.x, y: y, width: right.width, height: 3))
        y += canvas.paragraph("Inline: " + (role.inlinePolicies.isEmpty ? "none" : role.inlinePolicies.map(\.name).joined(separator: ", ")),
                              in: Rect(x: right.x, y: y, width: right.width, height: 2))
        y += 1
        let problems = model.problems.filter { Step.owning($0.path).role == model.roleIndex }
        if model.catalog == nil {
            canvas.put("checking…", x: right.x, y: y, style: .muted)
        } else if problems.isEmpty {
            canvas.put(model.glyphs.ok + " no problems", x: right.x, y: y, style: .accent)
        } else {
            for problem in problems where y < right.maxY {
                y += canvas.paragraph(model.glyphs.error + " " + problem.message, in: Rect(x: right.x, y: y, width: right.width, height: min(2, right.maxY - y)), style: .error)
            }
        }
        return cursor
    }
}
