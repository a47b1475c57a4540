import ConcertCore

/// `bodies:` — the committee, working groups, the monitoring body, the council. May be
/// split over several files.
///
/// ```yaml
/// bodies:
///   - id: committee
///     name: "Interministerial Coordination Committee"
///     kind: committee
///     chair: pcm
///     secretariat: aima
///     members: [pcm, mne, mai, mtsss]
///     cadence:
///       rrule: "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU"
///       first: 2026-01-13T10:00
///       time_zone: Europe/Lisbon     # optional; the plan's time zone by default
///       duration_minutes: 120
///     venues: ["Palácio de São Bento"]
///     standing_agenda: ["Measures overdue", "Measures blocked"]
///     convene_working_days_before: 5   # optional; 5 by default
/// ```
///
/// `rrule` is read by `RecurrenceRule(parsing:)` and `first` as a `LocalDateTime`; the
/// linker then checks that `first` is the cadence's first occurrence.
enum BodiesSection: WorkflowSection {
    static let key = "bodies"
    static let mergesAcrossFiles = true
    static let schema = KeySchema(
        [
            "id", "name", "kind", "chair", "secretariat", "members", "cadence", "venues", "standing_agenda",
            "convene_working_days_before",
        ],
        nameKey: "id")
    static let cadenceSchema = KeySchema(["rrule", "first", "time_zone", "duration_minutes"])

    static func decode(_ value: YAMLValue, into draft: inout WorkflowDraft, log: DiagnosticLog) {
        guard let items = value.list("section '\(key)'", log) else { return }
        for (index, item) in items.enumerated() {
            guard
                let reader = MappingReader(
                    item, schema: schema, noun: "body", fallback: "body #\(index + 1)", log: log)
            else { continue }
            decodeBody(reader, into: &draft)
        }
    }

    private static func decodeBody(_ reader: MappingReader, into draft: inout WorkflowDraft) {
        let log = reader.log
        var id: BodyID?
        if let text = reader.requiredIdentifier("id", .slug) {
            let candidate = BodyID(text.value)
            if draft.bodyTable.declare(candidate, display: "body id '\(candidate)'", at: text.location, log: log) {
                id = candidate
            }
        }
        let name = reader.requiredString("name")
        let kind = reader.required("kind")?.choice(reader.what("kind"), Body.Kind.self, log)
        let chair = entity(reader, "chair", into: &draft)
        let secretariat = entity(reader, "secretariat", into: &draft)
        let members = readMembers(reader, into: &draft)
        let cadence = reader.optional("cadence").map { readCadence($0, owner: reader.subject, log: log) }
        let venues = stringList(reader, "venues")
        let agenda = stringList(reader, "standing_agenda")
        let notice = conveneNotice(reader)

        guard let id, let name, let kind, chair.isValid, secretariat.isValid, let members, let venues, let agenda,
            notice.isValid
        else { return }
        var body = Body(
            id: id, name: name, kind: kind, chair: chair.value, secretariat: secretariat.value, members: members,
            venues: venues, standingAgenda: agenda, conveneWorkingDaysBefore: notice.value)
        if let cadence {
            guard let cadence = cadence else { return }
            body.cadence = cadence.rrule
            body.firstMeeting = cadence.first
            body.timeZone = cadence.timeZone  // nil: the plan's, filled in by WorkflowDraft.makePlan
            body.durationMinutes = cadence.durationMinutes
            draft.cadences.append(cadence.check)
        }
        draft.bodies.append(body)
    }

    /// An optional entity reference; `isValid` is false when one was written but unreadable.
    private static func entity(
        _ reader: MappingReader, _ key: String, into draft: inout WorkflowDraft
    ) -> (value: EntityID?, isValid: Bool) {
        guard reader.optional(key) != nil else { return (nil, true) }
        guard let text = reader.optionalIdentifier(key, .slug) else { return (nil, false) }
        let entity = EntityID(text.value)
        draft.refer(to: .entity(entity), from: reader.subject, at: text.location)
        return (entity, true)
    }

    private static func readMembers(_ reader: MappingReader, into draft: inout WorkflowDraft) -> [EntityID]? {
        let log = reader.log
        let what = reader.what("members")
        guard let value = reader.required("members"),
            let names = value.list(what, log, item: { $0.identifier("an item of \(what)", .slug, log) })
        else { return nil }
        var members: [EntityID] = []
        var seen = Set<EntityID>()
        var isValid = true
        for name in names {
            let entity = EntityID(name.value)
            guard seen.insert(entity).inserted else {
                log.report(.invalidValue, "\(what) lists '\(entity)' twice", at: name.location)
                isValid = false
                continue
            }
            members.append(entity)
            draft.refer(to: .entity(entity), from: reader.subject, at: name.location)
        }
        return isValid ? members : nil
    }

    /// Longest convocation notice a body may declare, in working days.
    static let maximumConveneWorkingDaysBefore = 60

    private static func conveneNotice(_ reader: MappingReader) -> (value: Int?, isValid: Bool) {
        let key = "convene_working_days_before"
        guard reader.optional(key) != nil else { return (nil, true) }
        guard let days = reader.requiredInt(key) else { return (nil, false) }
        guard (0...maximumConveneWorkingDaysBefore).contains(days.value) else {
            reader.log.report(
                .outOfRange, "\(reader.what(key)) must be between 0 and \(maximumConveneWorkingDaysBefore)",
                at: days.location)
            return (nil, false)
        }
        return (days.value, true)
    }

    private static func stringList(_ reader: MappingReader, _ key: String) -> [String]? {
        let what = reader.what(key)
        guard let value = reader.optional(key) else { return [] }
        return value.list(what, reader.log, item: { $0.string("an item of \(what)", reader.log) })?.map(\.value)
    }

    struct Cadence {
        var rrule: String
        var first: String
        var timeZone: String?
        var durationMinutes: Int
        /// What the linker checks once the plan's time zone is known.
        var check: WorkflowDraft.CadenceCheck
    }

    /// The cadence, or nil when something in it is wrong (reported).
    ///
    /// The rrule is parsed as an RFC 5545 RRULE and the first meeting as a local date-time;
    /// whether the first meeting is an occurrence of the rule waits for the linker, which
    /// knows the plan's time zone.
    private static func readCadence(_ value: YAMLValue, owner: String, log: DiagnosticLog) -> Cadence? {
        guard
            let reader = MappingReader(
                value, schema: cadenceSchema, noun: "cadence", fallback: "cadence of \(owner)", log: log)
        else { return nil }
        var rrule: Located<(text: String, rule: RecurrenceRule)>?
        if let value = reader.required("rrule"), let text = value.string(reader.what("rrule"), log) {
            do {
                rrule = Located(value: (text, try RecurrenceRule(parsing: text)), location: value.location)
            } catch {
                log.report(
                    .invalidValue, "\(reader.what("rrule")) '\(text)' is not a valid RRULE: \(error.message)",
                    at: value.location)
            }
        }
        var first: Located<(text: String, start: LocalDateTime)>?
        if let value = reader.required("first"), let text = value.string(reader.what("first"), log) {
            if let start = LocalDateTime(iso: text) {
                first = Located(value: (text, start), location: value.location)
            } else {
                log.report(
                    .invalidDate, "\(reader.what("first")) '\(text)' is not a valid local time (YYYY-MM-DDTHH:MM)",
                    at: value.location)
            }
        }
        var timeZone: String?
        var timeZoneIsValid = true
        if let value = reader.optional("time_zone") {
            timeZone = value.timeZone(reader.what("time_zone"), log)
            timeZoneIsValid = timeZone != nil
        }
        var duration: Int?
        if let minutes = reader.requiredInt("duration_minutes") {
            if minutes.value > 0 {
                duration = minutes.value
            } else {
                log.report(.outOfRange, "\(reader.what("duration_minutes")) must be more than 0", at: minutes.location)
            }
        }
        guard let rrule, let first, timeZoneIsValid, let duration else { return nil }
        let check = WorkflowDraft.CadenceCheck(
            rule: Located(value: rrule.value.rule, location: rrule.location),
            first: Located(value: first.value.start, location: first.location), timeZone: timeZone,
            subject: reader.subject)
        return Cadence(
            rrule: rrule.value.text, first: first.value.text, timeZone: timeZone, durationMinutes: duration,
            check: check)
    }
}
