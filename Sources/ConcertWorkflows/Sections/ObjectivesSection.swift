import ConcertCore

/// `objectives:` — the Global Compact's objectives the measures serve.
///
/// ```yaml
/// objectives:
///   - {number: 1, title: "Collect and utilize accurate and disaggregated data ..."}
/// ```
enum ObjectivesSection: WorkflowSection {
    static let key = "objectives"
    static let mergesAcrossFiles = false
    static let schema = KeySchema(["number", "title"], nameKey: "number")

    static func decode(_ value: YAMLValue, into draft: inout WorkflowDraft, log: DiagnosticLog) {
        var objectives: [Objective] = []
        NumberedItems.decode(
            value, section: key, noun: "objective", schema: schema, table: &draft.objectiveTable, log: log
        ) { reader, number in
            let title = reader.requiredString("title")
            if let number, let title { objectives.append(Objective(number: number, title: title)) }
        }
        draft.objectives.append(contentsOf: objectives)
    }
}
