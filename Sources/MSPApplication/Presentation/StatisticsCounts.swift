import Foundation
import MSPDomain

/// A figure of the meeting's statistics broken down, as every front end lists it: a label and a count.
package struct LabelledCount: Sendable, Equatable {
    package var label: String
    package var count: Int
}

extension MeetingStatistics {
    /// Participants by gender, in the order every table shows them, `unspecified` last.
    package var genderCounts: [LabelledCount] {
        Gender.allCases.map { LabelledCount(label: $0.rawValue, count: participantsByGender[$0] ?? 0) }
            + [LabelledCount(label: "unspecified", count: participantsByGender[nil] ?? 0)]
    }

    /// Notes by channel, `unspecified` last.
    package var channelCounts: [LabelledCount] {
        Channel.allCases.map { LabelledCount(label: $0.rawValue, count: notesByChannel[$0] ?? 0) }
            + [LabelledCount(label: "unspecified", count: notesByChannel[nil] ?? 0)]
    }

    /// The decisions a late note awaits or has, in order: pending, accepted, declined.
    package static let lateNoteStatuses: [DecisionStatus] = [.pending, .decided(.accepted), .decided(.declined)]

    /// Late notes by the decision on them, in `lateNoteStatuses`' order.
    package var lateNoteDecisionCounts: [LabelledCount] {
        Self.lateNoteStatuses.map { LabelledCount(label: $0.description, count: lateNotesByStatus[$0] ?? 0) }
    }

    /// A count's share of a total, as a whole percentage ("43%"), or empty when the total is nothing.
    package static func share(_ count: Int, of total: Int) -> String {
        total == 0 ? "" : String(format: "%.0f%%", Double(count) * 100 / Double(total))
    }
}
