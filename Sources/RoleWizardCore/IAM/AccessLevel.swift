/// How much an IAM action can do, as AWS's Service Authorization Reference classes it.
/// Ordered as AWS lists them: List < Read < Write < Permissions management < Tagging.
public enum AccessLevel: String, Sendable, CaseIterable, Comparable {
    case list = "List"
    case read = "Read"
    case write = "Write"
    case permissionsManagement = "Permissions management"
    case tagging = "Tagging"

    public static func < (lhs: AccessLevel, rhs: AccessLevel) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .list: 0
        case .read: 1
        case .write: 2
        case .permissionsManagement: 3
        case .tagging: 4
        }
    }

    /// The one-letter code the catalog file uses (L, R, W, P, T).
    init?(code: UInt8) {
        switch code {
        case UInt8(ascii: "L"): self = .list
        case UInt8(ascii: "R"): self = .read
        case UInt8(ascii: "W"): self = .write
        case UInt8(ascii: "P"): self = .permissionsManagement
        case UInt8(ascii: "T"): self = .tagging
        default: return nil
        }
    }
}
