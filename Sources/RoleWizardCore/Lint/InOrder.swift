import Synchronization

/// Hands values put in any order by several threads to `deliver` in index order: each as soon
/// as it and every one before it are in, on the thread whose value completed the run. One
/// thread delivers at a time; a thread that finds another delivering leaves its value to it
/// and goes on with its own work, so no thread waits for another. (`lint` writes each file's
/// findings this way while the next files are linted.)
public final class InOrder<Value: Sendable>: Sendable {
    // Inlinable, with what it uses: a generic class called from the command's module would
    // otherwise be used unspecialized, looking up its types' metadata at every call.
    @usableFromInline
    struct State {
        @usableFromInline var pending: [Value?]
        @usableFromInline var next = 0
        @usableFromInline var delivering = false

        @usableFromInline
        init(pending: [Value?]) { self.pending = pending }

        /// The values from `next` on that are in, taken out.
        @inlinable
        mutating func takeReady() -> [(index: Int, value: Value)] {
            var ready: [(index: Int, value: Value)] = []
            while next < pending.count, let value = pending[next] {
                pending[next] = nil
                ready.append((next, value))
                next += 1
            }
            return ready
        }
    }

    @usableFromInline let state: Mutex<State>
    @usableFromInline let deliver: @Sendable (Int, Value) -> Void

    /// `count` values, indexed from 0; `deliver` is called once for each, in order.
    @inlinable
    public init(count: Int, deliver: @escaping @Sendable (Int, Value) -> Void) {
        state = Mutex(State(pending: Array(repeating: nil, count: count)))
        self.deliver = deliver
    }

    @inlinable
    public func put(_ value: Value, at index: Int) {
        var ready = state.withLock { state -> [(index: Int, value: Value)] in
            state.pending[index] = value
            guard !state.delivering else { return [] }
            let ready = state.takeReady()
            state.delivering = !ready.isEmpty
            return ready
        }
        while !ready.isEmpty {
            for (index, value) in ready { deliver(index, value) }
            // Values put while these were delivered were left to this thread.
            ready = state.withLock { state -> [(index: Int, value: Value)] in
                let ready = state.takeReady()
                state.delivering = !ready.isEmpty
                return ready
            }
        }
    }
}
