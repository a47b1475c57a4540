import ConcertCore
import Foundation

/// `io.concert.Plan.Measure` on the wire.
struct MeasureView: Codable, Sendable {
    struct IndicatorView: Codable, Sendable {
        var name: String
        var unit: String
        var target: Double?
        var value: Double?
    }

    var id: String
    var title: String
    var status: Stage
    var deadline: String?
    var deadlineIllustrative: Bool
    var continuous: Bool
    var overdue: Bool
    var axis: Int
    var objectives: [Int]
    var thematicAreas: [Int]
    var responsible: String
    var coResponsible: [String]
    var indicators: [IndicatorView]
    var lastReported: String?

    init(_ measure: Measure, in state: PlanState, today: CalendarDate) {
        let progress = state.progress(of: measure)
        id = measure.id.rawValue
        title = measure.title
        status = progress.stage
        deadline = progress.deadline?.description
        deadlineIllustrative = measure.deadlineIsIllustrative && progress.deadline == measure.deadline
        continuous = measure.continuous
        overdue = state.isOverdue(measure, today: today)
        axis = measure.axis
        objectives = measure.objectives
        thematicAreas = state.plan.thematicAreas
            .filter { area in measure.objectives.contains(where: area.objectives.contains) }
            .map(\.number)
        responsible = measure.responsible.rawValue
        coResponsible = measure.coResponsible.map(\.rawValue)
        indicators = measure.indicators.map {
            IndicatorView(name: $0.name, unit: $0.unit, target: $0.target, value: progress.indicatorValues[$0.name])
        }
        lastReported = progress.lastReportedAt.map(Timestamps.string)
    }
}

/// `io.concert.Plan.HistoryEntry` on the wire.
struct HistoryEntryView: Codable, Sendable {
    var sequence: Int64
    var at: String
    var by: String
    var role: String
    var kind: HistoryEntry.Kind
    var status: Stage
    var indicators: [String: Double]
    var note: String?
    var deadline: String?

    init(_ entry: HistoryEntry) {
        sequence = entry.sequence
        at = Timestamps.string(entry.at)
        by = entry.by.kind == .agent ? "agent:\(entry.by.name)" : entry.by.name
        role = entry.by.role.rawValue
        kind = entry.kind
        status = entry.stage
        indicators = entry.indicators
        note = entry.note
        deadline = entry.deadline?.description
    }
}

// Optional fields are sent as explicit nulls, so scripts see every documented key.
extension MeasureView {
    enum CodingKeys: String, CodingKey {
        case id, title, status, deadline, continuous, overdue, axis, objectives, responsible, indicators
        case deadlineIllustrative = "deadline_illustrative"
        case thematicAreas = "thematic_areas"
        case coResponsible = "co_responsible"
        case lastReported = "last_reported"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(status, forKey: .status)
        try c.encode(deadline, forKey: .deadline)
        try c.encode(deadlineIllustrative, forKey: .deadlineIllustrative)
        try c.encode(continuous, forKey: .continuous)
        try c.encode(overdue, forKey: .overdue)
        try c.encode(axis, forKey: .axis)
        try c.encode(objectives, forKey: .objectives)
        try c.encode(thematicAreas, forKey: .thematicAreas)
        try c.encode(responsible, forKey: .responsible)
        try c.encode(coResponsible, forKey: .coResponsible)
        try c.encode(indicators, forKey: .indicators)
        try c.encode(lastReported, forKey: .lastReported)
    }
}

extension MeasureView.IndicatorView {
    enum CodingKeys: String, CodingKey { case name, unit, target, value }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(unit, forKey: .unit)
        try c.encode(target, forKey: .target)
        try c.encode(value, forKey: .value)
    }
}

extension HistoryEntryView {
    enum CodingKeys: String, CodingKey { case sequence, at, by, role, kind, status, indicators, note, deadline }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sequence, forKey: .sequence)
        try c.encode(at, forKey: .at)
        try c.encode(by, forKey: .by)
        try c.encode(role, forKey: .role)
        try c.encode(kind, forKey: .kind)
        try c.encode(status, forKey: .status)
        try c.encode(indicators, forKey: .indicators)
        try c.encode(note, forKey: .note)
        try c.encode(deadline, forKey: .deadline)
    }
}
