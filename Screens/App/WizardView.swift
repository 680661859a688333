import RoleWizardCore

/// A rendered frame: the cells and where the terminal cursor goes (nil: hidden).
public struct Frame: Sendable {
    public var canvas: Canvas
    public var cursor: (x: Int, y: Int)?
}

extension Wizard {
    /// Draws the whole wizard at the model's size.
    public static func render(_ model: WizardModel) -> Frame {
        var canvas = Canvas(width: model.size.width, height: model.size.height)
        guard model.size.width >= minimumSize.width, model.size.height >= minimumSize.height else {
            canvas.paragraph("ecs-role-wizard needs a terminal of at least \(minimumSize.width)×\(minimumSize.height); "
                             + "this one is \(model.size.width)×\(model.size.height). Enlarge the window, or press q to quit.",
                             in: Rect(x: 0, y: 0, width: model.size.width, height: model.size.height), style: .error)
            return Frame(canvas: model.glyphs == .ascii ? canvas.asciiOnly() : canvas, cursor: nil)
        }
        let width = model.size.width, height = model.size.height
        drawHeader(model, &canvas)
        let body = bodyArea(model)
        var cursor = renderStep(model, in: body, canvas: &canvas)
        if model.teachingVisible {
            let pane = Rect(x: 0, y: body.maxY, width: width, height: height - 2 - body.maxY)
            canvas.box(pane, title: "About this step (F1 hides)", glyphs: model.glyphs)
            canvas.paragraph(teaching(for: model.step), in: pane.inset(1).insetLeft(1))
        }
        drawStatus(model, y: height - 2, &canvas)
        drawFooter(model, y: height - 1, &canvas)
        if let overlay = model.overlay {
            drawOverlay(overlay, model, &canvas)
            cursor = nil
        }
        return Frame(canvas: model.glyphs == .ascii ? canvas.asciiOnly() : canvas, cursor: cursor)
    }

    /// Where the step draws: under the header, above the teaching pane (when shown) and the status row.
    /// Steps that scroll use it to know how many rows they have.
    public static func bodyArea(_ model: WizardModel) -> Rect {
        let teachingHeight = model.teachingVisible ? max(9, model.size.height / 2) : 0
        return Rect(x: 0, y: 2, width: model.size.width, height: model.size.height - 4 - teachingHeight)
    }

    static func renderStep(_ model: WizardModel, in area: Rect, canvas: inout Canvas) -> (x: Int, y: Int)? {
        switch model.step {
        case .start: return StartScreen.render(model, in: area, canvas: &canvas)
        case .roles: return RolesScreen.render(model, in: area, canvas: &canvas)
        case .trust: return TrustScreen.render(model, in: area, canvas: &canvas)
        case .managedPolicies: return ManagedPoliciesScreen.render(model, in: area, canvas: &canvas)
        case .inlinePolicies: return InlinePoliciesScreen.render(model, in: area, canvas: &canvas)
        case .details: return DetailsScreen.render(model, in: area, canvas: &canvas)
        case .review: return ReviewScreen.render(model, in: area, canvas: &canvas)
        case .export: return ExportScreen.render(model, in: area, canvas: &canvas)
        }
    }

    public static func teaching(for step: Step) -> String {
        switch step {
        case .start: return StartScreen.teaching
        case .roles: return RolesScreen.teaching
        case .trust: return TrustScreen.teaching
        case .managedPolicies: return ManagedPoliciesScreen.teaching
        case .inlinePolicies: return InlinePoliciesScreen.teaching
        case .details: return DetailsScreen.teaching
        case .review: return ReviewScreen.teaching
        case .export: return ExportScreen.teaching
        }
    }

    /// The step's hints, then the global ones.
    public static func hints(_ model: WizardModel) -> [KeyHint] {
        let own: [KeyHint]
        switch model.step {
        case .start: own = StartScreen.bindings(model).map(\.hint)
        case .roles: own = RolesScreen.bindings(model).map(\.hint)
        case .trust: own = TrustScreen.bindings(model).map(\.hint)
        case .managedPolicies: own = ManagedPoliciesScreen.bindings(model).map(\.hint)
        case .inlinePolicies: own = InlinePoliciesScreen.bindings(model).map(\.hint)
        case .details: own = DetailsScreen.bindings(model).map(\.hint)
        case .review: own = ReviewScreen.bindings(model).map(\.hint)
        case .export: own = ExportScreen.bindings(model).map(\.hint)
        }
        return own + globalBindings(model).map(\.hint)
    }

    static func drawHeader(_ model: WizardModel, _ canvas: inout Canvas) {
        var x = canvas.put("ecs-role-wizard ", x: 0, y: 0, style: .title)
        for step in Step.allCases where step != .start {
            let count = step == .review || step == .export ? 0 : model.problems(of: step).count
            // "3!" has problems; "4⚠1" has one finding ("4(1)" in ASCII).
            let findings = model.findings(of: step)
            var label = "\(step.rawValue)" + (count == 0 ? "" : "!")
            if !findings.isEmpty { label += model.glyphs.findings(findings.count) }
            let worst = findings.map(\.finding.severity).max()
            let style: Canvas.Style = step == model.step ? .selected
                : count > 0 ? .error : worst.map(Canvas.Style.of) ?? .muted
            x = canvas.put(" \(label) ", x: x, y: 0, style: style)
        }
        var title = " " + model.step.numberedTitle
        if model.step.editsOneRole, let role = model.role { title += " · \(role.name) (\(role.kind.rawValue))" }
        canvas.clipped(title, x: x, y: 0, width: canvas.width - x, style: .title, glyphs: model.glyphs)
        canvas.put(String(repeating: model.glyphs.horizontal, count: canvas.width), x: 0, y: 1, style: .muted)
    }

    static func drawStatus(_ model: WizardModel, y: Int, _ canvas: inout Canvas) {
        switch model.status {
        case let .info(text)?: canvas.clipped(text, x: 0, y: y, width: canvas.width, style: .accent, glyphs: model.glyphs)
        case let .error(text)?: canvas.clipped(text, x: 0, y: y, width: canvas.width, style: .error, glyphs: model.glyphs)
        case nil:
            if model.catalog == nil { canvas.put("loading the managed policy catalog…", x: 0, y: y, style: .muted) }
        }
    }

    static func drawFooter(_ model: WizardModel, y: Int, _ canvas: inout Canvas) {
        var x = 0
        for hint in hints(model) where hint.inFooter {
            let width = DisplayWidth.of(hint.label) + 1 + DisplayWidth.of(hint.help)
            if x + width > canvas.width { break }
            x = canvas.put(hint.label, x: x, y: y, style: .accent)
            x = canvas.put(" " + hint.help + "  ", x: x, y: y, style: .muted)
        }
    }

    static func drawOverlay(_ overlay: WizardModel.Overlay, _ model: WizardModel, _ canvas: inout Canvas) {
        switch overlay {
        case .help:
            let all = hints(model)
            let rect = centered(width: 60, height: min(canvas.height - 2, all.count + 4), in: canvas)
            canvas.fill(rect)
            canvas.box(rect, title: "Keys: \(model.step.numberedTitle)", glyphs: model.glyphs, style: .accent)
            for (row, hint) in all.enumerated() where row < rect.height - 3 {
                canvas.put(TextLayout.pad(hint.label, width: 12), x: rect.x + 2, y: rect.y + 1 + row, style: .accent)
                canvas.clipped(hint.help, x: rect.x + 15, y: rect.y + 1 + row, width: rect.width - 17, glyphs: model.glyphs)
            }
            canvas.put("Esc closes", x: rect.x + 2, y: rect.maxY - 2, style: .muted)
        case .confirmQuit:
            dialog("Quit? Your work is kept as a draft that the next start offers to resume. (y/n)", model, &canvas)
        case let .confirm(question, _):
            dialog(question + " (y/n)", model, &canvas)
        }
    }

    static func dialog(_ text: String, _ model: WizardModel, _ canvas: inout Canvas) {
        let lines = TextLayout.wrap(text, width: 50)
        let rect = centered(width: 56, height: lines.count + 2, in: canvas)
        canvas.fill(rect)
        canvas.box(rect, glyphs: model.glyphs, style: .accent)
        for (row, line) in lines.enumerated() { canvas.put(line, x: rect.x + 3, y: rect.y + 1 + row) }
    }

    static func centered(width: Int, height: Int, in canvas: Canvas) -> Rect {
        let w = min(width, canvas.width), h = min(height, canvas.height)
        return Rect(x: (canvas.width - w) / 2, y: (canvas.height - h) / 2, width: w, height: h)
    }
}

extension Rect {
    func insetLeft(_ columns: Int) -> Rect { Rect(x: x + columns, y: y, width: width - columns, height: height) }
}

extension Canvas.Style {
    /// A finding severity's theme role: errors and security warnings as errors, warnings in the
    /// accent (yellow), suggestions muted. Screens write the severity's word too, so it reads
    /// the same without colors.
    static func of(_ severity: Severity) -> Canvas.Style {
        switch severity {
        case .error, .securityWarning: return .error
        case .warning: return .accent
        case .suggestion: return .muted
        }
    }
}
