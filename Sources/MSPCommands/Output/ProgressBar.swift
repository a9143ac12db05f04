import Foundation

/// A progress bar on standard error when it is a terminal (rows, rows/s, ETA); nothing otherwise.
final class ProgressBar {
    private let total: Int?
    private let enabled: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(total: Int?) {
        self.total = total
        self.enabled = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    func update(rows: Int, bytes: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(rows) / elapsed
        var line = "\r\u{1B}[2K"
        if let total, total > 0 {
            let fraction = min(1, Double(bytes) / Double(total))
            let width = 30
            let filled = Int(fraction * Double(width))
            line += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            line += String(format: "%3.0f%% ", fraction * 100)
            let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
            line += "\(rows) rows, \(Int(rate)) rows/s, ETA \(Int(eta.rounded())) s"
        } else {
            line += "\(rows) rows, \(Int(rate)) rows/s"
        }
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
