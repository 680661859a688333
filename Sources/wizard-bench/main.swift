// Per-key cost of the wizard: update + render for each key while filtering the full managed
// policy catalog (step 3), at 80x24 and 120x40. Run with a release build:
//     swift run -c release wizard-bench
import Foundation
import RoleWizardCore
import Screens

func milliseconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

var catalog: ManagedPolicyCatalog!
let load = milliseconds { catalog = ManagedPolicyCatalog.bundled }
print(String(format: "catalog load: %.2f ms (%d policies)", load, catalog.policies.count))
var iamCatalog: IAMCatalog!
let iamLoad = milliseconds { iamCatalog = IAMCatalog.bundled }
print(String(format: "IAM catalog load: %.2f ms (%d services)", iamLoad, iamCatalog.servicePrefixes.count))

let queries = ["amazonecstaskexecutionrolepolicy", "ecs", "s3readonly", "SecretsManager", "cloudwatchagent", "zzq"]
for size in [(80, 24), (120, 40)] {
    var model = WizardModel(plan: Presets.named("ecs-workshop")!.plan(account: "123456789012", region: "us-east-1"),
                            step: .managedPolicies, size: size, catalog: catalog, iamCatalog: iamCatalog)
    _ = Wizard.render(model)
    var samples: [Double] = []
    for _ in 0..<5 {
        for query in queries {
            var keys = query.map { Key.char($0) }
            keys += Array(repeating: Key.backspace, count: query.count)
            for key in keys {
                samples.append(milliseconds {
                    _ = Wizard.update(&model, .key(key))
                    _ = Wizard.render(model)
                })
            }
        }
    }
    let sorted = samples.sorted()
    print(String(format: "per key, %dx%d, %d keys: p50 %.3f ms  p99 %.3f ms  max %.3f ms  (aim: p99 < 2 ms)",
                 size.0, size.1, samples.count, percentile(sorted, 0.5), percentile(sorted, 0.99), sorted.last!))
}

// Where a key's time goes: the catalog search alone, and laying out one policy document for
// the detail pane (done when the selected policy changes), against parsing it.
var searchSamples: [Double] = []
for query in queries {
    for length in 1...query.count {
        let prefix = String(query.prefix(length))
        searchSamples.append(milliseconds { _ = catalog.search(prefix) })
    }
}
let sortedSearch = searchSamples.sorted()
print(String(format: "catalog search alone: p50 %.3f ms  p99 %.3f ms", percentile(sortedSearch, 0.5), percentile(sortedSearch, 0.99)))
let small = catalog.policies.filter { $0.documentSize <= 4000 }
var layoutSamples: [Double] = []
for policy in small.prefix(400) { layoutSamples.append(milliseconds { _ = catalog.prettyDocumentText(of: policy) }) }
let sortedLayout = layoutSamples.sorted()
print(String(format: "one document (<= 4,000 bytes) laid out for the detail pane: p50 %.3f ms  p99 %.3f ms", percentile(sortedLayout, 0.5), percentile(sortedLayout, 0.99)))
var parseSamples: [Double] = []
for policy in small.prefix(400) { parseSamples.append(milliseconds { _ = catalog.document(of: policy)?.prettyText }) }
let sortedParse = parseSamples.sorted()
print(String(format: "the same documents parsed and printed instead: p50 %.3f ms  p99 %.3f ms", percentile(sortedParse, 0.5), percentile(sortedParse, 0.99)))

// What a plan change costs the wizard: compiling the workshop preset and linting it (the
// wizard does both on every change of the plan, never on a cursor move). The first lint warms
// the linter's cache; a session's later ones find it warm.
let workshop = Presets.named("ecs-workshop")!.plan()
let compiler = PlanCompiler(catalog: catalog)
let linter = PlanLinter(linter: PolicyLinter(catalog: iamCatalog), managedPolicies: catalog)
let firstLint = milliseconds { _ = linter.lint(compiler.compile(workshop)) }
var compileSamples: [Double] = [], lintSamples: [Double] = []
for _ in 0..<200 {
    var compiled: CompiledPlan!
    compileSamples.append(milliseconds { compiled = compiler.compile(workshop) })
    lintSamples.append(milliseconds { _ = linter.lint(compiled) })
}
let sortedCompile = compileSamples.sorted(), sortedLint = lintSamples.sorted()
print(String(format: "workshop plan: compile p50 %.3f ms; lint first %.3f ms, then p50 %.3f ms  p99 %.3f ms (aim: well under 1 ms)",
             percentile(sortedCompile, 0.5), firstLint, percentile(sortedLint, 0.5), percentile(sortedLint, 0.99)))

// The statement editor's action completion: one IAM catalog search per key typed in an Action
// field (the first search builds the catalog's name index; it is timed on its own).
let indexBuild = milliseconds { _ = iamCatalog.search("s3:getob", limit: 5) }
var completionSamples: [Double] = [], serviceSamples: [Double] = []
for text in ["s3:getob", "ssmmessages:open", "ecs:exec", "decrypt", "getsecret", "kms:de"] {
    for length in 2...text.count {
        let prefix = String(text.prefix(length))
        var inService = false
        completionSamples.append(milliseconds {
            if let colon = prefix.firstIndex(of: ":"), iamCatalog.service(String(prefix[..<colon])) != nil {
                inService = true
                _ = iamCatalog.search(prefix, inService: String(prefix[..<colon]), limit: 5)
            } else {
                _ = iamCatalog.search(prefix, limit: 5)
            }
        })
        if inService { serviceSamples.append(completionSamples.removeLast()) }
    }
}
let sortedCompletion = completionSamples.sorted(), sortedService = serviceSamples.sorted()
print(String(format: "action completion: first search (builds the name index) %.3f ms", indexBuild))
print(String(format: "action completion, every service (no SERVICE: yet): p50 %.3f ms  p99 %.3f ms  max %.3f ms",
             percentile(sortedCompletion, 0.5), percentile(sortedCompletion, 0.99), sortedCompletion.last!))
print(String(format: "action completion, within a service (SERVICE: typed): p50 %.3f ms  p99 %.3f ms  max %.3f ms",
             percentile(sortedService, 0.5), percentile(sortedService, 0.99), sortedService.last!))

