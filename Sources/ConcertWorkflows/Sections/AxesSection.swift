import ConcertCore

/// `axes:` — the plan's axes of intervention.
///
/// ```yaml
/// axes:
///   - {number: 1, title: "Promote safe, orderly and regular migration"}
/// ```
enum AxesSection: WorkflowSection {
    static let key = "axes"
    static let mergesAcrossFiles = false
    static let schema = KeySchema(["number", "title"], nameKey: "number")

    static func decode(_ value: YAMLValue, into draft: inout WorkflowDraft, log: DiagnosticLog) {
        var axes: [Axis] = []
        NumberedItems.decode(
            value, section: key, noun: "axis", schema: schema, table: &draft.axisTable, log: log
        ) { reader, number in
            let title = reader.requiredString("title")
            if let number, let title { axes.append(Axis(number: number, title: title)) }
        }
        draft.axes.append(contentsOf: axes)
    }
}
