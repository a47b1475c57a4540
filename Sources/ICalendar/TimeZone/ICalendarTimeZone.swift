import Foundation

/// A `VTIMEZONE` (RFC 5545 3.6.5): the offsets of one zone over the span a document needs,
/// built from Foundation's `TimeZone` so that a reader needs no time zone database of its own.
///
/// The observances are:
/// 1. the one in force at the start of the span (from the last change before it, or, for a
///    zone that has not changed in the year before, one `STANDARD` from 1970 on: so UTC or a
///    fixed offset gets a single `STANDARD`);
/// 2. one per change of offset within the span, each with its own `DTSTART`;
/// 3. for a span that recurring events run past (`recurring`), the changes of the 25 years
///    after it: summarised as one `DAYLIGHT` and one `STANDARD` with a yearly `RRULE` when a
///    yearly rule fits every one of those changes, listed one by one when none does.
///
/// `TZNAME` is the tz database's abbreviation (`WET`, `WEST`) where the system has the zone's
/// TZif file and it agrees with Foundation on the offset, and Foundation's abbreviation
/// (`GMT+1`) where it does not.
public struct ICalendarTimeZone: Hashable, Sendable {
    /// One `STANDARD` or `DAYLIGHT` sub-component.
    public struct Observance: Hashable, Sendable {
        /// Which sub-component.
        public enum Kind: String, Hashable, Sendable {
            /// `STANDARD`.
            case standard = "STANDARD"
            /// `DAYLIGHT`.
            case daylight = "DAYLIGHT"
        }

        /// `STANDARD` or `DAYLIGHT`.
        public let kind: Kind
        /// The instant of the (first) onset; `DTSTART` writes it as wall-clock time in ``offsetFrom``.
        public let onset: Date
        /// `TZOFFSETFROM`, in seconds east of UTC.
        public let offsetFrom: Int
        /// `TZOFFSETTO`, in seconds east of UTC.
        public let offsetTo: Int
        /// `TZNAME`, if known.
        public let name: String?
        /// `RRULE` of a yearly repeating onset, e.g. `FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`; nil for
        /// a single onset.
        public let yearlyRule: String?
    }

    /// `TZID`: the `TimeZone`'s identifier.
    public let identifier: String
    /// The sub-components, oldest onset first.
    public let observances: [Observance]

    /// How far past the span a recurring span is described.
    static let recurringHorizonYears = 25

    /// Describes `timeZone` over `span`.
    ///
    /// - Parameters:
    ///   - timeZone: The zone.
    ///   - span: The earliest and latest instants the document writes in the zone.
    ///   - recurring: Whether recurring events use the zone, so that it must also be
    ///     described after the span.
    /// - Throws: ``ICalendarError/Code/dateOutOfRange`` for a span outside years 1 to 9999.
    public init(_ timeZone: TimeZone, covering span: ClosedRange<Date>, recurring: Bool = false) throws(ICalendarError)
    {
        let low = try CivilDateTime.seconds(of: span.lowerBound, "the start of the time zone's span")
        let high = try CivilDateTime.seconds(of: span.upperBound, "the end of the time zone's span")
        let names = TZifAbbreviations(identifier: timeZone.identifier)
        func observance(_ change: ZoneTransition, rule: YearlyTransitionRule? = nil) -> Observance {
            let onset = Date(timeIntervalSince1970: Double(change.instant))
            return Observance(
                kind: change.isDaylight ? .daylight : .standard, onset: onset, offsetFrom: change.offsetFrom,
                offsetTo: change.offsetTo,
                name: names?.abbreviation(at: change.instant, offset: change.offsetTo)
                    ?? timeZone.abbreviation(for: onset),
                yearlyRule: rule?.text)
        }

        let yearBefore = max(low - 400 * 86_400, CivilDateTime.earliestSeconds)
        var changes: [ZoneTransition] = []
        if let prior = ZoneTransition.list(in: timeZone, after: yearBefore, through: low).last {
            changes.append(prior)
        } else {
            let lowDate = Date(timeIntervalSince1970: Double(low))
            let offset = timeZone.secondsFromGMT(for: lowDate)
            changes.append(
                ZoneTransition(
                    instant: min(low, -offset), offsetFrom: offset, offsetTo: offset,
                    isDaylight: timeZone.isDaylightSavingTime(for: lowDate)))
        }
        changes += ZoneTransition.list(in: timeZone, after: low, through: high)
        var observances = changes.map { observance($0) }

        if recurring {
            let horizon = min(
                high + ICalendarTimeZone.recurringHorizonYears * 366 * 86_400, CivilDateTime.latestSeconds)
            let later = ZoneTransition.list(in: timeZone, after: high, through: horizon)
            if let summary = ICalendarTimeZone.summarise(later, horizon: horizon) {
                observances += summary.map { observance($0.change, rule: $0.rule) }
            } else {
                observances += later.map { observance($0) }
            }
        }
        self.identifier = timeZone.identifier
        self.observances = observances
    }

    /// Two yearly rules that give every change in `later` (alternating changes, each kind once
    /// a year, up to within a year of `horizon`), with the first change of each; nil when
    /// there are none or no pair of rules fits.
    private static func summarise(
        _ later: [ZoneTransition], horizon: Int
    ) -> [(change: ZoneTransition, rule: YearlyTransitionRule)]? {
        guard later.count >= 4, let last = later.last, last.instant > horizon - 400 * 86_400 else { return nil }
        var summary: [(change: ZoneTransition, rule: YearlyTransitionRule)] = []
        for parity in 0..<2 {
            let group = later.enumerated().filter { $0.offset % 2 == parity }.map(\.element)
            let first = group[0]
            guard
                group.allSatisfy({
                    $0.offsetFrom == first.offsetFrom && $0.offsetTo == first.offsetTo
                        && $0.isDaylight == first.isDaylight
                }),
                let rule = YearlyTransitionRule.fitting(group)
            else { return nil }
            summary.append((first, rule))
        }
        return summary
    }
}
