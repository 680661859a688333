import Testing
@testable import RoleWizardCore

/// What the tool itself writes lints clean: every preset and every building block has no ERROR
/// and no SECURITY_WARNING, and every WARNING a preset has is one its notes name (carried from
/// its source).
@Suite struct PresetLintTests {
    static let linter = PlanLinter()

    @Test(arguments: Presets.all.map(\.name))
    func presetsLintClean(_ name: String) throws {
        let preset = try #require(Presets.named(name))
        for (account, region) in [("111122223333", "us-east-1"), (nil, nil)] as [(String?, String?)] {
            let compiled = PlanCompiler().compile(preset.plan(account: account, region: region))
            #expect(compiled.isValid)
            let findings = Self.linter.lint(compiled).map(\.finding)
            let serious = findings.filter { $0.severity >= .securityWarning }
            #expect(serious.isEmpty, "\(name): \(serious.map { "\($0.code) \($0.message)" })")
            for warning in findings where warning.severity == .warning {
                #expect(preset.notes.contains { $0.contains(warning.code) }, "\(name): \(warning.code) is not named in the preset's notes")
            }
        }
    }

    /// Each block with every parameter at its example value (both values of each flag).
    @Test(arguments: BuildingBlocks.all.map(\.name))
    func blocksLintClean(_ name: String) throws {
        let block = try #require(BuildingBlocks.named(name))
        let flags = block.parameters.filter { $0.kind == .bool }.map(\.name)
        var linted = 0
        for setting in [false, true] {
            var parameters = BlockParameters()
            for parameter in block.parameters {
                switch parameter.kind {
                case .string: parameters[parameter.name] = .string(parameter.example)
                case .list: parameters[parameter.name] = .list([parameter.example])
                case .bool: parameters[parameter.name] = .bool(setting)
                }
            }
            let context = PlanContext(partition: .aws, account: "111122223333", region: "us-east-1")
            guard block.problems(parameters, context: context, at: .root).isEmpty else { continue }
            let document = block.document(parameters, context: context)
            // Operator actions are a task role's only when asked for; lint as an operator's policy then.
            let role: RoleKind? = flags.contains("operatorActions") && setting ? nil : .task
            let findings = PolicyLinter().lint(document, use: .identity, roleKind: role, sizeLimit: .managed)
            linted += 1
            #expect(findings.filter { $0.severity >= .warning }.isEmpty, "\(name) (flags \(setting)): \(findings.map { "\($0.code) \($0.message)" })")
        }
        #expect(linted > 0, "no example parameters of \(name) were valid")
    }
}
