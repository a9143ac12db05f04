/// A meeting's registration figures, as the secretariat reports them: delegations and participants per
/// category, how many of the convention's States Parties registered ("57 of 102"), participants by gender
/// (the meetings report gender balance), late notes, and notes by channel.
///
/// The participants are those of the list of participants: each delegation's current composition, withdrawn
/// delegations left out. Notes are every note received for the meeting, withdrawals included; late notes are
/// the registrations and amendments received after the deadline (as `msp list-late` lists them).
package struct MeetingStatistics: Sendable, Equatable {
    /// A note as the figures see it.
    package struct NoteFact: Sendable, Equatable {
        package var received: Instant
        package var channel: Channel?
        package var isWithdrawal: Bool
        /// The newest decision on it, if any.
        package var decision: Decision?

        package init(received: Instant, channel: Channel?, isWithdrawal: Bool = false, decision: Decision? = nil) {
            self.received = received
            self.channel = channel
            self.isWithdrawal = isWithdrawal
            self.decision = decision
        }
    }

    /// Notes received on one day at the venue: the late notes (as `lateNotes` counts them) and the others (on time,
    /// or withdrawals, which need no decision whenever they arrive).
    package struct DayCount: Sendable, Equatable {
        package var day: LocalDate
        package var others: Int
        package var late: Int
    }

    /// Whether a note is a late note: a registration or amendment received after the deadline, which awaits or has
    /// the secretariat's decision (as `msp list-late` lists them). The one definition every figure uses, and
    /// `lateNoteDefinition` says it in words.
    package static func isLate(_ note: NoteFact, deadline: Deadline) -> Bool {
        LateNote.needsDecision(
            kind: note.isWithdrawal ? .withdrawal : .registration, received: note.received, deadline: deadline)
    }

    /// What a late note is, in the words every report uses beside the count.
    package static let lateNoteDefinition = "registrations and amendments received after the deadline"

    package var delegationsByCategory: [Category: Int]
    /// Participants of each category by gender (`nil`: not said); every category present.
    package var participantsByCategoryAndGender: [Category: [Gender?: Int]]
    /// Notes by the day they were received at the venue, oldest first; empty when no time zone was given.
    package var notesByDay: [DayCount]
    package var participantsByCategory: [Category: Int]
    /// Registered delegations of States that are Parties on the opening day.
    package var statesPartiesRegistered: Int
    /// The convention's States Parties on the opening day.
    package var statesPartiesTotal: Int
    /// By gender; `nil` counts participants whose note did not say.
    package var participantsByGender: [Gender?: Int]
    package var notes: Int
    package var lateNotes: Int
    /// The late notes by where they stand: pending, accepted, declined (every status present).
    package var lateNotesByStatus: [DecisionStatus: Int]
    /// By channel; `nil` counts notes whose channel was not recorded.
    package var notesByChannel: [Channel?: Int]

    package var delegations: Int { delegationsByCategory.values.reduce(0, +) }
    package var participants: Int { participantsByCategory.values.reduce(0, +) }

    /// The figures of `roster` (the meeting's list of participants) and its `notes`, for a meeting whose
    /// convention has `statesPartiesTotal` Parties on its opening day.
    ///
    /// With the venue's `timeZone`, notes are also counted by the day they were received there (`notesByDay`).
    package init(
        roster: Roster, statesPartiesTotal: Int, notes: [NoteFact], deadline: Deadline,
        timeZone: VenueTimeZone? = nil
    ) {
        var delegations: [Category: Int] = [:]
        var participants: [Category: Int] = [:]
        var genders: [Gender?: Int] = [:]
        var categoryGenders: [Category: [Gender?: Int]] = [:]
        for category in Category.allCases {
            delegations[category] = 0
            participants[category] = 0
            categoryGenders[category] = [:]
        }
        for group in roster.groups {
            delegations[group.category, default: 0] += group.delegations.count
            for delegation in group.delegations {
                participants[group.category, default: 0] += delegation.participants.count
                for participant in delegation.participants {
                    genders[participant.gender, default: 0] += 1
                    categoryGenders[group.category, default: [:]][participant.gender, default: 0] += 1
                }
            }
        }
        var days: [LocalDate: DayCount] = [:]
        if let timeZone {
            for note in notes {
                let day = timeZone.localDate(of: note.received)
                var count = days[day] ?? DayCount(day: day, others: 0, late: 0)
                if Self.isLate(note, deadline: deadline) { count.late += 1 } else { count.others += 1 }
                days[day] = count
            }
        }
        self.participantsByCategoryAndGender = categoryGenders
        self.notesByDay = days.values.sorted { $0.day < $1.day }
        var channels: [Channel?: Int] = [:]
        var late = 0
        var byStatus: [DecisionStatus: Int] = [.pending: 0, .decided(.accepted): 0, .decided(.declined): 0]
        for note in notes {
            channels[note.channel, default: 0] += 1
            if Self.isLate(note, deadline: deadline) {
                late += 1
                byStatus[note.decision.map { .decided($0) } ?? .pending, default: 0] += 1
            }
        }
        self.lateNotesByStatus = byStatus
        self.delegationsByCategory = delegations
        self.participantsByCategory = participants
        self.statesPartiesRegistered = delegations[.statesParties] ?? 0
        self.statesPartiesTotal = statesPartiesTotal
        self.participantsByGender = genders
        self.notes = notes.count
        self.lateNotes = late
        self.notesByChannel = channels
    }

    /// "57 of 102".
    package var statesPartiesDescription: String { "\(statesPartiesRegistered) of \(statesPartiesTotal)" }
}
