import ConcertCore

/// `entities:` — areas of government, institutes, municipalities, organisations, each with
/// its focal points. May be split over several files.
///
/// ```yaml
/// entities:
///   - id: aima
///     name: "Agency for Integration, Migration and Asylum"
///     kind: institute
///     parent: pcm
///     focal_points:
///       - {id: aima-technical, level: technical, name: "...", email: ana@example.org}
/// ```
enum EntitiesSection: WorkflowSection {
    static let key = "entities"
    static let mergesAcrossFiles = true
    static let schema = KeySchema(["id", "name", "kind", "parent", "focal_points"], nameKey: "id")

    static func decode(_ value: YAMLValue, into draft: inout WorkflowDraft, log: DiagnosticLog) {
        guard let items = value.list("section '\(key)'", log) else { return }
        for (index, item) in items.enumerated() {
            guard
                let reader = MappingReader(
                    item, schema: schema, noun: "entity", fallback: "entity #\(index + 1)", log: log)
            else { continue }
            decodeEntity(reader, into: &draft)
        }
    }

    private static func decodeEntity(_ reader: MappingReader, into draft: inout WorkflowDraft) {
        let log = reader.log
        var id: EntityID?
        let written = reader.requiredIdentifier("id", .slug)
        if let text = written {
            let candidate = EntityID(text.value)
            if draft.entityTable.declare(candidate, display: "entity id '\(candidate)'", at: text.location, log: log) {
                id = candidate
            }
        }
        let name = reader.requiredString("name")
        let kind = reader.required("kind")?.choice(reader.what("kind"), Entity.Kind.self, log)
        var parent: EntityID?
        if let text = reader.optionalIdentifier("parent", .slug) {
            let candidate = EntityID(text.value)
            if candidate.rawValue == written?.value {
                log.report(.invalidValue, "entity \(candidate) names itself as its parent", at: text.location)
            } else {
                parent = candidate
                draft.refer(to: .entity(candidate), from: reader.subject, at: text.location)
                if let id { draft.parents[id] = Located(value: candidate, location: text.location) }
            }
        }
        var focalPoints: [FocalPoint] = []
        if let list = reader.optional("focal_points")?.list(reader.what("focal_points"), log) {
            for (index, item) in list.enumerated() {
                if let point = FocalPointDecoder.decode(
                    item, index: index, entity: id, owner: reader.subject, into: &draft, log: log)
                {
                    focalPoints.append(point)
                }
            }
        }
        guard let id, let name, let kind else { return }
        draft.entities.append(Entity(id: id, name: name, kind: kind, parent: parent))
        draft.focalPoints.append(contentsOf: focalPoints)
    }
}
