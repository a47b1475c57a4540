import Foundation

extension Plan {
    /// A meeting lasts this long when its body declares no duration.
    public static let defaultMeetingMinutes = 120

    /// The meetings of `body` that start between `from` and `through`, placed by its cadence
    /// and moved off non-working days by the calendar's policy (a meeting the policy cancels is
    /// left out). Venues rotate in the declared order, counted from the first meeting.
    /// - Parameter limit: at most this many meetings.
    public func plannedMeetings(
        of body: Body, from: Date, through: Date, calendar: BusinessCalendar, limit: Int = 1_000
    ) -> [PlannedMeeting] {
        guard let recurrence = body.recurrence(defaultTimeZone: timeZone), let first = recurrence.firstOccurrence,
            from <= through
        else { return [] }
        let zone = recurrence.timeZone
        let duration = TimeInterval((body.durationMinutes ?? Self.defaultMeetingMinutes) * 60)
        // A meeting can move by a few days; look a little outside the window so it is not lost.
        let margin: TimeInterval = 10 * 86_400
        let occurrences = recurrence.occurrences(
            from: first, through: through.addingTimeInterval(margin), limit: Recurrence.defaultLimit * 20)
        var meetings: [PlannedMeeting] = []
        for (index, occurrence) in occurrences.enumerated() where occurrence >= from.addingTimeInterval(-margin) {
            let local = LocalDateTime(occurrence, in: zone)
            let start: Date
            let moved: Holiday?
            if calendar.isWorkingDay(local.date) {
                start = occurrence
                moved = nil
            } else {
                guard let shifted = calendar.reschedule(local) else { continue }
                start = shifted.instant(in: zone)
                moved = calendar.holiday(on: local.date)
            }
            guard start >= from, start <= through else { continue }
            meetings.append(
                PlannedMeeting(
                    id: "\(body.id)-\(local.date)", body: body.id, occurrence: local, start: start,
                    end: start.addingTimeInterval(duration), timeZone: zone,
                    venue: body.venues.isEmpty ? nil : body.venues[index % body.venues.count], movedFrom: moved))
            if meetings.count >= limit { break }
        }
        return meetings
    }
}
