/// How much a finding matters, in IAM Access Analyzer's terms (policy validation findings).
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    /// The policy is invalid, or a part of it can never take effect.
    case error = "ERROR"
    /// The policy grants more than it seems to, or more than is safe.
    case securityWarning = "SECURITY_WARNING"
    /// Valid, but not what the author most likely meant.
    case warning = "WARNING"
    /// Valid and safe, but could be simpler or tighter.
    case suggestion = "SUGGESTION"

    /// Most severe first: the position in `allCases` (sorting a large report asks this often).
    var rank: Int {
        switch self {
        case .error: return 0
        case .securityWarning: return 1
        case .warning: return 2
        case .suggestion: return 3
        }
    }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank > rhs.rank }
}

/// One thing the linter found in one document.
public struct Finding: Sendable, Equatable {
    public var check: LintCheck
    public var message: String
    /// Where in the document: `Statement[1].Action[0]`.
    public var path: FieldPath
    /// The statement's index in `Statement` (0 when `Statement` is one object), when it is about one.
    public var statement: Int?
    public var sid: String?
    /// Line and column in the file the document came from; nil for documents built in memory.
    public var location: SourceLocation?

    public var code: String { check.rawValue }
    public var severity: Severity { check.severity }

    public init(_ check: LintCheck, _ message: String, path: FieldPath, statement: Int? = nil, sid: String? = nil,
                location: SourceLocation? = nil) {
        self.check = check
        self.message = message
        self.path = path
        self.statement = statement
        self.sid = sid
        self.location = location
    }
}

extension [Finding] {
    /// Most severe first, then in document order.
    public func sortedForDisplay() -> [Finding] {
        enumerated().sorted { lhs, rhs in
            if lhs.element.severity != rhs.element.severity { return lhs.element.severity > rhs.element.severity }
            let l = lhs.element.location, r = rhs.element.location
            if let l, let r, (l.line, l.column) != (r.line, r.column) { return (l.line, l.column) < (r.line, r.column) }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The most severe finding's severity, nil when there are none.
    public var worst: Severity? { map(\.severity).max() }
}
