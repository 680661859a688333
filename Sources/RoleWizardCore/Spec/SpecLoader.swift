/// One line of a bad spec: `FILE:LINE:COLUMN: field: what is wrong`.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var location: SourceLocation?
    public var field: FieldPath
    public var message: String

    public var description: String {
        let place = location.map { "\(file):\($0.line):\($0.column)" } ?? file
        return "\(place): \(field): \(message)"
    }
}

/// Reads and checks a spec in one step: what `validate`, `generate` and the wizard's
/// "open a spec" use.
public enum SpecLoader {
    public struct Loaded: Sendable {
        /// The compiled plan; nil when the spec could not be read into a plan at all.
        public var compiled: CompiledPlan?
        /// Every problem, with its place in the file; empty when the spec is good.
        public var diagnostics: [Diagnostic]
        /// Where each field was written, for placing what later checks (lint) find.
        public var reading: SpecReader.Result
    }

    public static func load(text: String, file: String, compiler: PlanCompiler = PlanCompiler()) -> Loaded {
        let read = SpecReader.read(text: text)
        var problems = read.problems
        var compiled: CompiledPlan?
        if let plan = read.plan {
            let result = compiler.compile(plan)
            compiled = result
            // A field that was missing or could not be read also fails later checks; report it once.
            problems += result.problems.filter { problem in !read.unreadable.contains { problem.path.hasPrefix($0) } }
        }
        var seen = Set<Problem>()
        let diagnostics = problems.filter { seen.insert($0).inserted }.map { problem in
            Diagnostic(file: file, location: read.location(of: problem.path), field: problem.path, message: problem.message)
        }.sorted { lhs, rhs in
            let l = lhs.location ?? SourceLocation(line: 0, column: 0), r = rhs.location ?? SourceLocation(line: 0, column: 0)
            return (l.line, l.column) < (r.line, r.column)
        }
        return Loaded(compiled: diagnostics.isEmpty ? compiled : compiled.map { var plan = $0; plan.problems = problems; return plan },
                      diagnostics: diagnostics, reading: read)
    }
}
