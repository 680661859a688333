import Testing
import RoleWizardCore
@testable import Screens

/// Thousands of seeded random keys and resizes against the whole app model: nothing may
/// crash, and after every event the model must be consistent.
@Suite struct MonkeyTests {
    /// SplitMix64: small, seeded, the same sequence on every machine.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static let namedKeys: [Key] = [
        .enter, .escape, .backspace, .delete, .tab, .backTab, .up, .down, .left, .right, .home, .end,
        .pageUp, .pageDown, .function(1), .function(2), .ctrl("n"), .ctrl("p"), .ctrl("a"), .ctrl("e"),
        .ctrl("u"), .ctrl("k"), .ctrl("w"), .ctrl("j"), .ctrl("o"), .ctrl("s"), .ctrl("d"),
    ]
    static let characters = Array("aAdrxqyn?i 09-_/*:.,@=+{}[]\"'$`\\é語")

    static func randomEvent(_ random: inout Random) -> Event {
        switch random.below(100) {
        case 0..<4:
            // Mostly usable sizes, sometimes tiny or huge.
            let tiny = random.below(4) == 0
            return .resize(width: tiny ? random.below(80) + 1 : 80 + random.below(120),
                           height: tiny ? random.below(24) + 1 : 24 + random.below(40))
        case 4..<45:
            return .key(namedKeys[random.below(namedKeys.count)])
        default:
            return .key(.char(characters[random.below(characters.count)]))
        }
    }

    /// What the app loop would send back for an effect, without touching files.
    static func reply(to effect: Screens.Effect, _ random: inout Random) -> Event? {
        switch effect {
        case .saveDraft, .quit: return nil
        case .export: return .exportFinished(random.below(2) == 0 ? .success(["apply.sh"]) : .failure(EffectFailure("x exists", folderExists: true)))
        case let .openEditor(text, target):
            let texts: [String?] = [text, nil, "{ not json", "{\"Version\":\"2012-10-17\",\"Statement\":[]}"]
            return .editorFinished(text: texts[random.below(texts.count)], target: target)
        case .loadSpec: return .specLoaded(path: "x.yaml", .failure(EffectFailure("no such file")))
        }
    }

    static func checkInvariants(_ model: WizardModel, after event: Event, step number: Int, checkFindings: Bool = true) {
        let context = "event \(number): \(event)"
        #expect(model.plan.roles.isEmpty ? model.roleIndex == 0 : model.plan.roles.indices.contains(model.roleIndex), "\(context)")
        let frame = Wizard.render(model)
        #expect(frame.canvas.width == model.size.width && frame.canvas.height == model.size.height, "\(context)")
        if let cursor = frame.cursor {
            #expect(cursor.x >= 0 && cursor.x < model.size.width && cursor.y >= 0 && cursor.y < model.size.height,
                    "\(context): cursor \(cursor) outside \(model.size)")
        }
        // The plan is valid, or every one of its problems is what the model lists.
        let fresh = PlanCompiler(catalog: .bundled).compile(model.plan)
        #expect(model.compiled?.problems == fresh.problems, "\(context): the model's problems are stale")
        // The findings are the linter's for this plan, less the ERRORs that repeat a problem.
        if checkFindings {
            let linted = WizardModel.findings(linter.lint(fresh), problems: fresh.problems)
            #expect(model.findings == linted, "\(context): the model's findings are stale")
        }
    }

    static let linter = PlanLinter(linter: PolicyLinter(catalog: .bundled), managedPolicies: .bundled)

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func twoThousandRandomEvents(seed: UInt64) {
        var random = Random(state: seed)
        let presets = Presets.all
        var model = seed == 1 ? Harness.model() : Harness.preset(presets[Int(seed) % presets.count].name)
        for number in 0..<2000 {
            var queue = [Self.randomEvent(&random)]
            while let event = queue.first {
                queue.removeFirst()
                let effects = Wizard.update(&model, event)
                queue += effects.compactMap { Self.reply(to: $0, &random) }
                Self.checkInvariants(model, after: event, step: number)
            }
        }
    }
}
