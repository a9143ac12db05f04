import Dispatch
import MSPApplication

/// Runs the registration desk's calls, which wait on SQLite, on a thread of their own rather than on the
/// threads that serve requests. One desk, over the server's one `Store`; each call says who asks.
struct DeskRunner: Sendable {
    let desk: RegistrationDesk
    private let queue = DispatchQueue(label: "msp.serve.desk", attributes: .concurrent)

    init(desk: RegistrationDesk) {
        self.desk = desk
    }

    /// `work` at the desk, on behalf of `user` (kept with every change it records).
    func run<T: Sendable>(as user: String? = nil, _ work: @escaping @Sendable (RegistrationDesk) throws -> T)
        async throws -> T
    {
        var desk = desk
        if let user { desk.user = user }
        let asked = desk
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try work(asked) })
            }
        }
    }
}
