/// The check of `RRULE` text (RFC 5545 3.3.10) before it is written.
///
/// The writer does not expand rules; it makes sure the text is one well-formed rule that fits
/// the event, so a reader never gets a property it must reject and nothing in the text can
/// reach past the value (it may only hold letters, digits, `=`, `;`, `,`, `+` and `-`).
enum RecurrenceRuleText {
    private static let frequencies: Set<Substring> = [
        "SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY",
    ]
    private static let weekdays: Set<Substring> = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]

    /// The rule in upper case, checked against the grammar and against `start`.
    ///
    /// - Parameters:
    ///   - text: The rule without the `RRULE:` name, e.g. `FREQ=WEEKLY;COUNT=4`.
    ///   - start: The event's start: `UNTIL` must be a UTC date-time for a timed start and a
    ///     date for an all-day one.
    /// - Throws: ``ICalendarError/Code/invalidRecurrenceRule``.
    static func validated(_ text: String, start: ICalendarEventTime) throws(ICalendarError) -> String {
        guard !text.isEmpty, text.unicodeScalars.allSatisfy(isRuleCharacter) else {
            throw invalid(text, "may only hold ASCII letters, digits and = ; , + -")
        }
        let rule = text.uppercased()
        var seen: Set<Substring> = []
        for part in rule.split(separator: ";", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2, !pieces[1].isEmpty else { throw invalid(text, "'\(part)' is not NAME=VALUE") }
            let (name, value) = (pieces[0], pieces[1])
            guard seen.insert(name).inserted else { throw invalid(text, "\(name) appears twice") }
            guard try isValid(name: name, value: value, start: start, text: text) else {
                throw invalid(text, "'\(value)' is not a value of \(name)")
            }
        }
        guard seen.contains("FREQ") else { throw invalid(text, "FREQ is missing") }
        guard !(seen.contains("COUNT") && seen.contains("UNTIL")) else {
            throw invalid(text, "COUNT and UNTIL cannot both be given")
        }
        return rule
    }

    /// Whether `value` is a valid value of the rule part `name`.
    private static func isValid(
        name: Substring, value: Substring, start: ICalendarEventTime, text: String
    ) throws(ICalendarError) -> Bool {
        switch name {
        case "FREQ": return frequencies.contains(value)
        case "UNTIL": return isValidUntil(value, start: start)
        case "COUNT", "INTERVAL": return integer(value).map { $0 >= 1 } ?? false
        case "BYSECOND": return list(value) { integer($0).map { (0...60).contains($0) } ?? false }
        case "BYMINUTE": return list(value) { integer($0).map { (0...59).contains($0) } ?? false }
        case "BYHOUR": return list(value) { integer($0).map { (0...23).contains($0) } ?? false }
        case "BYDAY": return list(value, isWeekdayNumber)
        case "BYMONTHDAY": return list(value) { signedOrdinal($0, upTo: 31) }
        case "BYYEARDAY", "BYSETPOS": return list(value) { signedOrdinal($0, upTo: 366) }
        case "BYWEEKNO": return list(value) { signedOrdinal($0, upTo: 53) }
        case "BYMONTH": return list(value) { integer($0).map { (1...12).contains($0) } ?? false }
        case "WKST": return weekdays.contains(value)
        default: throw invalid(text, "\(name) is not a rule part of RFC 5545")
        }
    }

    /// `UNTIL`: a date for an all-day start; a UTC date-time (`...T...Z`) for a timed one.
    private static func isValidUntil(_ value: Substring, start: ICalendarEventTime) -> Bool {
        let chars = Array(value)
        let datePart = String(chars.prefix(8))
        guard chars.count >= 8, let y = Int(datePart.prefix(4)), let m = Int(datePart.dropFirst(4).prefix(2)),
            let d = Int(datePart.suffix(2)), datePart.allSatisfy(\.isASCIIDigit),
            ICalendarDate(year: y, month: m, day: d) != nil
        else { return false }
        if start.isAllDay { return chars.count == 8 }
        guard chars.count == 16, chars[8] == "T", chars[15] == "Z", chars[9..<15].allSatisfy(\.isASCIIDigit),
            let hh = Int(String(chars[9..<11])), let mm = Int(String(chars[11..<13])),
            let ss = Int(String(chars[13..<15]))
        else { return false }
        return hh < 24 && mm < 60 && ss <= 60
    }

    /// `[+|-][1-53]` followed by a weekday, e.g. `TU`, `2TU`, `-1SU`.
    private static func isWeekdayNumber(_ item: Substring) -> Bool {
        guard item.count >= 2, weekdays.contains(item.suffix(2)) else { return false }
        let ordinal = item.dropLast(2)
        return ordinal.isEmpty || signedOrdinal(ordinal, upTo: 53)
    }

    /// `[+|-]n` with `1 <= n <= limit`.
    private static func signedOrdinal(_ item: Substring, upTo limit: Int) -> Bool {
        let magnitude = item.first == "+" || item.first == "-" ? item.dropFirst() : item
        return integer(magnitude).map { (1...limit).contains($0) } ?? false
    }

    /// A comma-separated list, every item of which satisfies `isValid`.
    private static func list(_ value: Substring, _ isValid: (Substring) -> Bool) -> Bool {
        value.split(separator: ",", omittingEmptySubsequences: false).allSatisfy(isValid)
    }

    /// Unsigned decimal digits (at most 9), as a number.
    private static func integer(_ item: Substring) -> Int? {
        guard (1...9).contains(item.count), item.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(item)
    }

    private static func isRuleCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "=", ";", ",", "+", "-": return true
        default: return false
        }
    }

    private static func invalid(_ text: String, _ reason: String) -> ICalendarError {
        ICalendarError(.invalidRecurrenceRule, "RRULE '\(text.debugDescription.dropFirst().dropLast())': \(reason)")
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0 to 9.
    var isASCIIDigit: Bool {
        ("0"..."9").contains(self)
    }
}
