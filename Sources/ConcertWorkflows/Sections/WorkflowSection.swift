/// The decoder of one top-level section of a workflow file.
///
/// To add a section (business calendar, reporting cycle, escalation ladders, ...): write a
/// type conforming to this protocol in its own file, give `WorkflowDraft` a place for its
/// values and deferred checks, and list the type in `WorkflowSections.all`.
protocol WorkflowSection {
    /// The top-level key, e.g. `measures`.
    static var key: String { get }
    /// Whether the section's list may be split over several files (and is concatenated).
    static var mergesAcrossFiles: Bool { get }
    /// Reads the section's value, reports what is wrong in it, declares its identifiers and
    /// records the references the linker must check.
    static func decode(_ value: YAMLValue, into draft: inout WorkflowDraft, log: DiagnosticLog)
}

/// The sections a workflow file may declare.
enum WorkflowSections {
    static var all: [any WorkflowSection.Type] {
        [
            PlanSection.self, AxesSection.self, ObjectivesSection.self, ThematicAreasSection.self,
            EntitiesSection.self, MeasuresSection.self, BodiesSection.self, CalendarSection.self,
            MonitoringSection.self,
        ]
    }

    static var keys: [String] { all.map { $0.key } }

    static func named(_ key: String) -> (any WorkflowSection.Type)? {
        all.first { $0.key == key }
    }
}
