import Foundation
import Testing
import RoleWizardCore
@testable import Screens

/// Driving the wizard in tests: keys in, model and effects out, frames as text.
enum Harness {
    /// A model at `size` with both catalogs loaded, as after start-up.
    static func model(plan: Plan = Plan(), step: Step = .start, size: (Int, Int) = (80, 24), draft: Plan? = nil) -> WizardModel {
        WizardModel(plan: plan, step: step, size: (size.0, size.1), glyphs: .unicode, draft: draft,
                    catalog: .bundled, iamCatalog: .bundled, workingDirectory: "/work")
    }

    /// The model after starting from a preset (account 123456789012, us-east-1).
    static func preset(_ name: String, step: Step = .roles, role: Int = 0) -> WizardModel {
        var model = model(plan: Presets.named(name)!.plan(account: "123456789012", region: "us-east-1"), step: step)
        model.roleIndex = role
        return model
    }

    /// Presses keys in order; returns every effect they produced.
    @discardableResult
    static func press(_ keys: [Key], _ model: inout WizardModel) -> [Screens.Effect] {
        keys.flatMap { Wizard.update(&model, .key($0)) }
    }

    /// The keys that type `text`.
    static func type(_ text: String) -> [Key] { text.map { Key.char($0) } }

    static func frame(_ model: WizardModel) -> String { Wizard.render(model).canvas.text }
}

/// Golden screen files in Tests/ScreensTests/Goldens: each is a frame as text, compared byte
/// for byte. `RECORD_GOLDENS=1 swift test` writes them anew; a failed comparison prints a diff.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    static func check(_ model: WizardModel, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let frame = Harness.frame(model) + "\n"
        let url = folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? frame.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(Comment(rawValue: "no golden file \(name).txt; record it with RECORD_GOLDENS=1 swift test"), sourceLocation: sourceLocation)
            return
        }
        if expected != frame {
            let changes = diff(expected, frame)
            Issue.record(Comment(rawValue: "\(name).txt differs (- golden, + now):\n\(changes)"), sourceLocation: sourceLocation)
        }
    }

    /// Line-by-line differences, with line numbers.
    static func diff(_ old: String, _ new: String) -> String {
        let a = old.components(separatedBy: "\n"), b = new.components(separatedBy: "\n")
        var out: [String] = []
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? a[index] : nil, right = index < b.count ? b[index] : nil
            if left == right { continue }
            let number = String(index + 1)
            let gutter = String(repeating: " ", count: max(0, 3 - number.count)) + number
            if let left { out.append(gutter + " - " + left) }
            if let right { out.append(gutter + " + " + right) }
        }
        return out.joined(separator: "\n")
    }
}
