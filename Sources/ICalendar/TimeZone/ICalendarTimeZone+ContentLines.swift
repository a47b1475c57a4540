import Foundation

extension ICalendarTimeZone {
    /// The `VTIMEZONE` component as content lines.
    func contentLines() throws(ICalendarError) -> [ContentLine] {
        var lines = [ContentLine("BEGIN", "VTIMEZONE"), ContentLine("TZID", TextValue.escaped(identifier))]
        for observance in observances {
            let onset = try CivilDateTime.seconds(of: observance.onset, "a time zone observance")
            lines.append(ContentLine("BEGIN", observance.kind.rawValue))
            lines.append(
                ContentLine("DTSTART", CivilDateTime(secondsSince1970: onset + observance.offsetFrom).basicFormat))
            if let rule = observance.yearlyRule {
                lines.append(ContentLine("RRULE", rule))
            }
            lines.append(ContentLine("TZOFFSETFROM", DateValueFormat.utcOffset(observance.offsetFrom)))
            lines.append(ContentLine("TZOFFSETTO", DateValueFormat.utcOffset(observance.offsetTo)))
            if let name = observance.name, !name.isEmpty {
                lines.append(ContentLine("TZNAME", TextValue.escaped(name)))
            }
            lines.append(ContentLine("END", observance.kind.rawValue))
        }
        lines.append(ContentLine("END", "VTIMEZONE"))
        return lines
    }
}
