import ArgumentParser

/// `NOTE --reason TEXT`, shared by the commands that act on a recorded note: accept, decline, correct, void,
/// restore, undo.
struct NoteAction: ParsableArguments {
    @Argument(help: ArgumentHelp("The note's number, as list-late and history show it.", valueName: "note"))
    var note: Int64

    @Option(help: ArgumentHelp("Why (required; kept in the history).", valueName: "text"))
    var reason: String
}
