import ConcertCore
import Foundation

extension WorkflowLinker {
    /// Checks that each cadence's first meeting is an occurrence of its rule, in the
    /// cadence's time zone (the plan's by default).
    ///
    /// A recurrence's first occurrence is its start only when the start matches the rule
    /// (see `Recurrence`), so a `first` the rule does not produce would silently move the
    /// first meeting: it is reported with the occurrence the rule would give instead.
    func checkCadences(_ draft: WorkflowDraft) {
        for check in draft.cadences {
            guard let zoneName = check.timeZone ?? draft.header?.timeZone, let zone = TimeZone(identifier: zoneName)
            else { continue }
            let recurrence = Recurrence(rule: check.rule.value, start: check.first.value, timeZone: zone)
            guard let first = recurrence.firstLocalOccurrence else {
                log.report(
                    .invalidValue,
                    "'rrule' of \(check.subject) (\(check.rule.value)) has no occurrence on or after its 'first' "
                        + "(\(check.first.value))",
                    at: check.rule.location)
                continue
            }
            guard first == check.first.value else {
                log.report(
                    .invalidValue,
                    "'first' of \(check.subject) (\(check.first.value)) is not an occurrence of its rrule "
                        + "(\(check.rule.value)); the first one after it is \(first)",
                    at: check.first.location)
                continue
            }
        }
    }
}
