import RoleWizardCore

public struct InlinePoliciesState: Equatable, Sendable {
    public enum Mode: Equatable, Sendable {
        case list
        /// Choosing what a new policy starts from: a building block, statements, or $EDITOR.
        case add(ListCursor)
        case block(BlockForm)
        case statements(StatementsForm)
        /// Renaming the selected policy.
        case rename(TextField)
    }

    /// Editor text that did not parse as a policy document. Opening the editor again for the
    /// same policy (or the new one) brings this text back, so nothing typed is lost.
    public struct Unparsed: Equatable, Sendable {
        public var role: Int
        /// The policy the editor was opened on; nil for a new policy.
        public var index: Int?
        public var name: String
        public var text: String
        /// What the policy reader said about the text.
        public var error: String
    }

    /// The role (position and name) a sub-mode was opened on.
    public struct Owner: Equatable, Sendable {
        public var index: Int
        public var name: String
    }

    /// Read and written through `WizardModel.inlineMode`, which ties it to its owner.
    public var mode: Mode = .list
    public var owner: Owner?
    /// The selected row: the role's policies, then its new policies whose editor text did not parse.
    public var cursor = ListCursor()
    public var unparsed: [Unparsed] = []
    public init() {}
}

extension WizardModel {
    /// The step's mode while the role it was opened on is still the one edited. A form left open
    /// while another role was chosen in step 1 is not shown: it would save into the wrong role.
    var inlineMode: InlinePoliciesState.Mode {
        get { inline.owner == role.map { .init(index: roleIndex, name: $0.name) } ? inline.mode : .list }
        set {
            inline.mode = newValue
            inline.owner = role.map { .init(index: roleIndex, name: $0.name) }
        }
    }
}

/// Step 4: the selected role's inline policies. Add one from a building block (a form of its
/// parameters), as statements edited field by field, or as a document written in $EDITOR; edit,
/// rename and delete them. The role's aggregate size is shown against IAM's 10,240 characters.
public enum InlinePoliciesScreen: StepScreen {
    public enum Action: Sendable {
        case move(ListMove), add, edit, openEditor, rename, delete
        case addMove(ListMove), addChoose
        case renameCommit
        case nextField, previousField, toggle, save, scrollPreview(Int), addStatement, removeStatement
        /// The statements form's action completion: take the highlighted match, choose another, close the list.
        case acceptCompletion, moveCompletion(Int), closeCompletion
        case cancel
    }

    typealias BlockForm = InlinePoliciesState.BlockForm
    typealias StatementsForm = InlinePoliciesState.StatementsForm

    public static let step = Step.inlinePolicies

    public static let teaching = """
    An inline policy lives inside one role and is deleted with it; permissions that several roles share \
    belong in a managed policy instead. IAM limits a role's inline policies to 10,240 characters together, \
    whitespace not counted. Building blocks write least-privilege statements for common ECS needs, such as \
    the four ssmmessages actions ECS Exec needs in the task role. Every statement needs an Effect, Action and \
    Resource; "*" is only right for actions that take no resource. An explicit Deny beats any Allow. A \
    Condition narrows a statement further, e.g. StringEquals aws:ResourceTag/team payments.
    """

    /// A row of the list: a policy of the role, or a new policy whose editor text did not parse
    /// (its position in `state.unparsed`).
    enum Row: Equatable {
        case policy(Int)
        case unparsed(Int)
    }

    static func rows(_ model: WizardModel) -> [Row] {
        guard let role = model.role else { return [] }
        return role.inlinePolicies.indices.map(Row.policy) + unparsedNew(model.inline.unparsed, role: model.roleIndex).map(Row.unparsed)
    }

    /// Positions in `unparsed` of the role's new policies whose editor text did not parse.
    static func unparsedNew(_ unparsed: [InlinePoliciesState.Unparsed], role: Int) -> [Int] {
        unparsed.indices.filter { unparsed[$0].role == role && unparsed[$0].index == nil }
    }

    static func selectedRow(_ model: WizardModel) -> Row? {
        let all = rows(model)
        guard !all.isEmpty else { return nil }
        return all[min(max(0, model.inline.cursor.selected), all.count - 1)]
    }

    /// What a new policy can start from, in the add list's order.
    enum AddChoice {
        case block(BuildingBlock)
        case statements
        case editor
    }

    static var addChoices: [AddChoice] { BuildingBlocks.all.map(AddChoice.block) + [.statements, .editor] }

    public static func bindings(_ model: WizardModel) -> [Binding<Action>] {
        guard model.role != nil else { return [] }
        switch model.inlineMode {
        case .list:
            var bindings = rows(model).isEmpty ? [] : Binding.list("select", Action.move)
            bindings.append(Binding([.char("a")], "a", "add", .add))
            switch selectedRow(model) {
            case .policy?:
                bindings.append(Binding([.enter], "Enter", "edit", .edit))
                bindings.append(Binding([.char("e")], "e", "$EDITOR", .openEditor))
                bindings.append(Binding([.char("r")], "r", "rename", .rename))
                bindings.append(Binding([.char("x"), .delete], "x", "delete", .delete))
            case .unparsed?:
                bindings.append(Binding([.enter, .char("e")], "Enter", "reopen in $EDITOR", .openEditor))
                bindings.append(Binding([.char("x"), .delete], "x", "discard", .delete))
            case nil:
                break
            }
            return bindings
        case .add:
            return Binding.list("choose", Action.addMove) + [Binding([.enter], "Enter", "use this", .addChoose), cancel]
        case .rename:
            return [Binding([.enter], "Enter", "rename", .renameCommit), cancel]
        case let .block(form):
            let toggle = form.focusedFlag == nil ? [] : [Binding([.char(" ")], "Space", "toggle", Action.toggle)]
            return formBindings(toggle)
        case let .statements(form):
            var own: [Binding<Action>] = []
            if form.focus.isEffect { own.append(Binding([.char(" ")], "Space", "Allow/Deny", .toggle)) }
            own.append(Binding([.ctrl("t")], "^T", "add statement", .addStatement))
            if form.focus.statement != nil && form.statements.count > 1 {
                own.append(Binding([.ctrl("d")], "^D", "delete statement", .removeStatement))
            }
            guard form.completion != nil else { return formBindings(own) }
            // The completion list is open: Tab, ↑↓ and Esc are its keys until it closes.
            return [
                Binding([.tab], "Tab", "complete", .acceptCompletion),
                Binding([.up], "↑↓", "choose", .moveCompletion(-1)),
                Binding([.down], "↓", "choose", .moveCompletion(1), inFooter: false),
                Binding([.escape], "Esc", "close list", .closeCompletion),
                Binding([.enter], "Enter", "save", .save),
                Binding([.backTab], "S-Tab", "previous field", .previousField, inFooter: false),
            ] + own + [
                Binding([.pageDown], "PgDn", "preview down", .scrollPreview(1), inFooter: false),
                Binding([.pageUp], "PgUp", "preview up", .scrollPreview(-1), inFooter: false),
            ]
        }
    }

    static let cancel = Binding([.escape], "Esc", "cancel", Action.cancel)

    /// A form's keys: save, move between fields (a one-line field leaves ↑ and ↓ free), the
    /// form's own keys, cancel, and scrolling the preview.
    static func formBindings(_ own: [Binding<Action>]) -> [Binding<Action>] {
        [
            Binding([.enter], "Enter", "save", .save),
            Binding([.tab, .down], "Tab", "next field", .nextField),
            Binding([.backTab, .up], "S-Tab", "previous field", .previousField, inFooter: false),
        ] + own + [
            cancel,
            Binding([.pageDown], "PgDn", "preview down", .scrollPreview(1), inFooter: false),
            Binding([.pageUp], "PgUp", "preview up", .scrollPreview(-1), inFooter: false),
        ]
    }

    public static func perform(_ action: Action, _ model: inout WizardModel) -> [Effect] {
        switch action {
        case let .move(move):
            model.inline.cursor.apply(move, count: rows(model).count, page: 5)
        case .add:
            model.inlineMode = .add(ListCursor())
        case let .addMove(move):
            guard case var .add(cursor) = model.inlineMode else { return [] }
            cursor.apply(move, count: addChoices.count, page: 5)
            model.inlineMode = .add(cursor)
        case .addChoose:
            guard case let .add(cursor) = model.inlineMode else { return [] }
            return startNew(addChoices[min(cursor.selected, addChoices.count - 1)], &model)
        case .edit:
            return edit(&model)
        case .openEditor:
            return openEditor(&model)
        case .rename:
            guard case let .policy(index)? = selectedRow(model), let role = model.role else { return [] }
            model.inlineMode = .rename(TextField(role.inlinePolicies[index].name))
        case .renameCommit:
            renameCommit(&model)
        case .delete:
            askDelete(&model)
        case .nextField, .previousField, .toggle, .scrollPreview, .addStatement, .removeStatement,
             .acceptCompletion, .moveCompletion, .closeCompletion:
            editForm(action, &model)
        case .save:
            saveForm(&model)
        case .cancel:
            cancel(&model)
        }
        return []
    }

    public static func typed(_ key: Key, _ model: inout WizardModel) -> [Effect]? {
        switch model.inlineMode {
        case var .rename(field):
            guard field.handle(key) else { return nil }
            model.inlineMode = .rename(field)
        case var .block(form):
            guard form.type(key) else { return nil }
            model.inlineMode = .block(form)
        case var .statements(form):
            let before = form.focusedText
            guard form.type(key) else { return nil }
            form.complete(textBefore: before, catalog: model.iamCatalog)
            model.inlineMode = .statements(form)
        case .list, .add:
            return nil
        }
        return []
    }

    public static func capturesText(_ model: WizardModel) -> Bool {
        switch model.inlineMode {
        case .rename: return true
        case let .block(form): return form.focusedFlag == nil
        case let .statements(form): return !form.focus.isEffect
        case .list, .add: return false
        }
    }

    public static func escape(_ model: inout WizardModel) -> Bool {
        guard model.inlineMode != .list else { return false }
        cancel(&model)
        return true
    }

    static func cancel(_ model: inout WizardModel) {
        switch model.inlineMode {
        case .block, .statements: model.status = .info("not saved")
        case .list, .add, .rename: model.status = nil
        }
        model.inlineMode = .list
    }

    /// `roles[r].inlinePolicies[k]…`: selects policy k; a name opens the rename, a block's
    /// parameter or a statement's field opens the form on that field.
    public static func focus(_ path: FieldPath, _ model: inout WizardModel) {
        model.inlineMode = .list
        let components = path.components
        guard components.count > 3, case let .index(index) = components[3],
              let role = model.role, role.inlinePolicies.indices.contains(index) else { return }
        model.inline.cursor.selected = index
        guard components.count > 4, case let .key(field) = components[4] else { return }
        let rest = FieldPath(Array(components.dropFirst(5)))
        switch (field, role.inlinePolicies[index].source) {
        case ("name", _):
            model.inlineMode = .rename(TextField(role.inlinePolicies[index].name))
        case let ("parameters", .template(name, parameters)):
            guard let block = BuildingBlocks.named(name) else { return }
            var form = BlockForm(block: block, index: index, name: role.inlinePolicies[index].name, parameters: parameters)
            if case let .key(parameter)? = rest.components.first, let position = block.parameters.firstIndex(where: { $0.name == parameter }) {
                form.focus = position
            }
            model.inlineMode = .block(form)
        case let ("statements", .statements(statements)) where statements.allSatisfy(StatementsForm.fits):
            var form = StatementsForm(index: index, name: role.inlinePolicies[index].name, statements: statements)
            form.focus = form.field(for: rest)
            model.inlineMode = .statements(form)
        default:
            break
        }
    }

    // MARK: Adding and editing

    static func startNew(_ choice: AddChoice, _ model: inout WizardModel) -> [Effect] {
        model.inlineMode = .list
        switch choice {
        case let .block(block):
            model.inlineMode = .block(BlockForm(block: block, index: nil, name: uniqueName(block.name, model)))
        case .statements:
            model.inlineMode = .statements(StatementsForm(index: nil, name: uniqueName("custom-policy", model), statements: []))
        case .editor:
            let name = uniqueName("inline-policy", model)
            return [.openEditor(text: skeleton.prettyText, target: .inlinePolicy(role: model.roleIndex, index: nil, name: name))]
        }
        return []
    }

    /// What "new document in $EDITOR" starts from: one statement whose empty lists the grammar
    /// reports until they are filled in.
    static let skeleton = PolicyDocument(statements: [Statement(action: StringList([], isList: true), resource: StringList([], isList: true))])

    /// Enter on a policy: the form it was made with; hand-written documents open in $EDITOR.
    static func edit(_ model: inout WizardModel) -> [Effect] {
        guard case let .policy(index)? = selectedRow(model), let policy = model.role?.inlinePolicies[index] else { return [] }
        switch policy.source {
        case let .template(name, parameters):
            guard let block = BuildingBlocks.named(name) else {
                model.status = .error("no building block named \(name); e opens the policy in $EDITOR")
                return []
            }
            model.inlineMode = .block(BlockForm(block: block, index: index, name: policy.name, parameters: parameters))
        case let .statements(statements) where statements.allSatisfy(StatementsForm.fits):
            model.inlineMode = .statements(StatementsForm(index: index, name: policy.name, statements: statements))
        case .statements, .document:
            return openEditor(&model)
        }
        return []
    }

    /// The document a policy stands for, as the compiler builds it; nil while a block's
    /// parameters have problems (or the block is unknown).
    static func document(of policy: InlinePolicy, context: PlanContext) -> PolicyDocument? {
        switch policy.source {
        case let .template(name, parameters):
            guard let block = BuildingBlocks.named(name), block.problems(parameters, context: context, at: .root).isEmpty else { return nil }
            return block.document(parameters, context: context)
        case let .statements(statements): return PolicyDocument(statements: statements)
        case let .document(document): return document
        }
    }

    /// Opens the selected row in $EDITOR: its unparsed text if the last edit did not parse,
    /// else its document (a skeleton while it has none).
    static func openEditor(_ model: inout WizardModel) -> [Effect] {
        guard let role = model.role, let row = selectedRow(model) else { return [] }
        switch row {
        case let .unparsed(entry):
            let kept = model.inline.unparsed[entry]
            return [.openEditor(text: kept.text, target: .inlinePolicy(role: model.roleIndex, index: nil, name: kept.name))]
        case let .policy(index):
            let policy = role.inlinePolicies[index]
            let target = EditorTarget.inlinePolicy(role: model.roleIndex, index: index, name: policy.name)
            if let kept = model.inline.unparsed.first(where: { $0.role == model.roleIndex && $0.index == index && $0.name == policy.name }) {
                return [.openEditor(text: kept.text, target: target)]
            }
            let document = document(of: policy, context: model.plan.context) ?? skeleton
            return [.openEditor(text: document.prettyText, target: target)]
        }
    }

    /// $EDITOR returned. A document that parses replaces the policy's source (or adds the new
    /// policy); text that does not parse is kept for the next "open in editor".
    static func editorFinished(text: String?, target: EditorTarget, _ model: inout WizardModel) -> [Effect] {
        guard case let .inlinePolicy(roleIndex, index, name) = target, model.plan.roles.indices.contains(roleIndex) else { return [] }
        guard let text else {
            model.status = .error("the editor failed to start or exited with an error; \(name) is unchanged")
            return []
        }
        let policies = model.plan.roles[roleIndex].inlinePolicies
        let existing = index.flatMap { policies.indices.contains($0) ? $0 : nil }
        model.inline.unparsed.removeAll { $0.role == roleIndex && $0.index == existing && $0.name == name }
        switch PolicyReader.parse(text: text) {
        case let .failure(error):
            model.inline.unparsed.append(.init(role: roleIndex, index: existing, name: name, text: text, error: error.message))
            let row = existing.map(Row.policy) ?? .unparsed(model.inline.unparsed.count - 1)
            if roleIndex == model.roleIndex, let position = rows(model).firstIndex(of: row) { model.inline.cursor.selected = position }
            model.status = .error("\(name) not saved, e reopens your text: \(error.message)")
        case let .success(document):
            let problems = PolicyGrammar.check(document, use: .identity, paths: .document(.root, statementIsList: document.statementIsList)).count
            let found = problems == 0 ? "" : " (\(problems) problem\(problems == 1 ? "" : "s"), listed below)"
            if let existing {
                if Self.document(of: policies[existing], context: model.plan.context) == document {
                    model.status = .info("\(name): no changes")
                    return []
                }
                model.plan.roles[roleIndex].inlinePolicies[existing].source = .document(document)
                model.status = .info("saved \(name) from the editor" + found)
            } else {
                let unique = uniqueName(name, in: model.plan.roles[roleIndex], model.inline.unparsed, role: roleIndex)
                model.plan.roles[roleIndex].inlinePolicies.append(InlinePolicy(name: unique, source: .document(document)))
                if roleIndex == model.roleIndex { model.inline.cursor.selected = policies.count }
                model.status = .info("added \(unique) from the editor" + found)
            }
        }
        return []
    }

    static func editForm(_ action: Action, _ model: inout WizardModel) {
        switch model.inlineMode {
        case var .block(form):
            switch action {
            case .nextField: form.move(by: 1)
            case .previousField: form.move(by: -1)
            case .toggle: form.toggle()
            case let .scrollPreview(direction): form.previewTop = scrolled(form.previewTop, direction, preview(form, model))
            default: break
            }
            model.inlineMode = .block(form)
        case var .statements(form):
            switch action {
            case .nextField: form.move(by: 1)
            case .previousField: form.move(by: -1)
            case .toggle: form.toggle()
            case .addStatement: form.addStatement()
            case .removeStatement: form.removeStatement()
            case let .scrollPreview(direction): form.previewTop = scrolled(form.previewTop, direction, preview(form))
            case .acceptCompletion: form.acceptCompletion()
            case let .moveCompletion(delta): form.moveCompletion(delta)
            case .closeCompletion: form.completion = nil
            default: break
            }
            model.inlineMode = .statements(form)
        case .list, .add, .rename:
            break
        }
    }

    /// The preview's first line after PgUp or PgDn: half a screen at a time, within the text.
    static func scrolled(_ top: Int, _ direction: Int, _ text: String?) -> Int {
        let lines = text.map { $0.split(separator: "\n").count } ?? 0
        return min(max(0, top + direction * 8), max(0, lines - 1))
    }

    static func preview(_ form: BlockForm, _ model: WizardModel) -> String? {
        guard let block = form.block, form.parameterProblems(block, model.plan.context).isEmpty else { return nil }
        return block.document(form.parameters(block), context: model.plan.context).prettyText
    }

    static func preview(_ form: StatementsForm) -> String? {
        let built = form.build()
        return built.problems.isEmpty ? PolicyDocument(statements: built.statements).prettyText : nil
    }

    /// Enter on a form: saves it when every field is valid, else says what is wrong and puts the
    /// focus on the first field with a problem.
    static func saveForm(_ model: inout WizardModel) {
        switch model.inlineMode {
        case var .block(form):
            guard let block = form.block else { return }
            let problems = form.problems(block, model)
            if let first = problems.first {
                form.focus = first.field
                model.inlineMode = .block(form)
                model.status = .error("not saved: " + first.message)
                return
            }
            let source = PolicySource.template(name: block.name, parameters: form.parameters(block))
            store(InlinePolicy(name: form.name.text, source: source), at: form.index, &model)
        case var .statements(form):
            form.completion = nil
            if let first = form.problems(model).first {
                form.focus = first.field
                model.inlineMode = .statements(form)
                model.status = .error("not saved: " + first.message)
                return
            }
            store(InlinePolicy(name: form.name.text, source: .statements(form.build().statements)), at: form.index, &model)
        case .list, .add, .rename:
            break
        }
    }

    static func store(_ policy: InlinePolicy, at index: Int?, _ model: inout WizardModel) {
        guard var role = model.role else { return }
        model.inlineMode = .list
        if let index, role.inlinePolicies.indices.contains(index) {
            model.inline.cursor.selected = index
            model.status = .info("saved \(policy.name)")
            // An unchanged policy leaves the plan alone: no recompile, no draft written.
            guard role.inlinePolicies[index] != policy else { return }
            renameUnparsed(index, from: role.inlinePolicies[index].name, to: policy.name, &model)
            role.inlinePolicies[index] = policy
        } else {
            role.inlinePolicies.append(policy)
            model.inline.cursor.selected = role.inlinePolicies.count - 1
            model.status = .info("added \(policy.name)")
        }
        model.role = role
    }

    // MARK: Rename and delete

    static func renameCommit(_ model: inout WizardModel) {
        guard case let .rename(field) = model.inlineMode, case let .policy(index)? = selectedRow(model), let old = model.role?.inlinePolicies[index].name else { return }
        if let problem = nameProblem(field.text, except: index, model) {
            model.status = .error(problem)
            return
        }
        renameUnparsed(index, from: old, to: field.text, &model)
        model.role?.inlinePolicies[index].name = field.text
        model.inlineMode = .list
        model.status = nil
    }

    /// Unparsed editor text follows its policy's new name.
    static func renameUnparsed(_ index: Int, from old: String, to new: String, _ model: inout WizardModel) {
        for entry in model.inline.unparsed.indices
        where model.inline.unparsed[entry].role == model.roleIndex && model.inline.unparsed[entry].index == index && model.inline.unparsed[entry].name == old {
            model.inline.unparsed[entry].name = new
        }
    }

    static func askDelete(_ model: inout WizardModel) {
        guard let role = model.role, let row = selectedRow(model) else { return }
        switch row {
        case let .policy(index):
            model.overlay = .confirm(question: "Delete inline policy \(role.inlinePolicies[index].name)?",
                                     purpose: .deleteInlinePolicy(role: model.roleIndex, index: index))
        case let .unparsed(entry):
            // The unparsed rows follow the policies, so their row number is past the last policy.
            let row = rows(model).firstIndex(of: .unparsed(entry)) ?? 0
            model.overlay = .confirm(question: "Discard the editor text of \(model.inline.unparsed[entry].name)? It is not saved anywhere else.",
                                     purpose: .deleteInlinePolicy(role: model.roleIndex, index: row))
        }
    }

    /// Yes to the delete question: `index` is a row; rows past the policies are unparsed new ones.
    static func deleteConfirmed(role: Int, index: Int, _ model: inout WizardModel) -> [Effect] {
        guard model.plan.roles.indices.contains(role) else { return [] }
        let count = model.plan.roles[role].inlinePolicies.count
        if index >= 0 && index < count {
            let name = model.plan.roles[role].inlinePolicies.remove(at: index).name
            model.inline.unparsed.removeAll { $0.role == role && $0.index == index }
            for entry in model.inline.unparsed.indices where model.inline.unparsed[entry].role == role {
                if let later = model.inline.unparsed[entry].index, later > index { model.inline.unparsed[entry].index = later - 1 }
            }
            model.status = .info("deleted inline policy \(name)")
        } else {
            let newOnes = unparsedNew(model.inline.unparsed, role: role)
            guard newOnes.indices.contains(index - count) else { return [] }
            let name = model.inline.unparsed.remove(at: newOnes[index - count]).name
            model.status = .info("discarded the editor text of \(name)")
        }
        model.inline.cursor.clamp(count: rows(model).count)
        return []
    }

    // MARK: Names

    /// The problem with naming a policy of the selected role `name` (policy `except` keeps its own name).
    static func nameProblem(_ name: String, except index: Int?, _ model: WizardModel) -> String? {
        if let problem = IAMRules.checkPolicyName(name) { return problem }
        guard let policies = model.role?.inlinePolicies else { return nil }
        let clash = policies.indices.contains { $0 != index && policies[$0].name.lowercased() == name.lowercased() }
        return clash ? "the role has another inline policy named \(name) (names ignore case)" : nil
    }

    static func uniqueName(_ base: String, _ model: WizardModel) -> String {
        guard let role = model.role else { return base }
        return uniqueName(base, in: role, model.inline.unparsed, role: model.roleIndex)
    }

    /// `base`, or `base-2`, `base-3`…: free among the role's policies and its unparsed new ones.
    static func uniqueName(_ base: String, in role: Role, _ unparsed: [InlinePoliciesState.Unparsed], role index: Int) -> String {
        let taken = Set(role.inlinePolicies.map { $0.name.lowercased() } + unparsedNew(unparsed, role: index).map { unparsed[$0].name.lowercased() })
        if !taken.contains(base.lowercased()) { return base }
        var number = 2
        while taken.contains("\(base)-\(number)".lowercased()) { number += 1 }
        return "\(base)-\(number)"
    }
}
