import ConcertAgents
import ConcertCore
import Foundation
import Varlink

/// The calls of `io.concert.FocalPoints`: the network with who is away today, and absences.
struct FocalPointCommands {
    static let interface = "io.concert.FocalPoints"
    static let declared: Set<String> = [
        "NoSuchFocalPoint", "NoSuchEntity", "InvalidArgument", "RoleRequired", "NotRecorded",
    ]

    let ledger: Ledger
    let author: Author
    let now: @Sendable () -> Date

    private var commands: CoordinationCommands {
        CoordinationCommands(interface: Self.interface, declared: Self.declared, ledger: ledger, author: author)
    }

    struct ListParameters: Codable, Sendable {
        var entity: String?
    }

    func list(_ p: ListParameters) async throws(ControlError) -> [String: JSONValue] {
        let state = await ledger.currentState
        if let entity = p.entity, !state.plan.entities.contains(where: { $0.id.rawValue == entity }) {
            throw commands.error(for: CommandRejection(.noSuchEntity(EntityID(entity))))
        }
        let today = CalendarDate(now(), in: state.timeZone)
        let points = state.plan.focalPoints.filter { p.entity == nil || $0.entity.rawValue == p.entity }
        return ["focal_points": .array(points.map { view($0, in: state, today: today) })]
    }

    struct SetAwayParameters: Codable, Sendable {
        var id: String
        var from: String
        var to: String
        var deputy: String?
    }

    func setAway(_ p: SetAwayParameters) async throws(ControlError) -> [String: JSONValue] {
        guard let from = CalendarDate(iso: p.from) else { throw notADay("from", p.from) }
        guard let to = CalendarDate(iso: p.to) else { throw notADay("to", p.to) }
        let absence = Absence(
            focalPoint: FocalPointID(p.id), from: from, to: to, deputy: p.deputy.map(FocalPointID.init))
        _ = try await commands.submit(.setAway(absence))
        let state = await ledger.currentState
        let today = CalendarDate(now(), in: state.timeZone)
        let stand = state.standIn(for: absence.focalPoint, on: max(from, today))
        return [
            "absence": Self.absence(absence),
            "stand_in": .string(stand.focalPoint?.rawValue ?? p.id),
            "routing": .string(stand.reason),
        ]
    }

    private func view(_ point: FocalPoint, in state: PlanState, today: CalendarDate) -> JSONValue {
        let away = state.absence(of: point.id, on: today)
        let stand = away == nil ? nil : state.standIn(for: point.id, on: today)
        let ahead = state.absences.filter { $0.focalPoint == point.id && $0.to >= today }.sorted { $0.from < $1.from }
        return .object([
            "id": .string(point.id.rawValue),
            "entity": .string(point.entity.rawValue),
            "level": .string(point.level.rawValue),
            "name": .string(point.name),
            "deputy": MeetingView.optional(point.deputy?.rawValue),
            "away": away.map(Self.absence) ?? .null,
            "stand_in": MeetingView.optional(stand?.focalPoint?.rawValue),
            "routing": .string(stand?.reason ?? ""),
            "absences": .array(ahead.map(Self.absence)),
        ])
    }

    static func absence(_ a: Absence) -> JSONValue {
        .object([
            "focal_point": .string(a.focalPoint.rawValue),
            "from": .string(a.from.description),
            "to": .string(a.to.description),
            "deputy": MeetingView.optional(a.deputy?.rawValue),
        ])
    }

    private func notADay(_ field: String, _ text: String) -> ControlError {
        commands.invalid(field, "\(field) '\(text)' is not a day in YYYY-MM-DD form")
    }
}
