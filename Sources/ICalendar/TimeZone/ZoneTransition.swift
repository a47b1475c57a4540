import Foundation

/// One change of a zone's UTC offset or daylight-saving flag, as Foundation reports it.
struct ZoneTransition: Hashable, Sendable {
    /// The instant of the change, in seconds since 1970 (UTC).
    var instant: Int
    /// The offset in force just before the change, in seconds east of UTC.
    var offsetFrom: Int
    /// The offset in force from the change on.
    var offsetTo: Int
    /// Whether daylight-saving time is in force from the change on.
    var isDaylight: Bool

    /// The wall-clock time of the change as read before it (RFC 5545 writes an observance's
    /// `DTSTART` in the `TZOFFSETFROM` offset).
    var localOnset: CivilDateTime {
        CivilDateTime(secondsSince1970: instant + offsetFrom)
    }

    /// The changes of `zone` after `start` up to and including `end`, oldest first, found with
    /// `TimeZone.nextDaylightSavingTimeTransition(after:)` (which reports every change of
    /// offset, not only daylight-saving ones). Changes of neither the offset nor the flag
    /// (a new abbreviation alone) are left out.
    static func list(in zone: TimeZone, after start: Int, through end: Int) -> [ZoneTransition] {
        var transitions: [ZoneTransition] = []
        var cursor = Date(timeIntervalSince1970: Double(start))
        let last = Date(timeIntervalSince1970: Double(end))
        // A bound on the loop, far above the two or so changes a year any zone has had.
        for _ in 0..<100_000 {
            guard let next = zone.nextDaylightSavingTimeTransition(after: cursor), next > cursor, next <= last else {
                break
            }
            cursor = next
            let instant = Int(next.timeIntervalSince1970.rounded(.down))
            let before = Date(timeIntervalSince1970: Double(instant - 1))
            let transition = ZoneTransition(
                instant: instant, offsetFrom: zone.secondsFromGMT(for: before),
                offsetTo: zone.secondsFromGMT(for: next),
                isDaylight: zone.isDaylightSavingTime(for: next))
            if transition.offsetFrom != transition.offsetTo
                || transition.isDaylight != zone.isDaylightSavingTime(for: before)
            {
                transitions.append(transition)
            }
        }
        return transitions
    }
}
