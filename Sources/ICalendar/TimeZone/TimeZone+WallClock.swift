import Foundation

extension TimeZone {
    /// The wall-clock time of `seconds` (since 1970, UTC) in this zone, or nil when that
    /// wall-clock time happened earlier too and so names the earlier instant.
    ///
    /// When clocks go back, an hour of wall-clock time is lived twice; RFC 5545 3.3.5 reads
    /// a repeated local time as its first occurrence, so the second cannot be written as
    /// local time. An instant is the second occurrence when an earlier instant, under the
    /// larger offset in force before a recent change, has the same wall-clock time.
    func firstOccurrenceWallClock(at seconds: Int) -> CivilDateTime? {
        let offset = secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
        let wallClock = seconds + offset
        // No zone has moved its clock by a day or more at once; two days back covers any repeat.
        for change in ZoneTransition.list(in: self, after: seconds - 2 * 86_400, through: seconds)
        where change.offsetFrom > offset {
            let earlier = wallClock - change.offsetFrom
            if earlier < seconds, secondsFromGMT(for: Date(timeIntervalSince1970: Double(earlier))) == change.offsetFrom
            {
                return nil
            }
        }
        return CivilDateTime(secondsSince1970: wallClock)
    }
}
