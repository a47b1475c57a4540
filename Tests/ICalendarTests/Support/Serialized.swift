import ICalendar

extension ICalendarDocument {
    /// The serialized document's content lines, unfolded, without CRLF.
    func unfoldedLines() throws -> [String] {
        try serialized().replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast()
    }
}

extension ICalendarEvent {
    /// A copy with `change` applied.
    func with(_ change: (inout ICalendarEvent) -> Void) -> ICalendarEvent {
        var copy = self
        change(&copy)
        return copy
    }

    /// A one-event document without a method.
    func document(method: ICalendarMethod? = nil) -> ICalendarDocument {
        ICalendarDocument(productID: "-//Concert//Tests//EN", method: method, events: [self])
    }
}
