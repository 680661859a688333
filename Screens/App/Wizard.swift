import RoleWizardCore

/// The wizard's update and render: the only entry points the app loop and the tests use.
public enum Wizard {
    public static let minimumSize = (width: 80, height: 24)

    /// Applies one event; returns the effects for the app loop to run.
    public static func update(_ model: inout WizardModel, _ event: Event) -> [Effect] {
        model.planChanged = false
        var effects: [Effect]
        switch event {
        case let .resize(width, height):
            model.size = (max(0, width), max(0, height))
            effects = []
        case let .catalogLoaded(catalog):
            model.catalog = catalog
            effects = []
        case let .iamCatalogLoaded(catalog):
            model.iamCatalog = catalog
            effects = []
        case let .key(key):
            effects = handle(key, &model)
        case let .editorFinished(text, target):
            switch target {
            case let .trustDocument(role): effects = TrustScreen.editorFinished(text: text, role: role, &model)
            case .inlinePolicy: effects = InlinePoliciesScreen.editorFinished(text: text, target: target, &model)
            }
        case let .effectFailed(failure):
            model.status = .error(failure.message)
            effects = []
        case let .exportFinished(result):
            effects = ExportScreen.finished(result, &model)
        case let .specLoaded(path, result):
            effects = StartScreen.specLoaded(path: path, result, &model)
        }
        if model.planChanged {
            model.planChanged = false
            model.unsaved = true
            effects.insert(.saveDraft(model.plan), at: 0)
        }
        return effects
    }

    static func handle(_ key: Key, _ model: inout WizardModel) -> [Effect] {
        if key == .ctrl("c") { return [.quit(keepDraft: true)] }
        if let overlay = model.overlay { return handleOverlay(overlay, key, &model) }
        if model.size.width < minimumSize.width || model.size.height < minimumSize.height {
            // Too small to show anything: only quitting works.
            if key == .char("q") { return [.quit(keepDraft: true)] }
            return []
        }
        if let action = globalBindings(model).action(for: key) { return perform(action, &model) }
        return dispatch(key, &model)
    }

    /// Keys that work on every step, drawn in the footer after the step's own.
    public enum GlobalAction: Sendable {
        case next, back, help, teaching, quit
    }

    public static func globalBindings(_ model: WizardModel) -> [Binding<GlobalAction>] {
        let typing = capturesText(model)
        var bindings: [Binding<GlobalAction>] = []
        if model.step != .start {
            bindings.append(Binding([.ctrl("n")], "^N", "next step", .next))
            bindings.append(Binding([.ctrl("p")], "^P", "back", .back))
        }
        bindings.append(Binding(typing ? [.function(2)] : [.char("?"), .function(2)], typing ? "F2" : "?", "help", .help))
        bindings.append(Binding(typing ? [.function(1)] : [.function(1), .char("i")], "F1", "teach", .teaching, inFooter: false))
        if !typing { bindings.append(Binding([.char("q")], "q", "quit", .quit)) }
        return bindings
    }

    static func perform(_ action: GlobalAction, _ model: inout WizardModel) -> [Effect] {
        switch action {
        case .next:
            if let next = model.step.next { go(to: next, &model) }
        case .back:
            if let previous = model.step.previous, previous != .start { go(to: previous, &model) }
        case .help: model.overlay = .help
        case .teaching: model.teachingVisible.toggle()
        case .quit:
            if model.unsaved { model.overlay = .confirmQuit } else { return [.quit(keepDraft: false)] }
        }
        return []
    }

    public static func go(to step: Step, _ model: inout WizardModel) {
        model.step = step
        model.status = nil
    }

    static func handleOverlay(_ overlay: WizardModel.Overlay, _ key: Key, _ model: inout WizardModel) -> [Effect] {
        switch overlay {
        case .help:
            if [.escape, .char("?"), .char("q"), .enter, .function(2)].contains(key) { model.overlay = nil }
            return []
        case .confirmQuit:
            switch key {
            case .char("y"), .char("Y"): return [.quit(keepDraft: true)]
            case .char("n"), .char("N"), .escape: model.overlay = nil
            default: break
            }
            return []
        case let .confirm(_, purpose):
            switch key {
            case .char("y"), .char("Y"), .enter:
                model.overlay = nil
                return confirmed(purpose, &model)
            case .char("n"), .char("N"), .escape: model.overlay = nil
            default: break
            }
            return []
        }
    }

    static func confirmed(_ purpose: WizardModel.ConfirmPurpose, _ model: inout WizardModel) -> [Effect] {
        switch purpose {
        case let .deleteRole(index): return RolesScreen.deleteConfirmed(index, &model)
        case let .deleteInlinePolicy(role, index): return InlinePoliciesScreen.deleteConfirmed(role: role, index: index, &model)
        case .overwriteExport: return ExportScreen.overwriteConfirmed(&model)
        }
    }

    /// Sends a key to the current step's screen.
    static func dispatch(_ key: Key, _ model: inout WizardModel) -> [Effect] {
        switch model.step {
        case .start: return dispatch(StartScreen.self, key, &model)
        case .roles: return dispatch(RolesScreen.self, key, &model)
        case .trust: return dispatch(TrustScreen.self, key, &model)
        case .managedPolicies: return dispatch(ManagedPoliciesScreen.self, key, &model)
        case .inlinePolicies: return dispatch(InlinePoliciesScreen.self, key, &model)
        case .details: return dispatch(DetailsScreen.self, key, &model)
        case .review: return dispatch(ReviewScreen.self, key, &model)
        case .export: return dispatch(ExportScreen.self, key, &model)
        }
    }

    static func dispatch<S: StepScreen>(_ screen: S.Type, _ key: Key, _ model: inout WizardModel) -> [Effect] {
        if let action = S.bindings(model).action(for: key) { return S.perform(action, &model) }
        if let effects = S.typed(key, &model) { return effects }
        if key == .escape {
            // Esc clears the step's filter or sub-mode first; then it goes back a step.
            if !S.escape(&model), let previous = model.step.previous, previous != .start { go(to: previous, &model) }
        }
        return []
    }

    public static func capturesText(_ model: WizardModel) -> Bool {
        switch model.step {
        case .start: return StartScreen.capturesText(model)
        case .roles: return RolesScreen.capturesText(model)
        case .trust: return TrustScreen.capturesText(model)
        case .managedPolicies: return ManagedPoliciesScreen.capturesText(model)
        case .inlinePolicies: return InlinePoliciesScreen.capturesText(model)
        case .details: return DetailsScreen.capturesText(model)
        case .review: return ReviewScreen.capturesText(model)
        case .export: return ExportScreen.capturesText(model)
        }
    }

    /// Opens the step and field that hold the problem at `path` (the Review step's Enter).
    public static func jump(to path: FieldPath, _ model: inout WizardModel) {
        let owner = Step.owning(path)
        if let role = owner.role { model.roleIndex = role }
        go(to: owner.step, &model)
        switch owner.step {
        case .start: StartScreen.focus(path, &model)
        case .roles: RolesScreen.focus(path, &model)
        case .trust: TrustScreen.focus(path, &model)
        case .managedPolicies: ManagedPoliciesScreen.focus(path, &model)
        case .inlinePolicies: InlinePoliciesScreen.focus(path, &model)
        case .details: DetailsScreen.focus(path, &model)
        case .review: ReviewScreen.focus(path, &model)
        case .export: ExportScreen.focus(path, &model)
        }
    }
}
