/// What a recorded note says: the transcription the secretariat can correct.
///
/// A correction records the note again as a new version; what changed from one version to the next is what
/// `msp history` shows beside who changed it and why.
package struct NoteSnapshot: Hashable, Sendable {
    package var delegation: String
    package var reference: String?
    package var receipt: Receipt
    package var channel: Channel?
    package var participants: [Participant]

    package init(
        delegation: String, reference: String?, receipt: Receipt, channel: Channel?, participants: [Participant]
    ) {
        self.delegation = delegation
        self.reference = reference
        self.receipt = receipt
        self.channel = channel
        self.participants = participants
    }

    /// The note as a submission in its own words, to be checked again with corrections applied: the receipt as
    /// the venue's time with its offset, or as the day when only the day is known.
    package func submission(in zone: VenueTimeZone) -> Submission {
        let received =
            receipt.precision == .date
            ? zone.localDate(of: receipt.instant).description : zone.format(receipt.instant)
        return Submission(
            delegation: delegation, reference: reference, receivedAt: received, channel: channel?.rawValue,
            participants: participants.map {
                Submission.ParticipantEntry(
                    role: $0.role.rawValue, title: $0.title, name: $0.name, function: $0.function,
                    gender: $0.gender?.rawValue, email: $0.email)
            })
    }

    /// What changed from `earlier` to this version, one line a field: "reference: 'N 4' → 'N 45/2017'".
    package func changes(since earlier: NoteSnapshot, in zone: VenueTimeZone) -> [String] {
        func text(_ value: String?) -> String { value.map { "'\($0)'" } ?? "none" }
        func when(_ receipt: Receipt) -> String {
            receipt.precision == .date ? zone.localDate(of: receipt.instant).description : zone.format(receipt.instant)
        }
        var lines: [String] = []
        if delegation != earlier.delegation {
            lines.append("delegation: \(text(earlier.delegation)) → \(text(delegation))")
        }
        if reference != earlier.reference { lines.append("reference: \(text(earlier.reference)) → \(text(reference))") }
        if receipt != earlier.receipt { lines.append("received: \(when(earlier.receipt)) → \(when(receipt))") }
        if channel != earlier.channel {
            lines.append("channel: \(text(earlier.channel?.rawValue)) → \(text(channel?.rawValue))")
        }
        let count = max(participants.count, earlier.participants.count)
        for index in 0..<count {
            let before = index < earlier.participants.count ? earlier.participants[index] : nil
            let after = index < participants.count ? participants[index] : nil
            guard before != after else { continue }
            func line(_ p: Participant?) -> String {
                guard let p else { return "none" }
                return "'"
                    + ([p.role.rawValue, p.displayName, p.function, p.gender?.rawValue, p.email]
                        .compactMap { $0 }.joined(separator: ", ")) + "'"
            }
            lines.append("participant \(index + 1): \(line(before)) → \(line(after))")
        }
        return lines
    }
}
