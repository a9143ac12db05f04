/// Random tokens and their comparison.
package enum Secrets {
    /// 256 random bits from the system's cryptographic generator (getrandom on Linux), as 64 hexadecimal digits.
    package static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        var out = ""
        out.reserveCapacity(64)
        for _ in 0..<4 {
            let word = generator.next()
            let hex = String(word, radix: 16)
            out += String(repeating: "0", count: 16 - hex.count) + hex
        }
        return out
    }

    /// Whether two tokens are equal, in a time that depends on their lengths only, not on where they differ.
    package static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<x.count { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
