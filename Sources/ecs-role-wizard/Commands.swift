import ArgumentParser
import Foundation
import RoleWizardCore

extension OutputFormat: ExpressibleByArgument {}
extension SpecWriter.Format: ExpressibleByArgument {}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a preset as a spec file to edit.",
        discussion: "Without --output the spec goes to standard output. See `ecs-role-wizard presets` for the names.")

    @Option(help: "The preset to start from.")
    var preset: String

    @Option(name: .shortAndLong, help: "Where to write the spec (.yaml, .yml or .json).")
    var output: String?

    @Option(help: "The 12-digit AWS account ID (otherwise found at apply time).")
    var account: String?

    @Option(help: "The AWS region, e.g. us-east-1 (otherwise found at apply time).")
    var region: String?

    @Flag(help: "Replace an existing output file.")
    var force = false

    func validate() throws {
        guard Presets.named(preset) != nil else {
            throw ValidationError("no preset named '\(preset)'; presets: " + Presets.all.map(\.name).joined(separator: ", "))
        }
        if let account, !IAMRules.isAccountID(account) { throw ValidationError("--account must be 12 digits, not '\(account)'") }
        if let region, !IAMRules.isRegion(region) { throw ValidationError("--region must be a region name such as us-east-1, not '\(region)'") }
    }

    func run() throws {
        let format: SpecWriter.Format = output?.lowercased().hasSuffix(".json") == true ? .json : .yaml
        let text = Presets.named(preset)!.specText(account: account, region: region, format: format)
        guard let output else {
            print(text, terminator: "")
            return
        }
        try reportingFailures {
            try BundleWriter.writeFile(text, to: URL(fileURLWithPath: output), force: force)
            FileHandle.standardError.write(Data("wrote \(output)\n".utf8))
        }
    }
}

struct PresetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "presets", abstract: "List the presets.")

    @Flag(name: .shortAndLong, help: "Also print where each preset comes from and what to know about it.")
    var verbose = false

    func run() {
        let width = Presets.all.map(\.name.count).max() ?? 0
        for preset in Presets.all {
            print(preset.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + preset.summary)
            if verbose {
                print("    source: \(preset.source)")
                for note in preset.notes { print("    - \(note)") }
                print("")
            }
        }
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a spec file against IAM's rules.",
        discussion: "Prints every problem as FILE:LINE:COLUMN: field: message and exits 1; prints a summary and exits 0 when the spec is good.")

    @Argument(help: "The spec file (YAML or JSON), or - for standard input.")
    var spec: String

    func run() throws {
        try reportingFailures {
            let compiled = try SpecFile.load(spec)
            for role in compiled.roles {
                let managed = role.managedPolicyARNs.count, inline = role.inlinePolicies.count
                print("\(role.name) (\(role.role.kind.rawValue)): \(managed) managed, \(inline) inline; "
                      + "trust \(role.trustPolicySize)/\(IAMRules.trustPolicyMax), inline \(role.inlinePoliciesSize)/\(IAMRules.inlinePoliciesPerRoleMax) characters")
            }
            for policy in compiled.customerManagedPolicies {
                print("\(policy.policy.name) (customer managed): \(policy.size)/\(IAMRules.managedPolicyMax) characters")
            }
            print("\(spec == "-" ? "<stdin>" : spec): valid")
        }
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a spec's policy documents and aws-cli scripts.",
        discussion: """
        --format json writes one file per document and manifest.json. --format aws-cli adds \
        apply.sh and teardown.sh. --format spec writes the spec back, normalized. Nothing is \
        written when the spec has a problem.
        """)

    @Argument(help: "The spec file (YAML or JSON), or - for standard input.")
    var spec: String

    @Option(help: "json, aws-cli or spec. Repeat to combine.")
    var format: [OutputFormat] = [.awsCLI]

    @Option(help: "The output folder.")
    var out: String

    @Flag(help: "Replace an existing, non-empty output folder.")
    var force = false

    func run() throws {
        try reportingFailures {
            let compiled = try SpecFile.load(spec)
            var bundle = OutputBundle()
            for format in format { bundle.merge(format.render(compiled)) }
            try BundleWriter.write(bundle, to: URL(fileURLWithPath: out), force: force)
            for file in bundle.files { print("\(out)/\(file.path)") }
            if bundle["apply.sh"] != nil {
                FileHandle.standardError.write(Data("next: review the files, then run: bash \(out)/apply.sh\n".utf8))
            }
        }
    }
}

struct Policies: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policies",
        abstract: "Search the AWS managed policy catalog.",
        discussion: "Matches names by substring, then fuzzily; ECS-relevant policies (marked ECS) come first.")

    @Argument(help: "Text to search for; nothing lists the ECS-relevant policies first.")
    var text: String?

    @Option(help: "Print this policy's ARN, summary and document.")
    var show: String?

    @Option(help: "At most this many results.")
    var limit = 40

    func run() throws {
        let catalog = ManagedPolicyCatalog.bundled
        if let show {
            try reportingFailures {
                let name = show.split(separator: "/").last.map(String.init) ?? show
                guard let policy = catalog.named(name) else {
                    throw ValidationFailure(["no AWS managed policy named '\(show)'"
                        + Suggest.didYouMean(name, among: catalog.policies.map(\.name))])
                }
                print("\(policy.name)\n\(policy.arn())\nversion \(policy.defaultVersionId)")
                if let summary = policy.ecsSummary { print("ECS: \(summary)") }
                print("")
                print(catalog.document(of: policy)?.prettyText ?? policy.documentText)
            }
            return
        }
        let results = catalog.search(text ?? "", limit: limit)
        let width = results.map(\.name.count).max() ?? 0
        for policy in results {
            let mark = policy.isECSRelevant ? "ECS " : "    "
            print(mark + policy.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + policy.arn())
        }
        if results.isEmpty { FileHandle.standardError.write(Data("no managed policy matches '\(text ?? "")'\n".utf8)) }
        print("(\(results.count) shown; catalog: \(catalog.policies.count) policies from \(catalog.source))")
    }
}
