/// Where the focal-point network sends something, and why.
public struct Routing: Hashable, Sendable {
    /// Nil when nobody can take it (the entity has no focal point).
    public var focalPoint: FocalPointID?
    /// In words: "technical focal point of aima", "deputy of ..., away until ...".
    public var reason: String

    public init(focalPoint: FocalPointID?, reason: String) {
        self.focalPoint = focalPoint
        self.reason = reason
    }
}

extension PlanState {
    /// How many stand-ins are followed when the deputy is away too.
    static let maximumStandInSteps = 3

    /// The absence of a focal point that covers `day` (the latest declared), if any.
    public func absence(of focalPoint: FocalPointID, on day: CalendarDate) -> Absence? {
        absences.last { $0.focalPoint == focalPoint && $0.covers(day) }
    }

    /// Who handles on `day` what is addressed to `focalPoint`: the focal point itself, or while
    /// it is away its stand-in (the absence's deputy, else the declared deputy), following
    /// stand-ins who are away too, a few steps at most.
    public func standIn(for focalPoint: FocalPointID, on day: CalendarDate) -> Routing {
        var current = focalPoint
        var reasons: [String] = []
        var seen: Set<FocalPointID> = [focalPoint]
        for _ in 0..<Self.maximumStandInSteps {
            guard let away = absence(of: current, on: day) else { break }
            guard let deputy = away.deputy ?? self.focalPoint(current)?.deputy, seen.insert(deputy).inserted,
                self.focalPoint(deputy) != nil
            else {
                reasons.append("\(current) is away until \(away.to) and has no stand-in available")
                break
            }
            reasons.append("deputy of \(current), away until \(away.to)")
            current = deputy
        }
        return Routing(focalPoint: current, reason: reasons.joined(separator: "; "))
    }

    /// Where something for `entity` goes on `day`: its focal point at `level` (or at the other
    /// level when it has none at that one), or that person's stand-in while away.
    public func route(to entity: EntityID, level: FocalPoint.Level, on day: CalendarDate) -> Routing {
        let points = plan.focalPoints.filter { $0.entity == entity }
        guard let point = points.first(where: { $0.level == level }) ?? points.first else {
            return Routing(focalPoint: nil, reason: "\(entity) has no focal point; a coordinator must reassign it")
        }
        let first = "\(point.level.rawValue) focal point of \(entity)"
        let stand = standIn(for: point.id, on: day)
        return Routing(focalPoint: stand.focalPoint, reason: stand.reason.isEmpty ? first : "\(first); \(stand.reason)")
    }
}
