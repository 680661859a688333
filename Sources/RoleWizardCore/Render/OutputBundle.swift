/// The files one export writes, relative to the output folder.
public struct OutputBundle: Equatable, Sendable {
    public struct File: Equatable, Sendable {
        public var path: String
        public var contents: String
        public var executable: Bool

        public init(path: String, contents: String, executable: Bool = false) {
            self.path = path
            self.contents = contents
            self.executable = executable
        }
    }

    public var files: [File]

    public init(files: [File] = []) { self.files = files }

    public subscript(path: String) -> String? { files.first { $0.path == path }?.contents }

    public mutating func add(_ path: String, _ contents: String, executable: Bool = false) {
        files.removeAll { $0.path == path }
        files.append(File(path: path, contents: contents, executable: executable))
    }

    public mutating func merge(_ other: OutputBundle) {
        for file in other.files { add(file.path, file.contents, executable: file.executable) }
    }
}

/// The output formats of `generate` and the wizard's Export step.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Policy documents and manifest.json.
    case json
    /// apply.sh and teardown.sh, with the documents and manifest they read.
    case awsCLI = "aws-cli"
    /// The spec file itself, for `ecs-role-wizard generate`.
    case spec

    public func render(_ compiled: CompiledPlan) -> OutputBundle {
        switch self {
        case .json: return JSONRenderer.render(compiled)
        case .awsCLI: return AWSCLIRenderer.render(compiled)
        case .spec: return OutputBundle(files: [.init(path: "spec.yaml", contents: SpecWriter.text(compiled.plan))])
        }
    }
}
