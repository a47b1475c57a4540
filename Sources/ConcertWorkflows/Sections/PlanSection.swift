import ConcertCore
import Foundation

/// `plan:` — the plan's identity, time zone and span. Exactly one file declares it.
///
/// ```yaml
/// plan:
///   id: pnipgm
///   title: "National Implementation Plan of the Global Compact for Migration"
///   time_zone: Europe/Lisbon
///   start: 2019-08-20
///   end: 2030-12-31
/// ```
enum PlanSection: WorkflowSection {
    static let key = "plan"
    static let mergesAcrossFiles = false
    static let schema = KeySchema(["id", "title", "time_zone", "start", "end"])

    static func decode(_ value: YAMLValue, into draft: inout WorkflowDraft, log: DiagnosticLog) {
        guard let reader = MappingReader(value, schema: schema, noun: "plan", fallback: "plan", log: log) else {
            return
        }
        let id = reader.requiredIdentifier("id", .slug)
        let title = reader.requiredString("title")
        let timeZone = reader.required("time_zone")?.timeZone(reader.what("time_zone"), log)
        let start = reader.requiredDate("start")
        let end = reader.requiredDate("end")
        if let start, let end, end.value < start.value {
            log.report(
                .outOfRange, "'end' of plan (\(end.value)) is before its 'start' (\(start.value))", at: end.location)
            return
        }
        guard let id, let title, let timeZone, let start, let end else { return }
        draft.header = WorkflowDraft.Header(id: id.value, title: title, timeZone: timeZone, start: start, end: end)
    }
}

extension YAMLValue {
    /// An IANA time zone identifier that this system knows, e.g. `Europe/Lisbon`.
    func timeZone(_ what: @autoclosure () -> String, _ log: DiagnosticLog) -> String? {
        guard let text = string(what(), log) else { return nil }
        guard TimeZone(identifier: text) == nil else { return text }
        var message = "\(what()) '\(text)' is not a known IANA time zone"
        if let guess = Suggestions.nearest(to: text, among: TimeZone.knownTimeZoneIdentifiers) {
            message += "; did you mean '\(guess)'?"
        } else {
            message += " (e.g. Europe/Lisbon)"
        }
        log.report(.invalidValue, message, at: location)
        return nil
    }
}
