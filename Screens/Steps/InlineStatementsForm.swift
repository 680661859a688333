import RoleWizardCore

extension InlinePoliciesState {
    /// A custom policy's statements, edited field by field: Effect, Action, Resource, and
    /// conditions written one per line as `Operator key value[,value]`.
    public struct StatementsForm: Equatable, Sendable {
        public enum Field: Equatable, Sendable {
            case name
            case effect(Int), action(Int), resource(Int)
            /// A statement's condition line.
            case condition(Int, Int)

            /// The statement the field belongs to; nil for the policy's name.
            var statement: Int? {
                switch self {
                case .name: return nil
                case let .effect(n), let .action(n), let .resource(n), let .condition(n, _): return n
                }
            }

            var isEffect: Bool {
                if case .effect = self { return true }
                return false
            }
        }

        public struct Fields: Equatable, Sendable {
            public var effect: RoleWizardCore.Effect
            /// Comma-separated.
            public var action: TextField
            /// Comma-separated.
            public var resource: TextField
            /// `Operator key value[,value]` lines; the last one is always blank, ready for one more.
            public var conditions: [TextField]
            /// The statement as it was: its Sid is kept, and a field left as it was keeps its exact
            /// form (a one-item list stays a list).
            public var original: Statement?

            init(_ statement: Statement? = nil) {
                effect = statement?.effect ?? .allow
                action = TextField(statement?.action?.values.joined(separator: ", ") ?? "")
                resource = TextField(statement?.resource?.values.joined(separator: ", ") ?? "")
                conditions = StatementsForm.lines(statement?.condition).map { TextField($0) } + [TextField()]
                original = statement
            }
        }

        public var index: Int?
        public var name: TextField
        public var statements: [Fields]
        public var focus: Field
        /// The first line of the preview shown.
        public var previewTop = 0
        /// Matches for the Action item being typed, while the list is open.
        public var completion: Completion?

        /// A form for `statements`, or for one blank statement when there are none.
        public init(index: Int?, name: String, statements: [Statement]) {
            self.index = index
            self.name = TextField(name)
            self.statements = statements.isEmpty ? [Fields()] : statements.map { Fields($0) }
            focus = .action(0)
        }

        /// What the form can show: no principals and no NotAction or NotResource (those are
        /// edited in $EDITOR).
        static func fits(_ statement: Statement) -> Bool {
            statement.principal == nil && statement.notPrincipal == nil && statement.notAction == nil && statement.notResource == nil
        }

        /// A condition block as lines, one per key.
        static func lines(_ condition: ConditionBlock?) -> [String] {
            (condition?.clauses ?? []).flatMap { clause in
                clause.entries.map { "\(clause.operator) \($0.key) " + $0.values.values.map(\.text).joined(separator: ", ") }
            }
        }

        static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }

        /// Every field in Tab order: the statements', then the name (as in the block form).
        var fields: [Field] {
            statements.indices.flatMap { n in
                [Field.effect(n), .action(n), .resource(n)] + statements[n].conditions.indices.map { Field.condition(n, $0) }
            } + [.name]
        }

        mutating func move(by delta: Int) {
            let all = fields
            let position = all.firstIndex(of: focus) ?? 0
            focus = all[((position + delta) % all.count + all.count) % all.count]
            completion = nil
            tidy()
        }

        mutating func toggle() {
            guard case let .effect(n) = focus, statements.indices.contains(n) else { return }
            statements[n].effect = statements[n].effect == .allow ? .deny : .allow
        }

        /// A blank statement after the focused one (or at the end), focused on its Action.
        mutating func addStatement() {
            let at = (focus.statement ?? statements.count - 1) + 1
            statements.insert(Fields(), at: at)
            focus = .action(at)
            completion = nil
            tidy()
        }

        mutating func removeStatement() {
            guard let n = focus.statement, statements.count > 1, statements.indices.contains(n) else { return }
            statements.remove(at: n)
            focus = .effect(min(n, statements.count - 1))
            completion = nil
        }

        /// Typing into the focused text field; false when it is not an editing key there.
        mutating func type(_ key: Key) -> Bool {
            var handled = false
            switch focus {
            case .name: handled = name.handle(key)
            case .effect: return false
            case let .action(n) where statements.indices.contains(n): handled = statements[n].action.handle(key)
            case let .resource(n) where statements.indices.contains(n): handled = statements[n].resource.handle(key)
            case let .condition(n, k) where statements.indices.contains(n) && statements[n].conditions.indices.contains(k):
                handled = statements[n].conditions[k].handle(key)
            default: return false
            }
            tidy()
            return handled
        }

        /// Keeps each statement's condition lines tidy: blank lines go away once the focus leaves
        /// them, and one blank line always waits at the end for the next condition.
        mutating func tidy() {
            for n in statements.indices {
                let lines = statements[n].conditions
                var focused: Int?
                if case let .condition(s, k) = focus, s == n { focused = k }
                var kept: [TextField] = []
                for (k, line) in lines.enumerated() {
                    if Self.isBlank(line.text) && k != focused && k != lines.count - 1 {
                        if let line = focused, k < line { focused = line - 1 }
                        continue
                    }
                    kept.append(line)
                }
                if kept.last.map({ !Self.isBlank($0.text) }) ?? true { kept.append(TextField()) }
                statements[n].conditions = kept
                if let focused { focus = .condition(n, focused) }
            }
        }

        /// The statements as the form stands, and every problem: the condition lines' own, then
        /// IAM's grammar, each on the field it is about.
        func build() -> (statements: [Statement], problems: [(field: Field, message: String)]) {
            var problems: [(field: Field, message: String)] = []
            var keys: [(statement: Int, line: Int, op: String, key: String)] = []
            var built: [Statement] = []
            for (n, fields) in statements.enumerated() {
                var statement = fields.original ?? Statement()
                statement.effect = fields.effect
                statement.action = Self.list(fields.action.text, original: fields.original?.action)
                statement.resource = Self.list(fields.resource.text, original: fields.original?.resource)
                let lines = fields.conditions.enumerated().filter { !Self.isBlank($0.element.text) }
                let untouched = fields.original != nil && lines.map(\.element.text) == Self.lines(fields.original?.condition)
                var clauses: [ConditionBlock.Clause] = []
                for (k, line) in lines {
                    guard let parsed = Self.condition(line.text) else {
                        if !untouched { problems.append((.condition(n, k), "write Operator key value[,value], e.g. StringEquals aws:ResourceTag/team payments")) }
                        continue
                    }
                    keys.append((n, k, parsed.op, parsed.key))
                    let entry = ConditionBlock.Entry(key: parsed.key, values: ConditionValues(parsed.values.map(ConditionValue.string)))
                    guard let clause = clauses.firstIndex(where: { $0.operator == parsed.op }) else {
                        clauses.append(ConditionBlock.Clause(operator: parsed.op, entries: [entry]))
                        continue
                    }
                    if clauses[clause].entries.contains(where: { $0.key == parsed.key }) {
                        problems.append((.condition(n, k), "\(parsed.key) is already under \(parsed.op) in this statement; give all its values on one line"))
                    } else {
                        clauses[clause].entries.append(entry)
                    }
                }
                statement.condition = untouched ? fields.original?.condition : (clauses.isEmpty ? nil : ConditionBlock(clauses))
                built.append(statement)
            }
            let grammar = PolicyGrammar.check(PolicyDocument(statements: built), use: .identity, paths: .statements(.root))
            problems += grammar.map { (field(for: $0.path, keys: keys), $0.message) }
            return (built, problems)
        }

        /// Every problem of the form, in field order: the statements', then the name's.
        func problems(_ model: WizardModel) -> [(field: Field, message: String)] {
            let all = build().problems + (InlinePoliciesScreen.nameProblem(name.text, except: index, model).map { [(.name, $0)] } ?? [])
            let order = fields
            return all.sorted { (order.firstIndex(of: $0.field) ?? 0) < (order.firstIndex(of: $1.field) ?? 0) }
        }

        /// A comma-separated field as a list; unchanged text keeps the original's exact form.
        static func list(_ text: String, original: StringList?) -> StringList {
            if let original, original.values.joined(separator: ", ") == text { return original }
            return StringList(InlinePoliciesScreen.items(text))
        }

        /// `Operator key value[,value]`: the values are everything after the key, split at commas.
        static func condition(_ line: String) -> (op: String, key: String, values: [String])? {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3 else { return nil }
            let values = InlinePoliciesScreen.items(String(parts[2]))
            return values.isEmpty ? nil : (String(parts[0]), String(parts[1]), values)
        }

        /// The field a path below the statements names: `[n].Action[0]`, `[n].Condition.Op.key`…
        func field(for path: FieldPath) -> Field {
            var keys: [(statement: Int, line: Int, op: String, key: String)] = []
            for (n, fields) in statements.enumerated() {
                for (k, line) in fields.conditions.enumerated() {
                    if let parsed = Self.condition(line.text) { keys.append((n, k, parsed.op, parsed.key)) }
                }
            }
            return field(for: path, keys: keys)
        }

        func field(for path: FieldPath, keys: [(statement: Int, line: Int, op: String, key: String)]) -> Field {
            let components = path.components
            guard case let .index(found)? = components.first, !statements.isEmpty else { return .name }
            let n = min(max(0, found), statements.count - 1)
            switch components.dropFirst().first {
            case .key("Action")?: return .action(n)
            case .key("Resource")?: return .resource(n)
            case .key("Condition")?:
                var op: String?, key: String?
                if components.count > 2, case let .key(name) = components[2] { op = name }
                if components.count > 3, case let .key(name) = components[3] { key = name }
                let lines = keys.filter { $0.statement == n }
                let line = lines.first { $0.op == op && (key == nil || $0.key == key) } ?? lines.first
                return .condition(n, line?.line ?? 0)
            default: return .effect(n)
            }
        }
    }
}

extension InlinePoliciesScreen {
    static func help(_ field: InlinePoliciesState.StatementsForm.Field) -> String {
        switch field {
        case .name: return "The policy's name: up to 128 letters, digits and _+=,.@-, unique in the role."
        case .effect: return "Space switches Allow and Deny. An explicit Deny overrides every Allow."
        case .action: return "Comma-separated SERVICE:Action, e.g. s3:GetObject, s3:PutObject; * and ? are wildcards. "
            + "Matches from the IAM catalog show as you type: Tab takes the highlighted one."
        case .resource: return "Comma-separated ARNs, or * for actions that take no resource."
        case .condition: return "One per line: Operator key value[,value], e.g. StringEquals aws:ResourceTag/team payments. "
            + "A new line appears as you type."
        }
    }

    static func renderStatementsForm(_ form: InlinePoliciesState.StatementsForm, _ model: WizardModel, in area: Rect, canvas: inout Canvas) -> (x: Int, y: Int)? {
        let (left, right) = formColumns(area)
        let problems = form.problems(model)
        func row(_ label: String, _ value: InlineFormRow.Value, _ field: InlinePoliciesState.StatementsForm.Field) -> InlineFormRow {
            InlineFormRow(label: label, value: value, focused: form.focus == field, problems: problems.filter { $0.field == field }.map(\.message))
        }
        var rows: [InlineFormRow] = []
        for (n, fields) in form.statements.enumerated() {
            let sid = fields.original?.sid.map { " (Sid \($0))" } ?? ""
            rows.append(InlineFormRow(label: "Statement \(n + 1) of \(form.statements.count)" + sid, value: .heading, focused: false, problems: []))
            rows.append(row("Effect", .choice(fields.effect.rawValue), .effect(n)))
            rows.append(row("Action", .text(fields.action, placeholder: "s3:GetObject, …"), .action(n)))
            rows.append(row("Resource", .text(fields.resource, placeholder: "arn:… or *"), .resource(n)))
            for (k, line) in fields.conditions.enumerated() {
                let placeholder = k == fields.conditions.count - 1 ? "Operator key value,…" : ""
                rows.append(row("Condition", .text(line, placeholder: placeholder), .condition(n, k)))
            }
        }
        rows.append(row("policy name", .text(form.name, placeholder: ""), .name))
        let title = form.index == nil ? "New policy: custom statements" : "Edit policy: statements"
        // While the completion list is open, the help explains its columns, at the bottom (the
        // list covers the rows under the field).
        let completing = form.completion != nil
        let cursor = drawForm(title: title, rows: rows, labelWidth: 12, help: completing ? completionHelp : help(form.focus),
                              helpAtBottom: completing, model, in: left, canvas: &canvas)
        drawPreview(preview(form), top: form.previewTop, empty: "The preview appears when every statement is valid.",
                    model, in: right, canvas: &canvas)
        if let completion = form.completion, let cursor {
            drawCompletion(completion, under: cursor, model, in: area, canvas: &canvas)
        }
        return cursor
    }
}
