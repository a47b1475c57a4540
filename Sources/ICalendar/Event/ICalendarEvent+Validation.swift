import Foundation

extension ICalendarEvent {
    /// Checks what the content lines cannot express: identity, revision, and the agreement of
    /// the event's times with one another.
    ///
    /// - Throws: ``ICalendarError`` with `invalidIdentifier`, `invalidSequence`,
    ///   `invalidTimes`, `dateOutOfRange` or `invalidURI`.
    func validate() throws(ICalendarError) {
        guard uid.unicodeScalars.contains(where: { !$0.properties.isWhitespace && !TextValue.isControl($0) }) else {
            throw ICalendarError(.invalidIdentifier, "an event has an empty UID")
        }
        guard sequence >= 0 else {
            throw ICalendarError(.invalidSequence, "event \(uid) has a negative SEQUENCE (\(sequence))")
        }
        if let end {
            guard end.isAllDay == start.isAllDay else {
                throw ICalendarError(
                    .invalidTimes, "event \(uid) mixes an all-day and a timed value in DTSTART and DTEND")
            }
            guard try ICalendarEvent.order(of: start, uid) < ICalendarEvent.order(of: end, uid) else {
                throw ICalendarError(.invalidTimes, "event \(uid) ends before or when it starts")
            }
        }
        if let recurrenceID, recurrenceID.isAllDay != start.isAllDay {
            throw ICalendarError(.invalidTimes, "event \(uid) has a RECURRENCE-ID of another kind than its DTSTART")
        }
        if exceptionDates.contains(where: { $0.isAllDay != start.isAllDay }) {
            throw ICalendarError(.invalidTimes, "event \(uid) has an EXDATE of another kind than its DTSTART")
        }
        if let url {
            guard !url.absoluteString.isEmpty,
                url.absoluteString.unicodeScalars.allSatisfy(ICalendarEvent.isURICharacter)
            else { throw ICalendarError(.invalidURI, "event \(uid) has a URL that is not a URI") }
        }
    }

    /// A number that orders values of one kind: seconds for instants, days for all-day values.
    private static func order(of time: ICalendarEventTime, _ uid: String) throws(ICalendarError) -> Int {
        switch time {
        case .zoned(let date, _): return try CivilDateTime.seconds(of: date, "a time of event \(uid)")
        case .allDay(let day): return CivilDateTime.days(year: day.year, month: day.month, day: day.day)
        }
    }

    /// Whether `scalar` may stand in a URI (RFC 3986: unreserved, reserved, or `%`).
    private static func isURICharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "_", "~", ":", "/", "?", "#", "[", "]", "@", "!", "$", "&",
            "'", "(", ")", "*", "+", ",", ";", "=", "%":
            return true
        default:
            return false
        }
    }
}
