import Foundation

/// A bounded first-in-first-out queue between one producing thread and one consuming thread: the import's one
/// concurrency primitive.
///
/// The producer `put`s items, waiting while `capacity` are already waiting, and ends with `finish` (with an error if
/// it could not go on); the consumer `take`s them in order until nil. Either side can stop the other: the consumer
/// `cancel`s (the producer's next `put` returns false), and waits with `waitUntilFinished` until the producer has
/// let go of everything it was using. Every field is guarded by the one condition variable, which is why the class
/// can be shared between the two threads (`@unchecked Sendable`); the items themselves must be `Sendable`.
final class Handoff<Item: Sendable>: @unchecked Sendable {
    let capacity: Int
    private let condition = NSCondition()
    private var items: [Item] = []
    private var head = 0
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Adds an item, waiting while the queue is full; false once the consumer has cancelled.
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The producer is done, with the error that stopped it if any. Called exactly once, last.
    func finish(_ error: (any Error)? = nil) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next item in order; nil once the producer has finished and every item was taken; the producer's
    /// error if it stopped on one.
    func take() throws -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !finished { condition.wait() }
        if head < items.count {
            let item = items[head]
            head += 1
            // Drop taken items now and then, so that the array stays small.
            if head >= 256 {
                items.removeFirst(head)
                head = 0
            }
            condition.broadcast()
            return item
        }
        if let failure { throw failure }
        return nil
    }

    /// The consumer stops: the producer's next `put` returns false.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the producer has called `finish`.
    func waitUntilFinished() {
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
