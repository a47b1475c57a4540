import Foundation

extension RecurrenceRule: CustomStringConvertible {
    /// The canonical RRULE text: `FREQ;INTERVAL;COUNT|UNTIL;BYMONTH;BYMONTHDAY;BYDAY;BYSETPOS;WKST`,
    /// with `INTERVAL=1` and `WKST=MO` left out. Parsing it gives back an equal rule.
    public var description: String {
        var parts = ["FREQ=\(frequency.rawValue)"]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        switch end {
        case .never: break
        case let .count(count): parts.append("COUNT=\(count)")
        case let .until(until): parts.append("UNTIL=\(RecurrenceRule.text(of: until))")
        }
        func list(_ name: String, _ values: [some CustomStringConvertible]) {
            if !values.isEmpty { parts.append("\(name)=\(values.map(\.description).joined(separator: ","))") }
        }
        list("BYMONTH", byMonth)
        list("BYMONTHDAY", byMonthDay)
        list("BYDAY", byDay)
        list("BYSETPOS", bySetPosition)
        if weekStart != .monday { parts.append("WKST=\(weekStart.rawValue)") }
        return parts.joined(separator: ";")
    }

    /// `YYYYMMDD` or `YYYYMMDDTHHMMSSZ`.
    static func text(of until: Until) -> String {
        switch until {
        case let .date(date):
            return date.description.replacingOccurrences(of: "-", with: "")
        case let .instant(instant):
            let seconds = ZoneClock.seconds(of: instant)
            let day = ZoneClock.floorDivide(seconds, 86_400)
            let civil = CalendarDate.civil(fromDayNumber: day)
            let time = seconds - day * 86_400
            func pad(_ value: Int, _ width: Int) -> String {
                let text = String(value)
                return String(repeating: "0", count: max(0, width - text.count)) + text
            }
            return pad(civil.year, 4) + pad(civil.month, 2) + pad(civil.day, 2) + "T" + pad(time / 3600, 2)
                + pad(time / 60 % 60, 2) + pad(time % 60, 2) + "Z"
        }
    }
}

extension RecurrenceRule: Codable {
    /// Decodes the RRULE text, checked as `init(parsing:)` checks it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// Encodes the canonical RRULE text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
