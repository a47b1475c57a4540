import Foundation

extension RecurrenceRule {
    /// Parses an RRULE value such as `FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU`.
    ///
    /// Parts are `NAME=VALUE` separated by `;`, in any order, each at most once; names and
    /// values are case-insensitive and an `RRULE:` prefix is allowed. `UNTIL` is a date
    /// (`20261231`) or a UTC date-time (`20261231T235959Z`); a floating local date-time is
    /// refused, since RFC 5545 requires UTC when the start has a time zone.
    ///
    /// - Throws: `RecurrenceRuleError` naming the first part at fault.
    public init(parsing text: String) throws(RecurrenceRuleError) {
        var body = text.trimmingCharacters(in: .whitespaces)
        if body.uppercased().hasPrefix("RRULE:") { body = String(body.dropFirst(6)) }
        guard !body.isEmpty else { throw RecurrenceRuleError(.syntax, part: nil, "the RRULE is empty") }
        var values: [String: String] = [:]
        for piece in body.split(separator: ";", omittingEmptySubsequences: false) {
            let (name, value) = try RecurrenceRule.namedValue(piece)
            guard values[name] == nil else {
                throw RecurrenceRuleError(.duplicatePart, part: name, "\(name) appears more than once")
            }
            try RecurrenceRule.checkKnown(name)
            values[name] = value
        }
        guard let frequencyText = values["FREQ"] else {
            throw RecurrenceRuleError(
                .missingFrequency, part: "FREQ", "FREQ is missing: every RRULE needs one, e.g. FREQ=MONTHLY")
        }
        let frequency = try RecurrenceRule.frequency(frequencyText)
        let interval = try values["INTERVAL"].map { text throws(RecurrenceRuleError) in
            try RecurrenceRule.number(text, part: "INTERVAL", signed: false)
        }
        let count = try values["COUNT"].map { text throws(RecurrenceRuleError) in
            try RecurrenceRule.number(text, part: "COUNT", signed: false)
        }
        let until = try values["UNTIL"].map { text throws(RecurrenceRuleError) in try RecurrenceRule.until(text) }
        let end: End
        switch (count, until) {
        case (.some, .some):
            throw RecurrenceRuleError(.conflict, part: "COUNT", "COUNT and UNTIL must not both be given (RFC 5545)")
        case let (count?, nil): end = .count(count)
        case let (nil, until?): end = .until(until)
        case (nil, nil): end = .never
        }
        try self.init(
            frequency: frequency, interval: interval ?? 1, end: end,
            byMonth: RecurrenceRule.numbers(values["BYMONTH"], part: "BYMONTH", signed: false),
            byMonthDay: RecurrenceRule.numbers(values["BYMONTHDAY"], part: "BYMONTHDAY", signed: true),
            byDay: RecurrenceRule.weekdayOccurrences(values["BYDAY"]),
            bySetPosition: RecurrenceRule.numbers(values["BYSETPOS"], part: "BYSETPOS", signed: true),
            weekStart: values["WKST"].map { text throws(RecurrenceRuleError) in
                try RecurrenceRule.weekday(text, part: "WKST")
            } ?? .monday)
    }

    private static let supportedParts: Set<String> = [
        "FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "WKST",
    ]

    private static func namedValue(_ piece: Substring) throws(RecurrenceRuleError) -> (String, String) {
        let trimmed = piece.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw RecurrenceRuleError(
                .syntax, part: nil, "empty rule part (two ';' in a row, or a ';' at the start or end)")
        }
        guard let equals = trimmed.firstIndex(of: "=") else {
            throw RecurrenceRuleError(
                .syntax, part: nil, "'\(trimmed)' is not a rule part: parts are NAME=VALUE separated by ';'")
        }
        let name = trimmed[..<equals].trimmingCharacters(in: .whitespaces).uppercased()
        let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces).uppercased()
        guard !name.isEmpty else {
            throw RecurrenceRuleError(.syntax, part: nil, "'\(trimmed)' has no part name before '='")
        }
        guard !value.isEmpty else { throw RecurrenceRuleError(.syntax, part: name, "\(name) has no value") }
        return (name, value)
    }

    private static func checkKnown(_ name: String) throws(RecurrenceRuleError) {
        guard !supportedParts.contains(name) else { return }
        switch name {
        case "BYHOUR", "BYMINUTE", "BYSECOND":
            throw RecurrenceRuleError(
                .unsupported, part: name,
                "\(name) is not supported: every occurrence starts at the time of day of the first one")
        case "BYWEEKNO", "BYYEARDAY":
            throw RecurrenceRuleError(
                .unsupported, part: name, "\(name) is not supported; use BYMONTH, BYMONTHDAY or BYDAY")
        default:
            throw RecurrenceRuleError(
                .unknownPart, part: name,
                "unknown rule part '\(name)' (supported: \(supportedParts.sorted().joined(separator: ", ")))")
        }
    }

    private static func frequency(_ text: String) throws(RecurrenceRuleError) -> Frequency {
        if let frequency = Frequency(rawValue: text) { return frequency }
        if ["SECONDLY", "MINUTELY", "HOURLY"].contains(text) {
            throw RecurrenceRuleError(
                .unsupported, part: "FREQ", "FREQ=\(text) is not supported: use DAILY, WEEKLY, MONTHLY or YEARLY")
        }
        throw RecurrenceRuleError(
            .invalidValue, part: "FREQ", "FREQ=\(text) is not a frequency (DAILY, WEEKLY, MONTHLY or YEARLY)")
    }

    /// A whole number of at most 18 digits, with a sign when `signed`.
    private static func number(_ text: String, part: String, signed: Bool) throws(RecurrenceRuleError) -> Int {
        var digits = Substring(text)
        var negative = false
        if signed, let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.utf8.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = Int(digits)
        else {
            let form = signed ? "a whole number, optionally signed" : "a whole number"
            throw RecurrenceRuleError(.invalidValue, part: part, "\(part) value '\(text)' is not \(form)")
        }
        return negative ? -value : value
    }

    private static func numbers(_ text: String?, part: String, signed: Bool) throws(RecurrenceRuleError) -> [Int] {
        guard let text else { return [] }
        var result: [Int] = []
        for item in try items(text, part: part) {
            result.append(try number(String(item), part: part, signed: signed))
        }
        return result
    }

    private static func items(_ text: String, part: String) throws(RecurrenceRuleError) -> [Substring] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        guard items.allSatisfy({ !$0.isEmpty }) else {
            throw RecurrenceRuleError(.syntax, part: part, "\(part) has an empty item in '\(text)'")
        }
        return items
    }

    private static func weekday(_ text: String, part: String) throws(RecurrenceRuleError) -> Weekday {
        guard let weekday = Weekday(rawValue: text) else {
            throw RecurrenceRuleError(
                .invalidValue, part: part, "\(part) '\(text)' is not a weekday (MO, TU, WE, TH, FR, SA, SU)")
        }
        return weekday
    }

    private static func weekdayOccurrences(_ text: String?) throws(RecurrenceRuleError) -> [WeekdayOccurrence] {
        guard let text else { return [] }
        var result: [WeekdayOccurrence] = []
        for item in try items(text, part: "BYDAY") {
            guard item.count >= 2, let weekday = Weekday(rawValue: String(item.suffix(2))) else {
                throw RecurrenceRuleError(
                    .invalidValue, part: "BYDAY",
                    "BYDAY '\(item)' is not a weekday (MO, TU, WE, TH, FR, SA, SU), "
                        + "optionally after an ordinal such as 2TU or -1FR")
            }
            let prefix = item.dropLast(2)
            guard !prefix.isEmpty else {
                result.append(WeekdayOccurrence(weekday))
                continue
            }
            guard let ordinal = try? number(String(prefix), part: "BYDAY", signed: true) else {
                throw RecurrenceRuleError(
                    .invalidValue, part: "BYDAY", "BYDAY '\(item)' has an ordinal that is not a whole number")
            }
            result.append(WeekdayOccurrence(weekday, ordinal: ordinal))
        }
        return result
    }

    /// `YYYYMMDD` or `YYYYMMDDTHHMMSSZ`.
    private static func until(_ text: String) throws(RecurrenceRuleError) -> Until {
        let form = "UNTIL '\(text)' must be a date (YYYYMMDD) or a UTC date-time (YYYYMMDDTHHMMSSZ)"
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes.count == 8 || bytes.count == 15 || bytes.count == 16,
            let year = digits(0..<4), let month = digits(4..<6), let day = digits(6..<8)
        else { throw RecurrenceRuleError(.invalidValue, part: "UNTIL", form) }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            throw RecurrenceRuleError(.invalidValue, part: "UNTIL", "UNTIL '\(text)' is not a real day")
        }
        if bytes.count == 8 { return .date(date) }
        guard bytes[8] == UInt8(ascii: "T"), let hour = digits(9..<11), let minute = digits(11..<13),
            let second = digits(13..<15)
        else { throw RecurrenceRuleError(.invalidValue, part: "UNTIL", form) }
        guard bytes.count == 16, bytes[15] == UInt8(ascii: "Z") else {
            throw RecurrenceRuleError(
                .invalidValue, part: "UNTIL",
                "UNTIL '\(text)' is a local date-time; write it in UTC with a final Z (YYYYMMDDTHHMMSSZ)")
        }
        guard hour < 24, minute < 60, second < 60 else {
            throw RecurrenceRuleError(.invalidValue, part: "UNTIL", "UNTIL '\(text)' is not a real time of day")
        }
        let seconds = date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second
        return .instant(Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
