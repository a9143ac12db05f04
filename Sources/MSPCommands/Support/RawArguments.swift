#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension MSP {
    /// Runs the command line the process was started with, after checking its raw bytes.
    ///
    /// Swift's `CommandLine.arguments` replaces bytes that are not UTF-8 with U+FFFD without a word, which would then
    /// be stored as part of a name; the raw `argv` is read first and such an argument refused (64, a malformed
    /// command line), as a file that is not UTF-8 is refused.
    package static func runCommandLine() -> Int32 {
        let raw = (1..<Int(CommandLine.argc)).map { index -> [UInt8] in
            guard let pointer = CommandLine.unsafeArgv[index] else { return [] }
            return Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map { UInt8(bitPattern: $0) }
        }
        if let problem = invalidUTF8(raw) {
            keepStandardDescriptorsTaken()
            complain(problem)
            return ExitStatus.usage.rawValue
        }
        return run(arguments: Array(CommandLine.arguments.dropFirst()))
    }

    /// "argument 3 (after --delegation) is not valid UTF-8: 'Ug\xFFanda'", for the first argument whose bytes are
    /// not UTF-8 (counted from 1 after the program's name), or nil.
    static func invalidUTF8(_ arguments: [[UInt8]]) -> String? {
        for (index, bytes) in arguments.enumerated() {
            guard let shown = shownIfInvalid(bytes) else { continue }
            let option = index > 0 ? String(validating: arguments[index - 1], as: UTF8.self) : nil
            let after = option.flatMap { $0.hasPrefix("-") ? " (after \($0))" : nil } ?? ""
            return
                "argument \(index + 1)\(after) is not valid UTF-8: '\(shown)'; msp takes text in UTF-8 (check the terminal's or the script's encoding)"
        }
        return nil
    }

    /// The bytes as text with each byte that is not part of a UTF-8 character shown as `\xFF`, or nil when they are
    /// all UTF-8.
    static func shownIfInvalid(_ bytes: [UInt8]) -> String? {
        var shown = ""
        var invalid = false
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                shown.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                invalid = true
                for byte in bytes[offset..<offset + length] {
                    shown += "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
                }
                offset += length
            case .emptyInput:
                return invalid ? shown : nil
            }
        }
    }
}
