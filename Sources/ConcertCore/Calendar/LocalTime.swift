/// A time of day on a wall clock, to the minute (`HH:MM`), without a day or a time zone.
///
/// Working hours and a meeting's start are local times; which instant they name depends
/// on the day and the time zone (see `LocalDateTime.instant(in:)`).
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 0 to 23.
    public let hour: Int
    /// 0 to 59.
    public let minute: Int

    /// Creates a time, or returns nil unless `hour` is 0...23 and `minute` is 0...59.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses exactly `HH:MM` (two digits each, 00:00 to 23:59); anything else is nil.
    public init?(iso text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let hour = LocalTime.twoDigits(parts[0]), let minute = LocalTime.twoDigits(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// A time computed rather than read, known to be in range.
    init(uncheckedHour hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// Midnight, 00:00.
    public static let midnight = LocalTime(uncheckedHour: 0, minute: 0)

    /// Minutes since midnight, 0 to 1439.
    public var minuteOfDay: Int { hour * 60 + minute }

    public var description: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.minuteOfDay < rhs.minuteOfDay }

    static func twoDigits(_ text: Substring) -> Int? {
        guard text.utf8.count == 2, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        return Int(text)
    }
}

extension LocalTime: ISOText {
    public static var isoForm: String { "a time of day in HH:MM form" }
}
