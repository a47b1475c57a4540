/// The hours of a working day, from `start` (inclusive) to `end` (exclusive), local time.
public struct WorkingHours: Hashable, Sendable, CustomStringConvertible {
    public let start: LocalTime
    public let end: LocalTime

    /// Creates working hours, or returns nil unless `start` is before `end`.
    public init?(start: LocalTime, end: LocalTime) {
        guard start < end else { return nil }
        self.start = start
        self.end = end
    }

    /// 09:00 to 17:30, the default.
    public static let standard = WorkingHours(
        uncheckedStart: LocalTime(uncheckedHour: 9, minute: 0), end: LocalTime(uncheckedHour: 17, minute: 30))

    private init(uncheckedStart start: LocalTime, end: LocalTime) {
        self.start = start
        self.end = end
    }

    /// Whether `time` is within the hours: at or after `start` and before `end`.
    public func contains(_ time: LocalTime) -> Bool { start <= time && time < end }

    /// `09:00-17:30`.
    public var description: String { "\(start)-\(end)" }
}

extension WorkingHours: Codable {
    private enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(LocalTime.self, forKey: .start)
        let end = try container.decode(LocalTime.self, forKey: .end)
        guard let hours = WorkingHours(start: start, end: end) else {
            throw DecodingError.dataCorruptedError(
                forKey: .end, in: container,
                debugDescription: "working hours end (\(end)) is not after start (\(start))")
        }
        self = hours
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }
}
