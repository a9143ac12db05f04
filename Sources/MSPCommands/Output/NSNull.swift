import Foundation


extension Optional {
    /// The value, or JSON null.
    var orNull: Any { self.map { $0 as Any } ?? NSNull() }
}
