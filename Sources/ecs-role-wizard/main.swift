import ArgumentParser
import Foundation
import RoleWizardCore

// Every command's configuration gives its name: without one, ArgumentParser derives it from the
// type's name with `String(describing:)`, whose dynamic casts scan every protocol conformance in
// this (statically linked) binary, for each command, at every start (~2 ms).
struct ECSRoleWizard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecs-role-wizard",
        abstract: "Build the IAM roles an Amazon ECS workload needs, and write them as files to review and apply.",
        discussion: """
        Start from a preset (`ecs-role-wizard presets`), write it as a spec with `init`, edit it, \
        check it with `validate`, and turn it into policy documents and aws-cli scripts with `generate`.
        """,
        version: ECSRoleWizard.version,
        subcommands: [WizardCommand.self, Init.self, PresetsCommand.self, Validate.self, Generate.self, Policies.self, Lint.self, ActionsCommand.self],
        defaultSubcommand: WizardCommand.self
    )

    static let version = "0.3.0"
}

let subcommand = CommandLine.arguments.dropFirst().first
// Before the catalog's thread starts, so that its heap is made with these settings (see `Memory`).
if subcommand == "lint" { Memory.tuneForBatch() }
// `lint` and `actions` start by loading the IAM catalog (a few milliseconds, before any file can
// be checked): begun on another thread now, it overlaps parsing the arguments and listing folders.
// Whoever asks for the catalog before that load is done waits for it rather than loading it again.
if subcommand == "lint" || subcommand == "actions" {
    Thread.detachNewThread {
        if subcommand == "lint" { Memory.reserveHugePages() }
        _ = IAMCatalog.bundled
    }
}
ECSRoleWizard.main()
