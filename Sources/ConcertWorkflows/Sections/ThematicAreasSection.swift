import ConcertCore

/// `thematic_areas:` — groups of objectives used by regional reviews; an objective may sit
/// in several areas.
///
/// ```yaml
/// thematic_areas:
///   - {number: 1, title: "Facts and data", objectives: [1, 3, 17, 23]}
/// ```
enum ThematicAreasSection: WorkflowSection {
    static let key = "thematic_areas"
    static let mergesAcrossFiles = false
    static let schema = KeySchema(["number", "title", "objectives"], nameKey: "number")

    static func decode(_ value: YAMLValue, into draft: inout WorkflowDraft, log: DiagnosticLog) {
        var areas: [ThematicArea] = []
        var references: [Reference] = []
        NumberedItems.decode(
            value, section: key, noun: "thematic area", schema: schema, table: &draft.thematicAreaTable, log: log
        ) { reader, number in
            let title = reader.requiredString("title")
            let objectives = reader.objectiveNumbers("objectives")
            for objective in objectives ?? [] {
                references.append(
                    Reference(
                        target: .objective(objective.value), subject: reader.subject, location: objective.location))
            }
            if let number, let title, let objectives {
                areas.append(ThematicArea(number: number, title: title, objectives: objectives.map(\.value)))
            }
        }
        draft.thematicAreas.append(contentsOf: areas)
        draft.references.append(contentsOf: references)
    }
}

extension MappingReader {
    /// A required, non-empty list of objective numbers without repeats.
    func objectiveNumbers(_ key: String) -> [Located<Int>]? {
        guard let value = required(key),
            let numbers = value.list(what(key), log, item: { $0.int("an item of \(what(key))", log) })
        else { return nil }
        guard !numbers.isEmpty else {
            log.report(.missingKey, "\(what(key)) must name at least one objective", at: value.location)
            return nil
        }
        var seen = Set<Int>()
        var unique: [Located<Int>] = []
        for number in numbers {
            if seen.insert(number.value).inserted {
                unique.append(number)
            } else {
                log.report(.invalidValue, "\(what(key)) lists objective \(number.value) twice", at: number.location)
            }
        }
        return unique
    }
}
