import RoleWizardCore

public struct StartState: Equatable, Sendable {
    public enum Focus: Equatable, Sendable { case choices, account, region, partition, specPath }
    public var focus: Focus = .choices
    public var cursor = ListCursor()
    public var account = TextField()
    public var region = TextField()
    public var partition: Partition = .aws
    public var specPath = TextField()
    public init() {}
}

/// The start screen: a blank plan, a preset, a spec file or the saved draft; and the account,
/// region and partition the plan's ARNs are built from.
public enum StartScreen: StepScreen {
    public enum Choice: Equatable, Sendable {
        case resume, blank, preset(String), openSpec
    }

    public enum Action: Sendable {
        case move(ListMove), choose, nextField, previousField, cyclePartition(Int)
    }

    public static let step = Step.start

    public static let teaching = """
    A plan is the set of IAM roles one ECS workload needs. Start from a preset to reproduce a workshop lab or guide exactly, \
    or from a blank plan. The account and region are optional: with them, ARNs and the trust policy's confused-deputy \
    conditions are written out in full; without them, apply.sh finds them when it runs (aws sts get-caller-identity and \
    the configured region). Nothing here touches an account: the wizard only writes files for you to review.
    """

    public static func choices(_ model: WizardModel) -> [Choice] {
        (model.draft == nil ? [] : [.resume]) + [.blank] + Presets.all.map { .preset($0.name) } + [.openSpec]
    }

    public static func bindings(_ model: WizardModel) -> [Binding<Action>] {
        var bindings = [
            Binding([.tab], "Tab", "next field", Action.nextField),
            Binding([.backTab], "S-Tab", "previous field", .previousField, inFooter: false),
        ]
        switch model.start.focus {
        case .choices:
            bindings = Binding.list("choose", Action.move) + [Binding([.enter], "Enter", "start", .choose)] + bindings
        case .partition:
            bindings.insert(Binding([.left, .char(" ")], "←→", "partition", .cyclePartition(-1)), at: 0)
            bindings.insert(Binding([.right], "→", "next partition", .cyclePartition(1), inFooter: false), at: 1)
            bindings.insert(Binding([.enter], "Enter", "start", .choose), at: 2)
        case .account, .region, .specPath:
            bindings.insert(Binding([.enter], "Enter", model.start.focus == .specPath ? "open" : "start", .choose), at: 0)
        }
        return bindings
    }

    public static func perform(_ action: Action, _ model: inout WizardModel) -> [Effect] {
        switch action {
        case let .move(move):
            model.start.cursor.apply(move, count: choices(model).count, page: 5)
        case .nextField: model.start.focus = cycle(model.start.focus, by: 1)
        case .previousField: model.start.focus = cycle(model.start.focus, by: -1)
        case let .cyclePartition(delta):
            let all = Partition.allCases
            let index = all.firstIndex(of: model.start.partition) ?? 0
            model.start.partition = all[(index + delta + all.count) % all.count]
        case .choose:
            return choose(model.start.focus == .specPath ? .openSpec : choices(model)[model.start.cursor.selected], &model)
        }
        return []
    }

    public static func typed(_ key: Key, _ model: inout WizardModel) -> [Effect]? {
        switch model.start.focus {
        case .choices: return nil
        case .account: return model.start.account.handle(key) ? [] : nil
        case .region: return model.start.region.handle(key) ? [] : nil
        case .specPath: return model.start.specPath.handle(key) ? [] : nil
        case .partition: return nil
        }
    }

    public static func capturesText(_ model: WizardModel) -> Bool {
        [.account, .region, .specPath].contains(model.start.focus)
    }

    public static func escape(_ model: inout WizardModel) -> Bool {
        if model.start.focus != .choices {
            model.start.focus = .choices
            return true
        }
        return false
    }

    public static func focus(_ path: FieldPath, _ model: inout WizardModel) {
        switch path.components.first {
        case .key("account")?: model.start.focus = .account
        case .key("region")?: model.start.focus = .region
        case .key("partition")?: model.start.focus = .partition
        default: model.start.focus = .choices
        }
    }

    static func cycle(_ focus: StartState.Focus, by delta: Int) -> StartState.Focus {
        let order: [StartState.Focus] = [.choices, .account, .region, .partition, .specPath]
        let index = order.firstIndex(of: focus) ?? 0
        return order[(index + delta + order.count) % order.count]
    }

    /// The problem with what is typed in the account field, if any.
    static func accountProblem(_ model: WizardModel) -> String? {
        let text = model.start.account.text
        return text.isEmpty || IAMRules.isAccountID(text) ? nil : "12 digits"
    }

    static func regionProblem(_ model: WizardModel) -> String? {
        let text = model.start.region.text
        return text.isEmpty || IAMRules.isRegion(text) ? nil : "like us-east-1"
    }

    static func choose(_ choice: Choice, _ model: inout WizardModel) -> [Effect] {
        if let problem = accountProblem(model) { return fail("account: \(problem)", focus: .account, &model) }
        if let problem = regionProblem(model) { return fail("region: \(problem)", focus: .region, &model) }
        let account = model.start.account.text.isEmpty ? nil : model.start.account.text
        let region = model.start.region.text.isEmpty ? nil : model.start.region.text
        let partition: Partition? = model.start.partition == .aws ? nil : model.start.partition
        switch choice {
        case .resume:
            guard let draft = model.draft else { return [] }
            model.plan = draft
            model.status = .info("resumed the draft")
        case .blank:
            model.plan = Plan(account: account, region: region, partition: partition)
            model.status = .info("a blank plan: add the roles your workload needs")
        case let .preset(name):
            guard let preset = Presets.named(name) else { return [] }
            model.plan = preset.plan(account: account, region: region, partition: partition)
            model.status = .info("preset \(name): \(preset.plan().roles.count) roles")
        case .openSpec:
            let path = model.start.specPath.text
            guard !path.isEmpty else {
                model.start.focus = .specPath
                model.status = .info("type the spec file's path, then Enter")
                return []
            }
            return [.loadSpec(path: path)]
        }
        model.roleIndex = 0
        Wizard.go(to: .roles, &model)
        model.roles.mode = .list
        return []
    }

    static func fail(_ message: String, focus: StartState.Focus, _ model: inout WizardModel) -> [Effect] {
        model.start.focus = focus
        model.status = .error(message)
        return []
    }

    /// The spec text arrived (or could not be read).
    static func specLoaded(path: String, _ result: Result<String, EffectFailure>, _ model: inout WizardModel) -> [Effect] {
        switch result {
        case let .failure(failure):
            model.status = .error("\(path): \(failure.message)")
        case let .success(text):
            let read = SpecReader.read(text: text)
            guard let plan = read.plan, read.problems.isEmpty else {
                let first = read.problems.first.map { problem -> String in
                    let place = read.location(of: problem.path).map { ":\($0.line):\($0.column)" } ?? ""
                    return "\(path)\(place): \(problem)"
                } ?? "\(path): not a spec"
                model.status = .error(first + (read.problems.count > 1 ? " (+\(read.problems.count - 1) more)" : ""))
                return []
            }
            model.plan = plan
            model.roleIndex = 0
            model.unsaved = false
            Wizard.go(to: .roles, &model)
            model.status = .info("opened \(path)")
        }
        return []
    }

    public static func render(_ model: WizardModel, in area: Rect, canvas: inout Canvas) -> (x: Int, y: Int)? {
        let state = model.start
        let (left, right) = area.splitColumns(38, gap: 2)
        canvas.put("Start from", x: left.x, y: left.y, style: .title)
        let all = choices(model)
        let rows = left.height - 2
        let first = state.cursor.firstVisible(rows: rows, count: all.count)
        for (row, index) in (first..<min(all.count, first + rows)).enumerated() {
            let selected = index == state.cursor.selected
            let style: Canvas.Style = selected ? (state.focus == .choices ? .selected : .accent) : .normal
            let marker = selected ? model.glyphs.pointer + " " : "  "
            canvas.clipped(marker + title(all[index]), x: left.x, y: left.y + 2 + row, width: left.width, style: style, glyphs: model.glyphs)
        }

        var y = right.y
        canvas.put("Where (optional)", x: right.x, y: y, style: .title)
        y += 2
        var cursor: (x: Int, y: Int)?
        func field(_ label: String, _ text: TextField, _ focus: StartState.Focus, _ problem: String?) {
            let focused = state.focus == focus
            canvas.put(TextLayout.pad(label, width: 10), x: right.x, y: y, style: focused ? .accent : .muted)
            let width = 16
            let (shown, column) = text.visible(width: width)
            canvas.put(TextLayout.pad(shown.isEmpty && !focused ? "(at apply)" : shown, width: width),
                       x: right.x + 10, y: y, style: focused ? .selected : (shown.isEmpty ? .muted : .normal))
            if let problem { canvas.put(model.glyphs.error + " " + problem, x: right.x + 11 + width, y: y, style: .error) }
            if focused { cursor = (right.x + 10 + column, y) }
            y += 1
        }
        field("account", state.account, .account, accountProblem(model))
        field("region", state.region, .region, regionProblem(model))
        canvas.put(TextLayout.pad("partition", width: 10), x: right.x, y: y, style: state.focus == .partition ? .accent : .muted)
        canvas.put(state.partition.rawValue, x: right.x + 10, y: y, style: state.focus == .partition ? .selected : .normal)
        y += 2

        let details = Rect(x: right.x, y: y, width: right.width, height: right.maxY - y - 3)
        switch all[min(state.cursor.selected, all.count - 1)] {
        case .resume:
            let roles = model.draft?.roles.map(\.name).joined(separator: ", ") ?? ""
            canvas.paragraph("The plan you were building last time: \(roles.isEmpty ? "no roles yet" : roles).", in: details)
        case .blank:
            canvas.paragraph("An empty plan. Step 1 adds the roles: a task role for what the app calls, an execution role for what ECS needs to start it, an instance role for EC2 container instances.", in: details)
        case let .preset(name):
            if let preset = Presets.named(name) {
                let used = canvas.paragraph(preset.summary, in: details)
                canvas.paragraph("Source: " + preset.source, in: Rect(x: details.x, y: details.y + used + 1, width: details.width, height: details.height - used - 1), style: .muted)
            }
        case .openSpec:
            canvas.paragraph("Edit an existing spec file (YAML or JSON), such as one `ecs-role-wizard init` or this wizard wrote.", in: details)
        }
        let pathY = right.maxY - 2
        canvas.put(TextLayout.pad("spec file", width: 10), x: right.x, y: pathY, style: state.focus == .specPath ? .accent : .muted)
        let (shown, column) = state.specPath.visible(width: right.width - 11)
        canvas.put(TextLayout.pad(shown, width: right.width - 11), x: right.x + 10, y: pathY, style: state.focus == .specPath ? .selected : .normal)
        if state.focus == .specPath { cursor = (right.x + 10 + column, pathY) }
        return cursor
    }

    static func title(_ choice: Choice) -> String {
        switch choice {
        case .resume: return "Resume the draft"
        case .blank: return "Blank plan"
        case let .preset(name): return "Preset: \(name)"
        case .openSpec: return "Open a spec file…"
        }
    }
}
