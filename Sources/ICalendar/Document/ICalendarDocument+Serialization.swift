extension ICalendarDocument {
    /// The document as RFC 5545 text: `BEGIN:VCALENDAR`, `PRODID`, `VERSION:2.0`,
    /// `CALSCALE:GREGORIAN`, `METHOD` if any, one `VTIMEZONE` per `TZID` written, the
    /// `VEVENT`s, `END:VCALENDAR`; every content line folded at 75 octets and ended by CRLF.
    ///
    /// Encode it as UTF-8 (`Data(text.utf8)`) for a file or a MIME part.
    ///
    /// - Throws: ``ICalendarError`` when an event cannot be written (see its codes), or the
    ///   document breaks a rule of scheduling messages.
    public func serialized() throws(ICalendarError) -> String {
        guard productID.unicodeScalars.contains(where: { !$0.properties.isWhitespace && !TextValue.isControl($0) })
        else { throw ICalendarError(.invalidIdentifier, "the document has an empty PRODID") }
        try checkSchedulingRules()
        try checkDistinctEvents()

        var zones = ZoneUsage()
        var eventLines: [ContentLine] = []
        for event in events {
            eventLines += try event.contentLines(zones: &zones)
        }
        var lines = [
            ContentLine("BEGIN", "VCALENDAR"), ContentLine("PRODID", TextValue.escaped(productID)),
            ContentLine("VERSION", "2.0"), ContentLine("CALSCALE", "GREGORIAN"),
        ]
        if let method {
            lines.append(ContentLine("METHOD", method.rawValue))
        }
        for zone in try zones.timeZones() {
            lines += try zone.contentLines()
        }
        lines += eventLines
        lines.append(ContentLine("END", "VCALENDAR"))
        return lines.map { $0.folded() }.joined()
    }

    /// No two events share a `UID` and a `RECURRENCE-ID` (RFC 5545 3.8.4.4).
    private func checkDistinctEvents() throws(ICalendarError) {
        var seen: Set<EventKey> = []
        for event in events where !seen.insert(EventKey(uid: event.uid, recurrenceID: event.recurrenceID)).inserted {
            throw ICalendarError(
                .duplicateEvent,
                event.recurrenceID == nil
                    ? "two events have UID \(event.uid) and no RECURRENCE-ID"
                    : "two events have UID \(event.uid) and the same RECURRENCE-ID")
        }
    }

    private struct EventKey: Hashable {
        var uid: String
        var recurrenceID: ICalendarEventTime?
    }
}
