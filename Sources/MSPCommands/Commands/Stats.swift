import ArgumentParser
import Foundation
import MSPDomain
import MSPApplication

extension MSP {
    /// `msp stats`: the meeting's registration figures.
    public struct Stats: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "stats", 
            abstract: "Show a meeting's registration figures.",
            discussion: """
                Delegations and participants per category; how many of the convention's States Parties on the opening \
                day have registered ("57 of 102"); participants by gender; late notes; notes by channel. Participants \
                are those of the list of participants (each delegation's current composition; withdrawn delegations \
                are left out); notes are every note received.

                Example: msp stats --meeting 7MSP --format json
                """)

        @OptionGroup public var database: DatabaseOptions
        @OptionGroup public var meetingOption: MeetingOption

        @Option(help: "Output format: table or json.")
        public var format: StatsFormat = .table

        public init() {}

        public enum StatsFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
            case table, json
        }

        public func run() throws {
            let (meeting, stats) = try database.withDesk { try $0.statistics(meeting: meetingOption.meeting) }
            switch format {
            case .json: print(try JSONOutput.render(Self.json(stats, meeting: meeting)), terminator: "")
            case .table: print(Self.table(stats, meeting: meeting), terminator: "")
            }
        }

        static func json(_ stats: MeetingStatistics, meeting: Meeting) -> [String: Any] {
            func byCategory(_ counts: [Category: Int]) -> [String: Int] {
                Dictionary(uniqueKeysWithValues: Category.allCases.map { ($0.rawValue, counts[$0] ?? 0) })
            }
            var genders: [String: Int] = ["unspecified": stats.participantsByGender[nil] ?? 0]
            for gender in Gender.allCases { genders[gender.rawValue] = stats.participantsByGender[gender] ?? 0 }
            var channels: [String: Int] = ["unspecified": stats.notesByChannel[nil] ?? 0]
            for channel in Channel.allCases { channels[channel.rawValue] = stats.notesByChannel[channel] ?? 0 }
            return [
                "meeting": ["code": meeting.code, "title": meeting.title, "convention": meeting.convention,
                            "opens": meeting.opens.description],
                "delegations": stats.delegations,
                "participants": stats.participants,
                "delegations_by_category": byCategory(stats.delegationsByCategory),
                "participants_by_category": byCategory(stats.participantsByCategory),
                "states_parties_registered": stats.statesPartiesRegistered,
                "states_parties_total": stats.statesPartiesTotal,
                "participants_by_gender": genders,
                "notes": stats.notes,
                "late_notes": stats.lateNotes,
                "notes_by_channel": channels,
            ]
        }

        static func table(_ stats: MeetingStatistics, meeting: Meeting) -> String {
            var out = "\(meeting.code): \(meeting.title)\n"
            out += "States Parties registered: \(stats.statesPartiesDescription) (the \(meeting.convention)'s States Parties on \(meeting.opens.longDescription))\n\n"
            out += TextTable.render(
                header: ["category", "delegations", "participants"],
                rows: Category.allCases.map { [$0.title, String(stats.delegationsByCategory[$0] ?? 0), String(stats.participantsByCategory[$0] ?? 0)] }
                    + [["Total", String(stats.delegations), String(stats.participants)]])
            func share(_ count: Int, of total: Int) -> String {
                total == 0 ? "" : String(format: "%.0f%%", Double(count) * 100 / Double(total))
            }
            out += "\nParticipants by gender\n"
            let genders: [(String, Int)] = Gender.allCases.map { ($0.rawValue, stats.participantsByGender[$0] ?? 0) }
                + [("not stated", stats.participantsByGender[nil] ?? 0)]
            out += TextTable.render(header: ["gender", "participants", "share"],
                                    rows: genders.map { [$0.0, String($0.1), share($0.1, of: stats.participants)] })
            out += "\nNotes: \(stats.notes), of which late: \(stats.lateNotes)\n"
            let channels: [(String, Int)] = Channel.allCases.map { ($0.rawValue, stats.notesByChannel[$0] ?? 0) }
                + [("not recorded", stats.notesByChannel[nil] ?? 0)]
            out += TextTable.render(header: ["channel", "notes"], rows: channels.map { [$0.0, String($0.1)] })
            return out
        }
    }
}
