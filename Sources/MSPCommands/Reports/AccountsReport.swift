import MSPDomain

/// An account as `msp user list` writes it: never its password or hash.
struct AccountRow: ReportRow, Equatable {
    var name: String
    /// `secretariat` or `viewer`.
    var role: String
    /// `active` or `disabled`.
    var status: String
    /// In UTC.
    var createdAt: String
    var disabledAt: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, role, status
        case createdAt = "created_at"
        case disabledAt = "disabled_at"
    }

    init(_ account: Account) {
        name = account.name
        role = account.role.rawValue
        status = account.isActive ? "active" : "disabled"
        createdAt = account.createdAt.description
        disabledAt = account.disabledAt?.description
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(role, forKey: .role)
        try c.encode(status, forKey: .status)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(disabledAt, forKey: .disabledAt)
    }
}

/// `msp user list`: one row per account, the same keys in every format.
enum AccountsReport {
    static func render(_ accounts: [Account], format: OutputFormat) throws -> String {
        try Writers.rows(accounts.map(AccountRow.init), as: format)
    }
}
