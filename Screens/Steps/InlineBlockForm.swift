import RoleWizardCore

extension InlinePoliciesState {
    /// The form of a policy made from a building block: one field per parameter, in the
    /// block's order, then the policy's name.
    public struct BlockForm: Equatable, Sendable {
        public enum Value: Equatable, Sendable {
            /// A string, or a list written comma-separated.
            case text(TextField)
            case flag(Bool)
        }

        public var blockName: String
        /// The policy being edited; nil for a new one.
        public var index: Int?
        /// One per parameter of the block.
        public var values: [Value]
        public var name: TextField
        /// The focused field: a parameter's position, or `values.count` for the name.
        public var focus = 0
        /// Parameters the edited policy gave: written back even when empty or false, so that
        /// saving an unchanged policy leaves it as it was.
        public var given: [String]
        /// Parameters the edited policy gave that the block does not have; not kept.
        public var unknown: [String]
        /// The first line of the preview shown.
        public var previewTop = 0

        public init(block: BuildingBlock, index: Int?, name: String, parameters: BlockParameters = BlockParameters()) {
            blockName = block.name
            self.index = index
            self.name = TextField(name)
            values = block.parameters.map { parameter in
                switch (parameter.kind, parameters[parameter.name]) {
                case let (.bool, .bool(flag)?): return .flag(flag)
                case (.bool, _): return .flag(false)
                case let (_, .string(text)?): return .text(TextField(text))
                case let (_, .list(items)?): return .text(TextField(items.joined(separator: ", ")))
                default: return .text(TextField())
                }
            }
            given = parameters.entries.map(\.name)
            unknown = given.filter { name in !block.parameters.contains { $0.name == name } }
        }

        public var block: BuildingBlock? { BuildingBlocks.named(blockName) }
        var nameFocus: Int { values.count }

        /// The focused field's value when it is a bool.
        var focusedFlag: Bool? {
            guard values.indices.contains(focus), case let .flag(flag) = values[focus] else { return nil }
            return flag
        }

        mutating func move(by delta: Int) {
            let count = values.count + 1
            focus = ((focus + delta) % count + count) % count
        }

        mutating func toggle() {
            guard let flag = focusedFlag else { return }
            values[focus] = .flag(!flag)
        }

        /// Typing into the focused text field; false when it is not an editing key there.
        mutating func type(_ key: Key) -> Bool {
            if focus == nameFocus { return name.handle(key) }
            guard values.indices.contains(focus), case var .text(field) = values[focus], field.handle(key) else { return false }
            values[focus] = .text(field)
            return true
        }

        /// The parameters as the form stands. Empty strings and lists and false flags are left
        /// out (the block's defaults apply) unless the parameter is required or was given.
        func parameters(_ block: BuildingBlock) -> BlockParameters {
            var parameters = BlockParameters()
            for (parameter, value) in zip(block.parameters, values) {
                let keep = parameter.required || given.contains(parameter.name)
                switch (parameter.kind, value) {
                case let (_, .flag(flag)):
                    if flag || keep { parameters[parameter.name] = .bool(flag) }
                case let (.list, .text(field)):
                    let items = InlinePoliciesScreen.items(field.text)
                    if !items.isEmpty || keep { parameters[parameter.name] = .list(items) }
                case let (_, .text(field)):
                    if !field.text.isEmpty || keep { parameters[parameter.name] = .string(field.text) }
                }
            }
            return parameters
        }

        /// The block's problems with the parameters, each on the field it names.
        func parameterProblems(_ block: BuildingBlock, _ context: PlanContext) -> [(field: Int, message: String)] {
            block.problems(parameters(block), context: context, at: .root).map { problem in
                guard case let .key(name)? = problem.path.components.first,
                      let position = block.parameters.firstIndex(where: { $0.name == name }) else { return (0, problem.message) }
                return (position, problem.message)
            }
        }

        /// Every problem of the form, in field order: the parameters', then the name's.
        func problems(_ block: BuildingBlock, _ model: WizardModel) -> [(field: Int, message: String)] {
            let name = InlinePoliciesScreen.nameProblem(self.name.text, except: index, model).map { [(nameFocus, $0)] } ?? []
            return parameterProblems(block, model.plan.context).sorted { $0.field < $1.field } + name
        }
    }
}

extension InlinePoliciesScreen {
    /// A comma-separated list: split, trimmed, empties dropped.
    static func items(_ text: String) -> [String] {
        text.split(separator: ",").map { trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    static func trimmed(_ text: String) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// What the form shows under the fields for the focused one.
    static func help(_ form: InlinePoliciesState.BlockForm, _ block: BuildingBlock) -> String {
        var text: String
        if block.parameters.indices.contains(form.focus) {
            let parameter = block.parameters[form.focus]
            text = "\(parameter.name): \(parameter.help)."
            switch parameter.kind {
            case .bool: text += " Space toggles it."
            case .list: text += " Comma-separated" + (parameter.required ? ", at least one" : "") + ", e.g. \(parameter.example)."
            case .string: text += (parameter.required ? " Required" : " Optional") + ", e.g. \(parameter.example)."
            }
        } else {
            text = "The policy's name: up to 128 letters, digits and _+=,.@-, unique in the role."
        }
        if !form.unknown.isEmpty {
            text += "\nNot kept: " + form.unknown.joined(separator: ", ") + " (\(block.name) has no such parameter)."
        }
        return text
    }

    static func renderBlockForm(_ form: InlinePoliciesState.BlockForm, _ model: WizardModel, in area: Rect, canvas: inout Canvas) -> (x: Int, y: Int)? {
        guard let block = form.block else { return nil }
        let (left, right) = formColumns(area)
        let problems = form.problems(block, model)
        var rows: [InlineFormRow] = []
        for (position, parameter) in block.parameters.enumerated() {
            let value: InlineFormRow.Value
            switch form.values[position] {
            case let .text(field): value = .text(field, placeholder: "")
            case let .flag(flag): value = .choice(flag ? model.glyphs.checked : model.glyphs.unchecked)
            }
            rows.append(InlineFormRow(label: parameter.name, value: value, focused: form.focus == position,
                                problems: problems.filter { $0.field == position }.map(\.message)))
        }
        rows.append(InlineFormRow(label: "policy name", value: .text(form.name, placeholder: ""), focused: form.focus == form.nameFocus,
                            problems: problems.filter { $0.field == form.nameFocus }.map(\.message)))
        let title = (form.index == nil ? "New policy: " : "Edit policy: ") + block.title
        let cursor = drawForm(title: title, rows: rows, labelWidth: 16, help: help(form, block), model, in: left, canvas: &canvas)
        drawPreview(preview(form, model), top: form.previewTop, empty: "The preview appears when the parameters are valid.",
                    model, in: right, canvas: &canvas)
        return cursor
    }
}
