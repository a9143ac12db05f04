import MSPApplication
import MSPDomain
import MSPStore

/// A registration desk on a fresh in-memory database, at a fixed time, for tests.
enum Desk {
    /// 1 September 2017, 12:00 UTC: after the 7MSP's deadline, before it opens.
    static let now = Instant(secondsSinceEpoch: 1_504_267_200)

    static func empty() throws -> RegistrationDesk {
        RegistrationDesk(store: try Store.inMemory(), user: "clerk", clock: { now })
    }

    static let sevenMSPRequest = MeetingRequest(
        code: "7MSP", title: "Seventh Meeting of States Parties to the Convention on Cluster Munitions", convention: "CCM",
        opens: "2017-09-04", closes: "2017-09-06", deadline: "2017-08-18", timeZone: "Europe/Zurich",
        venue: "Palais des Nations, Room XIX, Geneva")

    /// A desk holding the 7MSP (Geneva, 4–6 September 2017, deadline 18 August).
    static func sevenMSP() throws -> RegistrationDesk {
        let desk = try empty()
        try desk.addMeeting(sevenMSPRequest)
        return desk
    }
}
