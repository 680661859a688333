import RoleWizardCore

/// One row of a form as drawn: a heading, or a labelled field with its problems under it.
struct InlineFormRow {
    enum Value {
        case heading
        case text(TextField, placeholder: String)
        /// A value switched with Space: `[x]`, `Allow`.
        case choice(String)
    }

    var label: String
    var value: Value
    var focused: Bool
    var problems: [String]
}

extension InlinePoliciesScreen {
    public static func render(_ model: WizardModel, in area: Rect, canvas: inout Canvas) -> (x: Int, y: Int)? {
        guard model.role != nil else {
            canvas.put("Add a role in step 1.", x: area.x, y: area.y, style: .muted)
            return nil
        }
        switch model.inlineMode {
        case .list, .rename: return renderList(model, in: area, canvas: &canvas)
        case let .add(cursor):
            renderAdd(cursor, model, in: area, canvas: &canvas)
            return nil
        case let .block(form): return renderBlockForm(form, model, in: area, canvas: &canvas)
        case let .statements(form): return renderStatementsForm(form, model, in: area, canvas: &canvas)
        }
    }

    // MARK: The list

    static func renderList(_ model: WizardModel, in area: Rect, canvas: inout Canvas) -> (x: Int, y: Int)? {
        guard let role = model.role else { return nil }
        let (left, right) = area.splitColumns(max(42, min(60, area.width * 2 / 5)), gap: 2)
        canvas.put("Inline policies", x: left.x, y: left.y, style: .title)
        let all = rows(model)
        let selected = selectedRow(model)
        let problems = model.problems(of: .inlinePolicies, role: model.roleIndex)
        var cursor: (x: Int, y: Int)?
        var y = left.y + 2
        if all.isEmpty {
            y += canvas.paragraph("No inline policies yet. Press a to add one from a building block, as statements, or as a document in $EDITOR.",
                                  in: Rect(x: left.x, y: y, width: left.width, height: min(3, left.maxY - y)), style: .muted)
        }
        let listRows = min(all.count, max(1, left.height - 9))
        let list = ListCursor(selected: all.firstIndex { $0 == selected } ?? 0)
        let first = list.firstVisible(rows: listRows, count: all.count)
        let nameWidth = min(32, left.width - 18)
        for (offset, index) in (first..<min(all.count, first + listRows)).enumerated() where y + offset < left.maxY {
            let rowY = y + offset
            let isSelected = all[index] == selected
            let pointer = isSelected ? model.glyphs.pointer + " " : "  "
            switch all[index] {
            case let .policy(k):
                let policy = role.inlinePolicies[k]
                if isSelected, case let .rename(field) = model.inlineMode {
                    let (shown, column) = field.visible(width: left.width - 2)
                    canvas.put(pointer + TextLayout.pad(shown, width: left.width - 2), x: left.x, y: rowY, style: .selected)
                    cursor = (left.x + 2 + column, rowY)
                    continue
                }
                let count = problems.filter { $0.path.hasPrefix(policyPath(model.roleIndex, k)) }.count
                let mark = count > 0 ? " \(model.glyphs.error)\(count)" : ""
                canvas.clipped(pointer + TextLayout.pad(TextLayout.truncate(policy.name, width: nameWidth, ellipsis: model.glyphs.ellipsis), width: nameWidth)
                               + " " + sourceName(policy.source), x: left.x, y: rowY, width: left.width - DisplayWidth.of(mark),
                               style: isSelected ? .selected : .normal, glyphs: model.glyphs)
                if !mark.isEmpty { canvas.put(mark, x: left.maxX - DisplayWidth.of(mark), y: rowY, style: .error) }
            case let .unparsed(entry):
                canvas.clipped(pointer + TextLayout.pad(TextLayout.truncate(model.inline.unparsed[entry].name, width: nameWidth, ellipsis: model.glyphs.ellipsis), width: nameWidth)
                               + " unparsed text", x: left.x, y: rowY, width: left.width, style: isSelected ? .selected : .error, glyphs: model.glyphs)
            }
        }
        y += listRows + 1

        if case let .rename(field) = model.inlineMode, case let .policy(k)? = selected {
            if let problem = nameProblem(field.text, except: k, model) {
                canvas.paragraph(model.glyphs.error + " " + problem, in: Rect(x: left.x, y: y, width: left.width, height: min(3, left.maxY - y)), style: .error)
            }
        } else {
            drawSizeAndProblems(problems, model, in: Rect(x: left.x, y: y, width: left.width, height: left.maxY - y), canvas: &canvas)
        }
        switch selected {
        case let .policy(k)?: drawPolicy(k, model, in: right, canvas: &canvas)
        case let .unparsed(entry)?: drawUnparsed(model.inline.unparsed[entry], model, in: right, canvas: &canvas)
        case nil: break
        }
        return cursor
    }

    static func policyPath(_ role: Int, _ index: Int) -> FieldPath { .root / "roles" / role / "inlinePolicies" / index }

    static func sourceName(_ source: PolicySource) -> String {
        switch source {
        case let .template(name, _): return name
        case .statements: return "statements"
        case .document: return "document"
        }
    }

    /// The role's aggregate size against IAM's quota, then the step's problems.
    static func drawSizeAndProblems(_ problems: [Problem], _ model: WizardModel, in rect: Rect, canvas: inout Canvas) {
        guard rect.height > 0 else { return }
        guard let compiled = model.compiledRole else {
            canvas.put("Size and problems: checking…", x: rect.x, y: rect.y, style: .muted)
            return
        }
        let size = compiled.inlinePoliciesSize, limit = IAMRules.inlinePoliciesPerRoleMax
        let width = 12
        let full = min(width, (size * width + limit - 1) / limit)
        let bar = String(repeating: model.glyphs.barFull, count: full) + String(repeating: model.glyphs.barEmpty, count: width - full)
        canvas.clipped("Size \(bar) \(grouped(size)) / \(grouped(limit)) chars", x: rect.x, y: rect.y, width: rect.width,
                       style: size > limit ? .error : .normal, glyphs: model.glyphs)
        var y = rect.y + 2
        if problems.isEmpty {
            canvas.put(model.glyphs.ok + " no problems", x: rect.x, y: y, style: .accent, limit: rect.width)
            return
        }
        for problem in problems where y < rect.maxY {
            var text = problem.message
            let policies = model.role?.inlinePolicies ?? []
            if problem.path.components.count > 3, case let .index(k) = problem.path.components[3], policies.indices.contains(k) {
                text = policies[k].name + ": " + text
            }
            y += canvas.paragraph(model.glyphs.error + " " + text, in: Rect(x: rect.x, y: y, width: rect.width, height: min(4, rect.maxY - y)), style: .error)
        }
    }

    /// 10240 → "10,240".
    static func grouped(_ number: Int) -> String {
        var digits = String(number), out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return digits + out
    }

    static func drawPolicy(_ index: Int, _ model: WizardModel, in rect: Rect, canvas: inout Canvas) {
        guard let policy = model.role?.inlinePolicies[index] else { return }
        canvas.clipped(policy.name, x: rect.x, y: rect.y, width: rect.width, style: .title, glyphs: model.glyphs)
        let about: String
        switch policy.source {
        case let .template(name, _):
            about = BuildingBlocks.named(name).map { "Building block: \($0.title)" } ?? "Unknown building block \(name)"
        case .statements: about = "Statements, edited field by field"
        case .document: about = "A document written in $EDITOR"
        }
        var y = rect.y + 1
        canvas.clipped(about, x: rect.x, y: y, width: rect.width, style: .muted, glyphs: model.glyphs)
        y += 1
        if let kept = model.inline.unparsed.first(where: { $0.role == model.roleIndex && $0.index == index && $0.name == policy.name }) {
            y += canvas.paragraph(model.glyphs.error + " your last editor text did not parse (e reopens it): " + kept.error,
                                  in: Rect(x: rect.x, y: y, width: rect.width, height: min(3, rect.maxY - y)), style: .error)
        }
        y += 1
        let area = Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y)
        if let document = document(of: policy, context: model.plan.context) {
            drawText(document.prettyText, top: 0, more: "e opens it all in $EDITOR", model, in: area, canvas: &canvas)
        } else {
            canvas.paragraph("No document until the block's parameters are right: Enter opens the form.", in: area, style: .muted)
        }
    }

    static func drawUnparsed(_ kept: InlinePoliciesState.Unparsed, _ model: WizardModel, in rect: Rect, canvas: inout Canvas) {
        canvas.clipped(kept.name, x: rect.x, y: rect.y, width: rect.width, style: .title, glyphs: model.glyphs)
        var y = rect.y + 1
        y += canvas.paragraph("Not added yet: the editor's text is not a policy document. " + kept.error,
                              in: Rect(x: rect.x, y: y, width: rect.width, height: min(4, rect.maxY - y)), style: .error) + 1
        drawText(kept.text, top: 0, more: "e reopens it in $EDITOR", model, in: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y), canvas: &canvas)
    }

    // MARK: Choosing what a new policy starts from

    static func renderAdd(_ cursor: ListCursor, _ model: WizardModel, in area: Rect, canvas: inout Canvas) {
        let (left, right) = area.splitColumns(max(36, min(50, area.width / 3)), gap: 2)
        canvas.put("Start the new policy from", x: left.x, y: left.y, style: .title)
        let choices = addChoices
        let rows = left.height - 2
        let first = cursor.firstVisible(rows: rows, count: choices.count)
        for (offset, index) in (first..<min(choices.count, first + max(0, rows))).enumerated() {
            let selected = index == cursor.selected
            canvas.clipped((selected ? model.glyphs.pointer + " " : "  ") + title(choices[index]), x: left.x, y: left.y + 2 + offset,
                           width: left.width, style: selected ? .selected : .normal, glyphs: model.glyphs)
        }
        let choice = choices[min(max(0, cursor.selected), choices.count - 1)]
        canvas.clipped(title(choice), x: right.x, y: right.y, width: right.width, style: .title, glyphs: model.glyphs)
        var y = right.y + 2
        func say(_ text: String, _ style: Canvas.Style = .normal, lines: Int = 10) {
            guard y < right.maxY else { return }
            y += canvas.paragraph(text, in: Rect(x: right.x, y: y, width: right.width, height: min(lines, right.maxY - y)), style: style)
        }
        switch choice {
        case let .block(block):
            say(block.summary)
            y += 1
            say("Parameters", .title)
            for parameter in block.parameters {
                let kind = parameter.kind.rawValue + (parameter.required ? ", required" : "")
                say("\(parameter.name) (\(kind)): \(parameter.help)", .muted, lines: 3)
            }
        case .statements:
            say("Write the statements field by field: Effect, Action, Resource and conditions, checked against IAM's grammar as you type, with a live preview.")
        case .editor:
            say("Write the whole policy document in $EDITOR, as JSON or YAML. It is read and checked when the editor closes; text that does not parse is kept for another try.")
        }
    }

    static func title(_ choice: AddChoice) -> String {
        switch choice {
        case let .block(block): return block.title
        case .statements: return "Custom statements"
        case .editor: return "A document in $EDITOR"
        }
    }

    // MARK: Forms and previews

    /// A form's columns: the fields, and the preview beside them.
    static func formColumns(_ area: Rect) -> (Rect, Rect) {
        area.splitColumns(max(44, min(56, area.width * 2 / 5)), gap: 2)
    }

    /// Draws a form: its title, the rows (scrolled so the focused one and its problems show),
    /// and the focused field's help at the bottom. Returns where the text cursor goes.
    static func drawForm(title: String, rows: [InlineFormRow], labelWidth: Int, help: String, helpAtBottom: Bool = false,
                         _ model: WizardModel, in rect: Rect, canvas: inout Canvas) -> (x: Int, y: Int)? {
        guard rect.height > 0 else { return nil }
        canvas.clipped(title, x: rect.x, y: rect.y, width: rect.width, style: .title, glyphs: model.glyphs)
        let available = rect.height - 2
        let helpLines = Array(TextLayout.wrap(help, width: rect.width).prefix(min(4, max(0, available / 3))))
        let height = available - helpLines.count - (helpLines.isEmpty ? 0 : 1)

        // Each row is a line, followed by its problems' wrapped lines.
        enum Line { case row(Int), problem(String) }
        var lines: [Line] = [], focusFirst = 0, focusLast = 0
        for (index, row) in rows.enumerated() {
            if row.focused { focusFirst = lines.count }
            lines.append(.row(index))
            for problem in row.problems {
                let wrapped = TextLayout.wrap(model.glyphs.error + " " + problem, width: rect.width - 2)
                lines += wrapped.prefix(3).map(Line.problem)
            }
            if row.focused { focusLast = lines.count - 1 }
        }
        var first = max(0, focusLast - height + 1)
        if focusFirst < first { first = focusFirst }
        // The help goes right under the rows, or at the bottom when they fill the space (or
        // something is drawn over the rows under the focused one).
        let helpY = helpAtBottom ? rect.maxY : rect.y + 2 + min(max(0, height), lines.count - first) + 1
        for (offset, line) in helpLines.enumerated() {
            canvas.put(line, x: rect.x, y: min(helpY, rect.maxY - helpLines.count) + offset, style: .muted, limit: rect.width)
        }
        guard height > 0 else { return nil }

        var cursor: (x: Int, y: Int)?
        let valueX = rect.x + 2 + labelWidth, valueWidth = rect.width - 2 - labelWidth
        for (offset, line) in lines.dropFirst(first).prefix(height).enumerated() {
            let y = rect.y + 2 + offset
            guard case let .row(index) = line else {
                if case let .problem(text) = line { canvas.put(text, x: rect.x + 2, y: y, style: .error, limit: rect.width - 2) }
                continue
            }
            let row = rows[index]
            if case .heading = row.value {
                canvas.clipped(row.label, x: rect.x, y: y, width: rect.width, style: .title, glyphs: model.glyphs)
                continue
            }
            canvas.put((row.focused ? model.glyphs.pointer + " " : "  ") + row.label, x: rect.x, y: y,
                       style: row.focused ? .accent : .muted, limit: 2 + labelWidth - 1)
            switch row.value {
            case .heading: break
            case let .choice(text):
                canvas.put(text, x: valueX, y: y, style: row.focused ? .selected : .normal, limit: valueWidth)
            case let .text(field, placeholder):
                if row.focused {
                    let (shown, column) = field.visible(width: valueWidth)
                    canvas.put(TextLayout.pad(shown, width: valueWidth), x: valueX, y: y, style: .selected, limit: valueWidth)
                    cursor = (valueX + column, y)
                } else if field.text.isEmpty {
                    canvas.clipped(placeholder, x: valueX, y: y, width: valueWidth, style: .muted, glyphs: model.glyphs)
                } else {
                    canvas.clipped(field.text, x: valueX, y: y, width: valueWidth, glyphs: model.glyphs)
                }
            }
        }
        return valueWidth > 0 ? cursor : nil
    }

    /// A form's live preview: the document's text from line `top`, or why there is none yet.
    static func drawPreview(_ text: String?, top: Int, empty: String, _ model: WizardModel, in rect: Rect, canvas: inout Canvas) {
        guard rect.height > 0 else { return }
        canvas.put(top > 0 ? "Preview (from line \(top + 1))" : "Preview", x: rect.x, y: rect.y, style: .title, limit: rect.width)
        let body = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 2)
        guard let text else {
            canvas.paragraph(empty, in: body, style: .muted)
            return
        }
        drawText(text, top: top, more: "PgDn shows more", model, in: body, canvas: &canvas)
    }

    /// Document text from line `top`, long lines wrapped under their indentation; when it does
    /// not fit, the last row says how to see the rest.
    static func drawText(_ text: String, top: Int, more: String, _ model: WizardModel, in rect: Rect, canvas: inout Canvas) {
        guard rect.height > 0, rect.width > 0 else { return }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if rect.width < 60 {
            // Narrow (80 columns): one space per level instead of two leaves more room for the ARNs.
            lines = lines.map { line in
                let indent = line.prefix { $0 == " " }.count
                return String(repeating: " ", count: indent / 2) + line.dropFirst(indent)
            }
        }
        let shown = lines.dropFirst(min(max(0, top), max(0, lines.count - 1))).flatMap { wrap($0, width: rect.width) }
        let fits = shown.count <= rect.height
        for (offset, line) in shown.prefix(fits ? rect.height : rect.height - 1).enumerated() {
            canvas.put(line, x: rect.x, y: rect.y + offset, limit: rect.width)
        }
        if !fits {
            canvas.clipped("\(model.glyphs.ellipsis) \(more)", x: rect.x, y: rect.maxY - 1, width: rect.width, style: .muted, glyphs: model.glyphs)
        }
    }

    /// Breaks a line longer than `width`, after a `:`, `/`, `-` or `,` when there is one (so
    /// ARNs and actions break between their parts); the pieces after the first are indented two
    /// more than the line, so a value cut in two still reads as one.
    static func wrap(_ line: String, width: Int) -> [String] {
        if DisplayWidth.of(line) <= width { return [line] }
        let indent = min(line.prefix { $0 == " " }.count + 2, width / 2)
        var pieces: [String] = []
        var rest = line
        while !rest.isEmpty {
            let room = pieces.isEmpty ? width : width - indent
            var piece = TextLayout.prefix(rest, width: room)
            if piece.isEmpty { break }
            if piece.count < rest.count, let cut = piece.dropFirst(indent + 4).lastIndex(where: { ":/-,".contains($0) }) {
                piece = String(piece[...cut])
            }
            pieces.append((pieces.isEmpty ? "" : String(repeating: " ", count: indent)) + piece)
            rest = String(rest.dropFirst(piece.count))
        }
        return pieces
    }
}
