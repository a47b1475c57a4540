import ArgumentParser

/// A measure's stage as typed on the command line.
enum StageOption: String, CaseIterable, ExpressibleByArgument {
    case notStarted = "not_started"
    case inProgress = "in_progress"
    case completed
}
