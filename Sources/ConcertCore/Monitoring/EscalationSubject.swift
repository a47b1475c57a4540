/// What an escalation is about: an overdue measure, an overdue task, or a measure's missing
/// monthly report.
public enum EscalationSubject: Hashable, Codable, Sendable, CustomStringConvertible {
    case measure(MeasureID)
    case task(String)
    case report(MeasureID, period: ReportingPeriod)

    /// `measure`, `task` or `report`.
    public var kind: String {
        switch self {
        case .measure: return "measure"
        case .task: return "task"
        case .report: return "report"
        }
    }

    /// The measure it concerns, if any.
    public var measure: MeasureID? {
        switch self {
        case .measure(let id), .report(let id, _): return id
        case .task: return nil
        }
    }

    /// `measure M01`, `task T3`, `report M01 2027-01`.
    public var description: String {
        switch self {
        case .measure(let id): return "measure \(id)"
        case .task(let id): return "task \(id)"
        case .report(let id, let period): return "report \(id) \(period)"
        }
    }

    enum CodingKeys: String, CodingKey {
        case kind, id, period
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = try c.decode(String.self, forKey: .id)
        switch try c.decode(String.self, forKey: .kind) {
        case "measure": self = .measure(MeasureID(id))
        case "task": self = .task(id)
        case "report": self = .report(MeasureID(id), period: try c.decode(ReportingPeriod.self, forKey: .period))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown subject kind \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        switch self {
        case .measure(let id): try c.encode(id.rawValue, forKey: .id)
        case .task(let id): try c.encode(id, forKey: .id)
        case .report(let id, let period):
            try c.encode(id.rawValue, forKey: .id)
            try c.encode(period, forKey: .period)
        }
    }
}
