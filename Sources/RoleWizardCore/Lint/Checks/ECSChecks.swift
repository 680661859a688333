/// What only makes sense for an ECS role: ECS Exec's operator action in a task role, and trust
/// that does not match the role's kind. (An execution role's missing permissions depend on all
/// of its policies together: `PlanLinter` checks that.)
enum ECSChecks {
    static func check(_ view: PolicyView, actions: [[ResolvedAction]], run: LintRun) {
        guard let kind = run.roleKind else { return }
        switch run.use {
        case .identity:
            guard kind == .task else { return }
            for (statement, entries) in zip(view.statements, actions) where statement.effect == .allow {
                for entry in entries where entry.actions.contains(where: { $0.service == "ecs" && $0.name == "ExecuteCommand" }) {
                    run.report(.executeCommandInTaskRole, "\(JSONWriter.quoted(entry.item.text)) gives the task role ecs:ExecuteCommand, which is checked on the person or pipeline that runs `aws ecs execute-command`, not on the task; the task role needs only the four ssmmessages actions",
                               path: entry.item.path, location: entry.item.location, statement: statement)
                }
            }
        case .trust:
            let service = kind.trustedService
            let trusted = view.statements.contains { statement in
                statement.effect == .allow && trusts(statement.principal, service)
            }
            if !trusted {
                run.report(.wrongTrustForRoleKind, "a \(kind.title.lowercased()) must trust \(service), which this trust policy does not allow to assume it; \(kind == .instance ? "EC2 passes the role to the instance through its instance profile" : "ECS (the agent or Fargate) assumes it as that service")",
                           path: .root / "Statement", location: view.statementLocation)
            }
        }
    }

    static func trusts(_ principal: LocatedJSON?, _ service: String) -> Bool {
        guard let values = principal?["Service"] else { return false }
        switch values.value {
        case let .string(text): return text == service
        case let .array(items): return items.contains { $0.string == service }
        default: return false
        }
    }
}

/// What a document's size is measured against.
public enum SizeLimit: Sendable {
    /// A role's trust policy: 2,048 characters by default (a quota AWS can raise to 4,096).
    case trust
    /// A customer managed policy: 6,144.
    case managed
    /// One role's inline policies together: 10,240.
    case inline

    public var characters: Int {
        switch self {
        case .trust: return 2_048
        case .managed: return 6_144
        case .inline: return 10_240
        }
    }

    var check: LintCheck {
        switch self {
        case .trust: return .trustPolicyTooLarge
        case .managed: return .managedPolicyTooLarge
        case .inline: return .inlinePoliciesTooLarge
        }
    }
}

enum SizeChecks {
    /// `size` is the document's `policySize`.
    static func check(size: Int, limit: SizeLimit, at location: SourceLocation?, run: LintRun) {
        guard size > limit.characters else { return }
        run.report(limit.check, "\(DocumentSize.grouped(size)) characters (whitespace not counted) is over IAM's limit of \(DocumentSize.grouped(limit.characters))"
                   + (limit == .trust ? " (a quota AWS can raise to 4,096)" : ""), path: .root, location: location)
    }
}

enum DocumentSize {
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}

extension LocatedJSON {
    /// The value as plain JSON (positions dropped).
    public var json: JSONValue {
        switch value {
        case let .string(text): return .string(text)
        case let .number(text): return .number(text)
        case let .bool(flag): return .bool(flag)
        case .null: return .null
        case let .array(items): return .array(items.map(\.json))
        case let .object(members): return .object(members.map { ($0.key, $0.value.json) })
        }
    }

    /// IAM's measure: characters of the document without whitespace, as `JSONWriter.compact`
    /// writes it (counted without writing it).
    public var policySize: Int {
        switch value {
        case let .string(text): return 2 + Self.escapedSize(text)
        case let .number(text): return text.unicodeScalars.count
        case let .bool(flag): return flag ? 4 : 5
        case .null: return 4
        // By position: a closure given each value would be given a copy of it.
        case let .array(items):
            var size = 2 + max(0, items.count - 1)
            for index in items.indices { size += items[index].policySize }
            return size
        case let .object(members):
            var size = 2 + max(0, members.count - 1)
            for index in members.indices { size += 3 + Self.escapedSize(members[index].key) + members[index].value.policySize }
            return size
        }
    }

    /// Characters of a string's JSON form between its quotes, whitespace not counted.
    static func escapedSize(_ text: String) -> Int {
        if let size = text.utf8.withContiguousStorageIfAvailable(escapedSize) { return size }
        return Array(text.utf8).withUnsafeBufferPointer(escapedSize)
    }

    /// Counted over bytes rather than scalars (the managed policies hold megabytes of strings):
    /// an ASCII byte is a scalar, and a longer scalar counts 1 at its first byte, but U+2028
    /// and U+2029 (E2 80 A8 and E2 80 A9), which JSONWriter escapes, count 6.
    static func escapedSize(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var hasE2 = false
        escapedSizes.withUnsafeBufferPointer { sizes in
            let raw = UnsafeRawBufferPointer(bytes)
            var offset = 0
            // Eight bytes at a time while they are all plain (printable ASCII that is written
            // as it is, space aside): each counts one.
            while offset + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                if WordBytes.isPlainJSONText(word, from: 0x21) {
                    count += 8
                } else {
                    for byte in bytes[offset..<(offset + 8)] {
                        count += Int(sizes[Int(byte)])
                        hasE2 = hasE2 || byte == 0xE2
                    }
                }
                offset += 8
            }
            for byte in bytes[offset...] {
                count += Int(sizes[Int(byte)])
                hasE2 = hasE2 || byte == 0xE2
            }
        }
        if hasE2 {
            for index in bytes.indices.dropLast(2) where bytes[index] == 0xE2 && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) {
                count += 5
            }
        }
        return count
    }

    /// What a byte adds to `escapedSize`: a space nothing, an escaped character its escape
    /// (`\"` 2, `\u0060` 6), a continuation byte nothing (its scalar counted at its first byte).
    /// (U+2028 and U+2029, which take three bytes, are `escapedSize`'s to correct.)
    @inline(__always)
    static func escapedSize(ofByte byte: UInt8) -> Int {
        switch byte {
        case 0x20: return 0
        case 0x22, 0x5C, 0x0A, 0x0D, 0x09: return 2
        case 0x60, 0..<0x20, 0x7F: return 6
        case 0x80..<0xC0: return 0
        default: return 1
        }
    }

    /// `escapedSize(ofByte:)` of every byte, for the loop that counts a string's bytes.
    private static let escapedSizes: [UInt8] = (0...255).map { UInt8(escapedSize(ofByte: UInt8($0))) }
}
