import RoleWizardCore

public struct ExportState: Equatable, Sendable {
    public enum Focus: Equatable, Sendable { case formats, folder }
    public var focus: Focus = .formats
    public var cursor = ListCursor()
    /// Chosen formats, in `OutputFormat.allCases` order.
    public var formats: Set<OutputFormat> = [.awsCLI, .json]
    public var folder = TextField("iam-roles")
    /// The files the last export wrote.
    public var written: [String] = []
    public init() {}
}

/// Step 7: choose formats and a folder, confirm before replacing it, write through the core.
public enum ExportScreen: StepScreen {
    public enum Action: Sendable {
        case move(ListMove), toggle, write, nextField
    }

    public static let step = Step.export

    public static let teaching = """
    Nothing has touched an account yet. JSON writes each document and manifest.json for review. aws-cli adds apply.sh, \
    which creates what is missing and updates what differs, so running it twice changes nothing, and teardown.sh, which \
    removes it all in the order IAM requires. The spec file is the plan itself: `ecs-role-wizard generate` turns it into \
    the same files without a terminal, and this wizard can open it again. Review the files, then run bash FOLDER/apply.sh \
    with the credentials of the target account.
    """

    static let formatTitles: [(OutputFormat, String, String)] = [
        (.json, "JSON documents", "manifest.json and one file per policy document"),
        (.awsCLI, "aws-cli scripts", "apply.sh and teardown.sh, with the documents they read"),
        (.spec, "Spec file", "spec.yaml, for ecs-role-wizard generate or this wizard"),
    ]

    public static func bindings(_ model: WizardModel) -> [Binding<Action>] {
        var bindings: [Binding<Action>] = []
        if model.export.focus == .formats {
            bindings += Binding.list("format", Action.move)
            bindings.append(Binding([.char(" ")], "Space", "choose", .toggle))
        }
        bindings.append(Binding([.enter], "Enter", "write", .write))
        bindings.append(Binding([.tab, .backTab], "Tab", model.export.focus == .formats ? "folder" : "formats", .nextField))
        return bindings
    }

    public static func perform(_ action: Action, _ model: inout WizardModel) -> [Effect] {
        switch action {
        case let .move(move): model.export.cursor.apply(move, count: formatTitles.count, page: 3)
        case .toggle:
            let format = formatTitles[model.export.cursor.selected].0
            if model.export.formats.contains(format) { model.export.formats.remove(format) } else { model.export.formats.insert(format) }
        case .nextField: model.export.focus = model.export.focus == .formats ? .folder : .formats
        case .write: return write(force: false, &model)
        }
        return []
    }

    public static func typed(_ key: Key, _ model: inout WizardModel) -> [Effect]? {
        guard model.export.focus == .folder, model.export.folder.handle(key) else { return nil }
        return []
    }

    public static func capturesText(_ model: WizardModel) -> Bool { model.export.focus == .folder }

    public static func escape(_ model: inout WizardModel) -> Bool {
        guard model.export.focus == .folder else { return false }
        model.export.focus = .formats
        return true
    }

    public static func focus(_ path: FieldPath, _ model: inout WizardModel) {}

    /// The formats chosen, in a stable order.
    static func chosen(_ model: WizardModel) -> [OutputFormat] {
        formatTitles.map(\.0).filter { model.export.formats.contains($0) }
    }

    static func write(force: Bool, _ model: inout WizardModel) -> [Effect] {
        guard model.compiled != nil else {
            model.status = .error("the managed policy catalog is still loading; try again in a moment")
            return []
        }
        let problems = model.problems
        if !problems.isEmpty {
            model.status = .error("\(problems.count) problem\(problems.count == 1 ? "" : "s") to fix first: see the list, or step 6 Review")
            return []
        }
        let formats = chosen(model)
        if formats.isEmpty {
            model.status = .error("choose at least one format (Space)")
            return []
        }
        let folder = model.export.folder.text.trimmingCharacters(in: .whitespaces)
        if folder.isEmpty {
            model.export.focus = .folder
            model.status = .error("type the output folder")
            return []
        }
        model.status = .info("writing \(folder)…")
        return [.export(ExportRequest(plan: model.plan, formats: formats, folder: folder, force: force))]
    }

    /// The app loop wrote the files (or could not).
    static func finished(_ result: Result<[String], EffectFailure>, _ model: inout WizardModel) -> [Effect] {
        switch result {
        case let .success(files):
            model.export.written = files
            model.unsaved = false
            let folder = model.export.folder.text
            let next = files.contains { $0.hasSuffix("apply.sh") } ? "; next: bash \(folder)/apply.sh" : ""
            model.status = .info("wrote \(files.count) files to \(folder)\(next)")
        case let .failure(failure) where failure.folderExists:
            model.overlay = .confirm(question: "\(model.export.folder.text) exists and is not empty. Replace it with the new files?",
                                     purpose: .overwriteExport)
        case let .failure(failure):
            model.status = .error(failure.message)
        }
        return []
    }

    static func overwriteConfirmed(_ model: inout WizardModel) -> [Effect] { write(force: true, &model) }

    public static func render(_ model: WizardModel, in area: Rect, canvas: inout Canvas) -> (x: Int, y: Int)? {
        let state = model.export
        var y = area.y
        canvas.put("Write", x: area.x, y: y, style: .title)
        y += 2
        for (index, entry) in formatTitles.enumerated() {
            let selected = index == state.cursor.selected && state.focus == .formats
            let box = state.formats.contains(entry.0) ? model.glyphs.checked : model.glyphs.unchecked
            canvas.put((selected ? model.glyphs.pointer : " ") + " " + box + " " + TextLayout.pad(entry.1, width: 18),
                       x: area.x, y: y, style: selected ? .selected : .normal)
            canvas.clipped(entry.2, x: area.x + 26, y: y, width: area.width - 26, style: .muted, glyphs: model.glyphs)
            y += 1
        }
        y += 1
        canvas.put("into folder ", x: area.x, y: y, style: state.focus == .folder ? .accent : .muted)
        let width = min(50, area.width - 13)
        let (shown, column) = state.folder.visible(width: width)
        canvas.put(TextLayout.pad(shown, width: width), x: area.x + 12, y: y, style: state.focus == .folder ? .selected : .normal)
        let cursor: (x: Int, y: Int)? = state.focus == .folder ? (area.x + 12 + column, y) : nil
        y += 1
        canvas.put("(relative to \(model.workingDirectory); replaced only after you confirm)", x: area.x + 12, y: y, style: .muted)
        y += 2

        let rest = Rect(x: area.x, y: y, width: area.width, height: area.maxY - y)
        if model.compiled == nil {
            canvas.put("checking the plan…", x: rest.x, y: rest.y, style: .muted)
        } else if !model.problems.isEmpty {
            canvas.put("Export is blocked by \(model.problems.count) problem\(model.problems.count == 1 ? "" : "s"):", x: rest.x, y: rest.y, style: .error)
            for (row, problem) in model.problems.prefix(rest.height - 1).enumerated() {
                canvas.clipped(model.glyphs.error + " \(problem.path): \(problem.message)", x: rest.x, y: rest.y + 1 + row,
                               width: rest.width, style: .error, glyphs: model.glyphs)
            }
        } else if !state.written.isEmpty {
            canvas.put("Written:", x: rest.x, y: rest.y, style: .title)
            let columns = max(1, rest.width / 40)
            for (index, file) in state.written.prefix((rest.height - 3) * columns).enumerated() {
                canvas.clipped(file, x: rest.x + (index % columns) * 40, y: rest.y + 1 + index / columns, width: 39, glyphs: model.glyphs)
            }
            if state.written.contains(where: { $0.hasSuffix("apply.sh") }) {
                canvas.put("Next: bash \(state.folder.text)/apply.sh", x: rest.x, y: rest.maxY - 1, style: .accent)
            }
        } else {
            let roles = model.plan.roles.count
            canvas.put(model.glyphs.ok + " \(roles) role\(roles == 1 ? "" : "s") ready to write", x: rest.x, y: rest.y, style: .accent)
        }
        return cursor
    }
}
