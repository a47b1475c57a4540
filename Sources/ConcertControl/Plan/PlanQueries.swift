import ConcertCore
import Foundation

/// The read-only questions of `io.concert.Plan`, answered from one state.
struct PlanQueries {
    static let interface = "io.concert.Plan"

    let state: PlanState
    let today: CalendarDate

    init(state: PlanState, now: Date) {
        self.state = state
        self.today = CalendarDate(now, in: state.timeZone)
    }

    struct ListMeasuresParameters: Codable, Sendable {
        var axis: Int?
        var objective: Int?
        var area: Int?
        var entity: String?
        var status: Stage?
        var overdue: Bool?
    }

    struct ListMeasuresReply: Codable, Sendable {
        var measures: [MeasureView]
    }

    func listMeasures(_ p: ListMeasuresParameters) throws(ControlError) -> ListMeasuresReply {
        let plan = state.plan
        if let axis = p.axis, !plan.axes.contains(where: { $0.number == axis }) {
            throw noSuch("axis", "\(axis)", "no axis \(axis); the plan has axes 1 to \(plan.axes.count)")
        }
        if let objective = p.objective, !plan.objectives.contains(where: { $0.number == objective }) {
            throw noSuch("objective", "\(objective)", "no objective \(objective); the plan has \(plan.objectives.count) objectives")
        }
        if let area = p.area, !plan.thematicAreas.contains(where: { $0.number == area }) {
            throw noSuch("area", "\(area)", "no thematic area \(area); the plan has \(plan.thematicAreas.count)")
        }
        if let entity = p.entity, !plan.entities.contains(where: { $0.id.rawValue == entity }) {
            throw noSuch("entity", entity, "no entity named \(entity); try concertctl entities")
        }
        let filter = MeasureFilter(
            axis: p.axis, objective: p.objective, thematicArea: p.area, entity: p.entity.map(EntityID.init),
            stage: p.status, overdue: p.overdue)
        return ListMeasuresReply(
            measures: state.measures(matching: filter, today: today).map { MeasureView($0, in: state, today: today) })
    }

    struct GetMeasureParameters: Codable, Sendable {
        var id: String
    }

    struct GetMeasureReply: Codable, Sendable {
        var measure: MeasureView
        var history: [HistoryEntryView]
    }

    func getMeasure(_ p: GetMeasureParameters) throws(ControlError) -> GetMeasureReply {
        guard let measure = state.measure(MeasureID(p.id)) else {
            throw ControlError(
                "\(Self.interface).NoSuchMeasure", message: "no measure named \(p.id); try concertctl measures",
                ["id": .string(p.id)])
        }
        return GetMeasureReply(
            measure: MeasureView(measure, in: state, today: today),
            history: state.progress(of: measure).history.map(HistoryEntryView.init))
    }

    struct StructureReply: Codable, Sendable {
        var id: String
        var title: String
        var timeZone: String
        var start: String
        var end: String
        var axes: [Axis]
        var objectives: [Objective]
        var thematicAreas: [ThematicArea]

        enum CodingKeys: String, CodingKey {
            case id, title, start, end, axes, objectives
            case timeZone = "time_zone"
            case thematicAreas = "thematic_areas"
        }
    }

    func structure() -> StructureReply {
        let plan = state.plan
        return StructureReply(
            id: plan.id, title: plan.title, timeZone: plan.timeZone, start: plan.start.description,
            end: plan.end.description, axes: plan.axes, objectives: plan.objectives, thematicAreas: plan.thematicAreas)
    }

    struct EntitiesReply: Codable, Sendable {
        var entities: [EntityView]
    }

    func entities() -> EntitiesReply {
        let byEntity = Dictionary(grouping: state.plan.focalPoints, by: \.entity)
        return EntitiesReply(entities: state.plan.entities.map { EntityView($0, focalPoints: byEntity[$0.id] ?? []) })
    }

    func summary() -> SummaryReply {
        SummaryReply(state.summary(today: today), today: today)
    }

    private func noSuch(_ parameter: String, _ value: String, _ message: String) -> ControlError {
        ControlError(
            "\(Self.interface).NoSuchFilterValue", message: message,
            ["parameter": .string(parameter), "value": .string(value)])
    }
}
