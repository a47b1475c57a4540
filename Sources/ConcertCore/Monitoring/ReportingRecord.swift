/// What the monthly reporting cycle has recorded so far.
public struct ReportingRecord: Hashable, Codable, Sendable {
    /// Periods whose reminders went out.
    public var reminded: Set<ReportingPeriod>
    /// Reports recorded missing, as `MEASURE PERIOD`.
    public var missed: Set<String>

    public init(reminded: Set<ReportingPeriod> = [], missed: Set<String> = []) {
        self.reminded = reminded
        self.missed = missed
    }

    /// Whether the report of `measure` for `period` is recorded missing.
    public func isMissing(_ measure: MeasureID, for period: ReportingPeriod) -> Bool {
        missed.contains(Self.key(measure, period))
    }

    static func key(_ measure: MeasureID, _ period: ReportingPeriod) -> String { "\(measure) \(period)" }
}
