import Foundation
import Testing
@testable import RoleWizardCore

/// The README's example spec is the file in docs/, and it is a valid spec.
@Suite struct DocumentationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func exampleSpecIsValidAndInTheREADME() throws {
        let example = try String(contentsOf: Self.root.appendingPathComponent("docs/example-spec.yaml"), encoding: .utf8)
        let loaded = SpecLoader.load(text: example, file: "docs/example-spec.yaml")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("```yaml\n" + example + "```"))
    }

    @Test func everyBuildingBlockAndPresetIsInTheREADME() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        for block in BuildingBlocks.all { #expect(readme.contains("| `\(block.name)` |"), "\(block.name)") }
        for preset in Presets.all { #expect(readme.contains("| `\(preset.name)` |"), "\(preset.name)") }
    }

    /// The README lists every lint check with its severity and title.
    @Test func everyLintCheckIsInTheREADME() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        for check in LintCheck.allCases {
            let row = "| `\(check.rawValue)` | \(check.severity.rawValue) | \(check.title.replacingOccurrences(of: "|", with: "\\|")) |"
            #expect(readme.contains(row), "\(check.rawValue)")
        }
    }
}
