import Testing
@testable import RoleWizardCore

/// What `IAMServiceParser` makes of every service of the bundled catalog, compared with a plain
/// reading of the same file: its lines split at newlines and tabs, every field a String.
@Suite struct IAMServiceParserTests {
    /// One service as the plain reading sees it: each line's fields after the kind.
    struct PlainService {
        var name = ""
        var conditionKeys: [[String]] = []
        var resourceTypes: [[String]] = []
        var actions: [[String]] = []
    }

    static func plainReading(_ text: String) -> [(prefix: String, service: PlainService)] {
        var services: [(prefix: String, service: PlainService)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch fields[0] {
            case "S": services.append((fields[1], PlainService(name: fields[2])))
            case "C": services[services.count - 1].service.conditionKeys.append(Array(fields.dropFirst()))
            case "R": services[services.count - 1].service.resourceTypes.append(Array(fields.dropFirst()))
            default: services[services.count - 1].service.actions.append(Array(fields.dropFirst()))
            }
        }
        return services
    }

    static func list(_ field: String) -> [String] {
        field.isEmpty ? [] : field.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }

    /// A list of condition keys: a key the service defines as the service spells it (the
    /// catalog has `ec2-instance-connect:MaxTunnelDuration` and `…:maxTunnelDuration`).
    static func keys(_ field: String, of service: PlainService) -> [String] {
        list(field).map { key in service.conditionKeys.first { $0[0].lowercased() == key.lowercased() }?[0] ?? key }
    }

    /// Every service, condition key, resource type and action, field by field.
    static func expectAgreement(_ catalog: IAMCatalog, _ text: String) throws {
        let plain = plainReading(text)
        #expect(catalog.servicePrefixes == plain.map(\.prefix))
        for (prefix, expected) in plain {
            let service = try #require(catalog.service(prefix))
            #expect(service.prefix == prefix)
            #expect(service.name == expected.name)
            #expect(service.conditionKeys.map { [$0.name, $0.type] } == expected.conditionKeys, "\(prefix)")
            #expect(service.resourceTypes.map { [$0.name, $0.arnFormat, $0.conditionKeys.joined(separator: ",")] }
                    == expected.resourceTypes.map { [$0[0], $0[1], keys($0[2], of: expected).joined(separator: ",")] },
                    "\(prefix)")
            #expect(service.actions.count == expected.actions.count, "\(prefix)")
            for (action, fields) in zip(service.actions, expected.actions) {
                #expect(action.service == prefix)
                #expect(action.name == fields[0])
                #expect(action.accessLevel == AccessLevel(code: fields[1].utf8.first!), "\(action.fullName)")
                #expect(action.resourceTypes.map { $0.name + ($0.required ? "*" : "") } == list(fields[2]), "\(action.fullName)")
                #expect(action.conditionKeys == keys(fields[3], of: expected), "\(action.fullName)")
                #expect(action.dependentActions == list(fields[4]), "\(action.fullName)")
                // Found again by its name, in the catalog and in its service, in another case.
                #expect(catalog.action(action.fullName.uppercased())?.fullName == action.fullName)
                #expect(service.action(named: action.name.lowercased())?.name == action.name)
            }
        }
    }

    @Test func everyServiceReadsAsItsLinesSay() throws {
        let bytes = try #require(BundledResource.bytes(named: "iam-catalog", extension: "tsv"))
        try Self.expectAgreement(IAMCatalog(bytes: bytes), String(decoding: bytes, as: UTF8.self))
    }

    @Test func aSmallCatalogReadsAsItsLinesSay() throws {
        // Keys of other services, unknown and repeated resource types, empty lists, blank lines
        // and a last line without a newline.
        let text = "# source: test\nS\tabc\tA B C\nS\tsvc\tA Service\nC\taws:ResourceTag/${TagKey}\tString\nC\tsvc:Key\tBool\n"
            + "R\tother\tarn:o\t\nR\tthing\tarn:${Partition}:svc:::thing/${Name}\taws:ResourceTag/${TagKey},svc:key,svc:Unknown\n\n"
            + "A\tAlpha\tR\tthing\t\t\nA\tBeta\tW\tthing*\tsvc:Key,aws:ResourceTag/${TagKey}\tabc:Do\n"
            + "A\tDelta\tW\tthing*,other\t\t\nA\tEpsilon\tT\tunknown*,thing\tsvc:Other\t\nA\tGamma\tR\tthing\t\tsvc:Alpha,svc:Beta\n"
            + "S\tzed\tZed\nA\tZeta\tL\t\t\t"
        try Self.expectAgreement(IAMCatalog(bytes: Array(text.utf8)), text)
    }
}
