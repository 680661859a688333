import Foundation
import RoleWizardCore

/// The wizard's draft: the plan as a spec file in the XDG state folder, written atomically
/// after every change, so that a crash, a closed terminal or a kill loses nothing.
struct DraftStore {
    let url: URL

    /// `$XDG_STATE_HOME/ecs-role-wizard/draft.yaml`, or `~/.local/state/…` without it.
    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> DraftStore {
        let base: URL
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = URL(fileURLWithPath: state)
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home).appendingPathComponent(".local/state")
        }
        return DraftStore(url: base.appendingPathComponent("ecs-role-wizard/draft.yaml"))
    }

    /// The saved draft, if there is one that reads as a plan.
    func load() -> Plan? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return SpecReader.read(text: String(decoding: data, as: UTF8.self)).plan
    }

    func save(_ plan: Plan) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = SpecWriter.text(plan, header: ["ecs-role-wizard draft: resumed by the next `ecs-role-wizard`"])
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    func delete() {
        try? FileManager.default.removeItem(at: url)
    }
}
