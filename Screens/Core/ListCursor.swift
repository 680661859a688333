/// The selection in a list and the first row shown, kept in bounds as the list and the
/// window change.
public struct ListCursor: Equatable, Sendable {
    public var selected: Int = 0
    public var top: Int = 0

    public init(selected: Int = 0) { self.selected = selected }

    /// Moves by `delta` rows in a list of `count` items, without wrapping.
    public mutating func move(_ delta: Int, count: Int) {
        selected = count == 0 ? 0 : min(max(0, selected + delta), count - 1)
    }

    /// Clamps to a list of `count` items.
    public mutating func clamp(count: Int) {
        selected = count == 0 ? 0 : min(max(0, selected), count - 1)
    }

    /// The first row to show so that the selection is visible in `rows` rows.
    public func firstVisible(rows: Int, count: Int) -> Int {
        guard rows > 0, count > rows else { return 0 }
        var first = min(top, count - rows)
        if selected < first { first = selected }
        if selected >= first + rows { first = selected - rows + 1 }
        return max(0, first)
    }
}

/// A movement in a list, as a binding's action carries it.
public enum ListMove: Equatable, Sendable {
    case by(Int), page(Int), first, last
}

extension ListCursor {
    public mutating func apply(_ move: ListMove, count: Int, page: Int) {
        switch move {
        case let .by(delta): self.move(delta, count: count)
        case let .page(direction): self.move(direction * max(1, page), count: count)
        case .first: selected = 0
        case .last: selected = max(0, count - 1)
        }
    }
}

extension Binding {
    /// ↑ ↓ PgUp PgDn Home End, shown once in the footer as "↑↓ help".
    public static func list(_ help: String, _ make: (ListMove) -> Action) -> [Binding<Action>] {
        [
            Binding([.up], "↑↓", help, make(.by(-1))),
            Binding([.down], "↓", help, make(.by(1)), inFooter: false),
            Binding([.pageUp], "PgUp", "page up", make(.page(-1)), inFooter: false),
            Binding([.pageDown], "PgDn", "page down", make(.page(1)), inFooter: false),
            Binding([.home], "Home", "first", make(.first), inFooter: false),
            Binding([.end], "End", "last", make(.last), inFooter: false),
        ]
    }
}
