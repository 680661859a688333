import Foundation
import Testing

/// The README's screen captures are golden files, byte for byte, so they cannot go stale.
@Suite struct ReadmeCaptureTests {
    @Test func everyCaptureInTheREADMEIsAGoldenScreen() throws {
        let root = Golden.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let captures = readme.components(separatedBy: "```\n").filter { $0.hasPrefix("ecs-role-wizard  ") }
        #expect(captures.count >= 3)
        let goldens = try FileManager.default.contentsOfDirectory(at: Golden.folder, includingPropertiesForKeys: nil)
            .compactMap { try? String(contentsOf: $0, encoding: .utf8) }
        for capture in captures {
            #expect(goldens.contains(capture), "a README capture is no golden screen:\n\(capture)")
        }
    }
}
