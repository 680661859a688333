/// A ready-made plan that reproduces a known source exactly: a workshop lab, a guide, a tool's
/// documentation. `ecs-role-wizard init --preset NAME` writes it as a spec.
public struct Preset: Sendable {
    public let name: String
    /// One line for lists.
    public let summary: String
    /// Where it comes from.
    public let source: String
    /// What a reviewer should know: what the source gets right and what it carries over.
    public let notes: [String]
    let build: @Sendable () -> Plan

    /// The plan, with the account and region the person gave (or none, to be found at apply time).
    public func plan(account: String? = nil, region: String? = nil, partition: Partition? = nil) -> Plan {
        var plan = build()
        plan.account = account
        plan.region = region
        plan.partition = partition
        return plan
    }

    /// The spec file text: a comment header saying what this is, then the plan.
    public func specText(account: String? = nil, region: String? = nil, format: SpecWriter.Format = .yaml) -> String {
        let header = ["ecs-role-wizard spec: preset \(name)", summary, "Source: \(source)", ""]
            + notes.flatMap { wrap($0, width: 96) }
            + ["", "Generate: ecs-role-wizard generate THIS-FILE --format aws-cli --out DIR"]
        return SpecWriter.text(plan(account: account, region: region), format: format, header: header)
    }

    private func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

public enum Presets {
    public static let all: [Preset] = [.ecsWorkshop, .s3BucketTaskRole, .ufoRoles, .terraformModule, .ec2ContainerInstance]

    public static func named(_ name: String) -> Preset? { all.first { $0.name == name } }
}
