import Dispatch
import Synchronization
import Testing
@testable import RoleWizardCore

/// Values put by several threads in any order come out once each, in index order.
@Suite struct InOrderTests {
    @Test func deliversEveryValueOnceInOrder() {
        for threads in [1, 2, 4] {
            let count = 2_000
            let delivered = Mutex<[Int]>([])
            let inOrder = InOrder<Int>(count: count) { index, value in
                delivered.withLock { $0.append(index) }
                #expect(value == index * 10)
            }
            // Each thread puts a shuffled share of the indices, so later ones often come first.
            let shares = (0..<threads).map { thread in Array(stride(from: thread, to: count, by: threads)).shuffled() }
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                for index in shares[thread] { inOrder.put(index * 10, at: index) }
            }
            #expect(delivered.withLock { $0 } == Array(0..<count), "\(threads) threads")
        }
    }

    @Test func nothingIsDeliveredBeforeTheFirstValueIsIn() {
        let delivered = Mutex<[Int]>([])
        let inOrder = InOrder<String>(count: 3) { index, _ in delivered.withLock { $0.append(index) } }
        inOrder.put("c", at: 2)
        inOrder.put("b", at: 1)
        #expect(delivered.withLock { $0 }.isEmpty)
        inOrder.put("a", at: 0)
        #expect(delivered.withLock { $0 } == [0, 1, 2])
    }
}
