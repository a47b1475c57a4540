import Foundation

extension ICalendarEvent {
    /// The `VEVENT` component as content lines, noting in `zones` every zone it writes a
    /// `TZID` for.
    ///
    /// - Throws: ``ICalendarError`` for any value the event cannot be written with.
    func contentLines(zones: inout ZoneUsage) throws(ICalendarError) -> [ContentLine] {
        try validate()
        let recurring = recurrenceRule != nil
        var lines = [ContentLine("BEGIN", "VEVENT"), ContentLine("UID", TextValue.escaped(uid))]
        lines.append(ContentLine("DTSTAMP", try DateValueFormat.utc(timestamp, "DTSTAMP of event \(uid)")))
        lines.append(ContentLine("SEQUENCE", String(sequence)))
        lines.append(try Self.timeLine("DTSTART", start, uid, recurring, &zones))
        if let end {
            lines.append(try Self.timeLine("DTEND", end, uid, recurring, &zones))
        }
        if let recurrenceID {
            lines.append(try Self.timeLine("RECURRENCE-ID", recurrenceID, uid, recurring, &zones))
        }
        if let recurrenceRule {
            lines.append(ContentLine("RRULE", try RecurrenceRuleText.validated(recurrenceRule, start: start)))
        }
        for exceptionDate in exceptionDates {
            lines.append(try Self.timeLine("EXDATE", exceptionDate, uid, recurring, &zones))
        }
        for (name, text) in [("SUMMARY", summary), ("DESCRIPTION", description), ("LOCATION", location)] {
            if let text { lines.append(ContentLine(name, TextValue.escaped(text))) }
        }
        if let status {
            lines.append(ContentLine("STATUS", status.rawValue))
        }
        if let organizer {
            let address = try CalendarAddress.mailto(organizer.email, "the organizer of event \(uid)")
            lines.append(ContentLine("ORGANIZER", Self.commonName(organizer.name), address))
        }
        for attendee in attendees {
            let address = try CalendarAddress.mailto(attendee.email, "an attendee of event \(uid)")
            var parameters = Self.commonName(attendee.name)
            parameters.append(("ROLE", attendee.role.rawValue))
            parameters.append(("PARTSTAT", attendee.participation.rawValue))
            if attendee.rsvp { parameters.append(("RSVP", "TRUE")) }
            lines.append(ContentLine("ATTENDEE", parameters, address))
        }
        let named = categories.filter { !$0.isEmpty }
        if !named.isEmpty {
            lines.append(ContentLine("CATEGORIES", named.map(TextValue.escaped).joined(separator: ",")))
        }
        if let url {
            lines.append(ContentLine("URL", url.absoluteString))
        }
        if let created {
            lines.append(ContentLine("CREATED", try DateValueFormat.utc(created, "CREATED of event \(uid)")))
        }
        if let lastModified {
            lines.append(
                ContentLine("LAST-MODIFIED", try DateValueFormat.utc(lastModified, "LAST-MODIFIED of event \(uid)")))
        }
        lines.append(ContentLine("END", "VEVENT"))
        return lines
    }

    /// A `CN` parameter for a non-empty name, or none.
    private static func commonName(_ name: String?) -> [(name: String, value: String)] {
        guard let name, !name.isEmpty else { return [] }
        return [("CN", ParameterValue.encoded(name))]
    }

    /// A date, date-time-with-`TZID`, or (for the second pass through a repeated hour) UTC
    /// date-time property.
    private static func timeLine(
        _ name: String, _ time: ICalendarEventTime, _ uid: String, _ recurring: Bool, _ zones: inout ZoneUsage
    ) throws(ICalendarError) -> ContentLine {
        switch time {
        case .allDay(let day):
            return ContentLine(name, [("VALUE", "DATE")], DateValueFormat.date(day))
        case .zoned(let date, let timeZone):
            let seconds = try CivilDateTime.seconds(of: date, "\(name) of event \(uid)")
            guard let wallClock = timeZone.firstOccurrenceWallClock(at: seconds) else {
                return ContentLine(name, CivilDateTime(secondsSince1970: seconds).basicFormat + "Z")
            }
            zones.record(timeZone, at: seconds, recurring: recurring)
            return ContentLine(name, [("TZID", ParameterValue.encoded(timeZone.identifier))], wallClock.basicFormat)
        }
    }
}
