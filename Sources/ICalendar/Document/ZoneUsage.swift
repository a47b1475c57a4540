import Foundation

/// The zones a document writes times in (as `TZID`), in order of first use, with the span of
/// instants written in each: what its `VTIMEZONE`s must cover.
struct ZoneUsage {
    /// One zone and the span of its instants.
    struct Entry {
        var timeZone: TimeZone
        var earliest: Int
        var latest: Int
        var recurring: Bool
    }

    private(set) var entries: [Entry] = []
    private var indexByIdentifier: [String: Int] = [:]

    /// Notes that an instant (seconds since 1970) is written as wall-clock time in `timeZone`.
    ///
    /// - Parameters:
    ///   - timeZone: The zone named by `TZID`.
    ///   - seconds: The instant.
    ///   - recurring: Whether the value belongs to a recurring event, whose occurrences run
    ///     past the instant.
    mutating func record(_ timeZone: TimeZone, at seconds: Int, recurring: Bool) {
        if let index = indexByIdentifier[timeZone.identifier] {
            entries[index].earliest = min(entries[index].earliest, seconds)
            entries[index].latest = max(entries[index].latest, seconds)
            entries[index].recurring = entries[index].recurring || recurring
        } else {
            indexByIdentifier[timeZone.identifier] = entries.count
            entries.append(Entry(timeZone: timeZone, earliest: seconds, latest: seconds, recurring: recurring))
        }
    }

    /// A `VTIMEZONE` for each zone used.
    func timeZones() throws(ICalendarError) -> [ICalendarTimeZone] {
        var zones: [ICalendarTimeZone] = []
        for entry in entries {
            let span =
                Date(timeIntervalSince1970: Double(entry.earliest))...Date(timeIntervalSince1970: Double(entry.latest))
            zones.append(try ICalendarTimeZone(entry.timeZone, covering: span, recurring: entry.recurring))
        }
        return zones
    }
}
