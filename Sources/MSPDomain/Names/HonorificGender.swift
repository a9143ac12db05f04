/// The gender some honorifics say: "Ms." and "Mme" are a woman's, "Mr." and "Sr." a man's; "H.E.", "Dr.", "Prof."
/// and the others say nothing of it. A participant whose gender says the contrary of the honorific ("Ms. Hector
/// Guerra; Director; male") is refused at the gender: one of the two was mistyped, and the list of participants
/// and the gender balance would each print a different half of the mistake.
extension Honorific {
    /// Each gendered honorific in its canonical form (`Honorific.forms`).
    static let genders: [String: Gender] = [
        "Ms.": .female, "Mrs.": .female, "Miss": .female, "Mme": .female, "Mlle": .female, "Sra.": .female,
        "Srta.": .female, "Dra.": .female, "Excma.": .female, "Dame": .female,
        "Mr.": .male, "M.": .male, "Sr.": .male, "Excmo.": .male, "Sir": .male,
    ]

    /// The gender a title's honorifics say ("H.E. Ms.": female), or nil when none says one. A title that is not
    /// made only of honorifics (a mission's own form) is read word by word all the same.
    package static func gender(of title: String) -> Gender? {
        words(title).lazy.compactMap { canonical(of: $0, after: nil).flatMap { genders[$0] } }.first
    }

    /// Refuses a gender that contradicts the title's honorific, on the gender's field. "other" contradicts none:
    /// the honorific is the person's choice of form, not a statement on it.
    package static func checkGender(_ gender: Gender?, title: String?, field: @autoclosure () -> FieldPath?) throws {
        guard let gender, gender != .other, let title, let said = self.gender(of: title), said != gender else {
            return
        }
        throw InputError(
            "'\(gender.rawValue)' contradicts the honorific '\(title)', which is a \(said == .female ? "woman" : "man")'s: correct the honorific or the gender",
            field: field())
    }
}
