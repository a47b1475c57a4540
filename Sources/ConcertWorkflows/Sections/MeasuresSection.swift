import ConcertCore

/// `measures:` — what is to be done, by whom, by when. May be split over several files.
///
/// ```yaml
/// measures:
///   - id: M01
///     title: "e-VISA portal"
///     axis: 1
///     objectives: [3, 5]
///     responsible: mne
///     co_responsible: [aima]
///     deadline: 2020-03-31          # required unless continuous; forbidden if continuous
///     deadline_illustrative: true
///     continuous: false
///     indicators:
///       - {name: applications_online, unit: applications, target: 50000}
/// ```
enum MeasuresSection: WorkflowSection {
    static let key = "measures"
    static let mergesAcrossFiles = true
    static let schema = KeySchema(
        [
            "id", "title", "axis", "objectives", "responsible", "co_responsible", "deadline",
            "deadline_illustrative", "continuous", "indicators",
        ], nameKey: "id")
    static let indicatorSchema = KeySchema(["name", "unit", "target"], nameKey: "name")

    static func decode(_ value: YAMLValue, into draft: inout WorkflowDraft, log: DiagnosticLog) {
        guard let items = value.list("section '\(key)'", log) else { return }
        draft.measures.reserveCapacity(draft.measures.count + items.count)
        draft.references.reserveCapacity(draft.references.count + items.count * 4)
        for (index, item) in items.enumerated() {
            guard
                let reader = MappingReader(
                    item, schema: schema, noun: "measure", fallback: "measure #\(index + 1)", log: log)
            else { continue }
            decodeMeasure(reader, into: &draft)
        }
    }

    private static func decodeMeasure(_ reader: MappingReader, into draft: inout WorkflowDraft) {
        let log = reader.log
        let subject = reader.subject
        var id: MeasureID?
        if let text = reader.requiredIdentifier("id", .measure) {
            let candidate = MeasureID(text.value)
            if draft.measureTable.declare(candidate, display: "measure id '\(candidate)'", at: text.location, log: log)
            {
                id = candidate
            }
        }
        let title = reader.requiredString("title")
        let axis = reader.requiredInt("axis")
        if let axis { draft.refer(to: .axis(axis.value), from: subject, at: axis.location) }
        let objectives = reader.objectiveNumbers("objectives")
        for objective in objectives ?? [] {
            draft.refer(to: .objective(objective.value), from: subject, at: objective.location)
        }

        let responsible = reader.requiredIdentifier("responsible", .slug).map {
            Located(value: EntityID($0.value), location: $0.location)
        }
        if let responsible { draft.refer(to: .entity(responsible.value), from: subject, at: responsible.location) }
        let coResponsible = readCoResponsible(reader, responsible: responsible?.value, into: &draft)

        let continuous = reader.optionalBool("continuous", default: false)
        let illustrative = reader.optionalBool("deadline_illustrative", default: false)
        var deadline: Located<CalendarDate>?
        var deadlineIsValid = true
        if continuous {
            if let location = reader.keyLocation("deadline") {
                log.report(
                    .invalidValue, "\(subject) is continuous and must not have a 'deadline'", at: location)
                deadlineIsValid = false
            }
        } else if reader.contains("deadline") {
            deadline = reader.requiredDate("deadline")
            if let deadline {
                draft.deadlines.append(WorkflowDraft.DeadlineCheck(date: deadline, subject: subject))
            } else {
                deadlineIsValid = false
            }
        } else {
            log.report(
                .missingKey, "\(subject) is missing required key 'deadline' (needed unless 'continuous: true')",
                at: reader.location)
            deadlineIsValid = false
        }
        let indicators = readIndicators(reader)

        guard let id, let title, let axis, let objectives, let responsible, let coResponsible, deadlineIsValid,
            let indicators
        else { return }
        draft.measures.append(
            Measure(
                id: id, title: title, axis: axis.value, objectives: objectives.map(\.value),
                responsible: responsible.value, coResponsible: coResponsible, deadline: deadline?.value,
                deadlineIsIllustrative: illustrative, continuous: continuous, indicators: indicators))
    }

    /// `co_responsible`: entities, none of them the responsible one, no repeats.
    private static func readCoResponsible(
        _ reader: MappingReader, responsible: EntityID?, into draft: inout WorkflowDraft
    ) -> [EntityID]? {
        let log = reader.log
        let what = reader.what("co_responsible")
        guard let value = reader.optional("co_responsible") else { return [] }
        guard let names = value.list(what, log, item: { $0.identifier("an item of \(what)", .slug, log) }) else {
            return nil
        }
        var result: [EntityID] = []
        var seen = Set<EntityID>()
        var isValid = true
        for name in names {
            let entity = EntityID(name.value)
            if entity == responsible {
                log.report(
                    .invalidValue, "\(what) repeats the responsible entity '\(entity)'", at: name.location)
                isValid = false
            } else if !seen.insert(entity).inserted {
                log.report(.invalidValue, "\(what) lists '\(entity)' twice", at: name.location)
                isValid = false
            } else {
                result.append(entity)
                draft.refer(to: .entity(entity), from: reader.subject, at: name.location)
            }
        }
        return isValid ? result : nil
    }

    /// `indicators`: names unique in the measure, a unit, an optional numeric target.
    private static func readIndicators(_ reader: MappingReader) -> [Indicator]? {
        let log = reader.log
        guard let items = reader.optional("indicators")?.list(reader.what("indicators"), log) else { return [] }
        var result: [Indicator] = []
        var seen: [String: SourceLocation] = [:]
        var isValid = true
        for (index, item) in items.enumerated() {
            guard
                let indicator = MappingReader(
                    item, schema: indicatorSchema, noun: "indicator",
                    fallback: "indicator #\(index + 1) of \(reader.subject)", owner: reader.subject, log: log)
            else {
                isValid = false
                continue
            }
            var name = indicator.requiredIdentifier("name", .snake)
            if let found = name {
                if let first = seen[found.value] {
                    log.report(
                        .duplicateID,
                        "duplicate indicator '\(found.value)' in \(reader.subject); first declared at \(first)",
                        at: found.location)
                    name = nil
                } else {
                    seen[found.value] = found.location
                }
            }
            let unit = indicator.requiredString("unit")
            var target: Double?
            var targetIsValid = true
            if let value = indicator.optional("target") {
                target = value.number(indicator.what("target"), log)
                targetIsValid = target != nil
            }
            guard let name, let unit, targetIsValid else {
                isValid = false
                continue
            }
            result.append(Indicator(name: name.value, unit: unit, target: target))
        }
        return isValid ? result : nil
    }
}
