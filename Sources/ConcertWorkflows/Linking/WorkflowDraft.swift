import ConcertCore

/// Everything read from a plan folder so far: the decoded values, the symbol tables and
/// the checks that must wait until every file is read.
///
/// Decoders append only values they could read completely; a value with a problem is left
/// out, and the problem is in the log, so the draft only becomes a `Plan` when the log is
/// empty. A new section adds its values, tables and deferred checks here.
struct WorkflowDraft {
    struct Header {
        var id: String
        var title: String
        var timeZone: String
        var start: Located<CalendarDate>
        var end: Located<CalendarDate>
    }

    /// A deadline to compare with the plan's span once the `plan` section is known.
    struct DeadlineCheck {
        var date: Located<CalendarDate>
        var subject: String
    }

    /// A body's cadence, to check against the plan's time zone once every file is read.
    struct CadenceCheck {
        var rule: Located<RecurrenceRule>
        var first: Located<LocalDateTime>
        /// The cadence's own time zone; the plan's when nil.
        var timeZone: String?
        /// How messages name the cadence, e.g. `cadence of body committee`.
        var subject: String
    }

    /// An agenda step of an escalation ladder: its body must meet (have a cadence).
    struct AgendaCheck {
        var body: Located<BodyID>
        /// How messages name the step, e.g. `step #3 of ladder standard`.
        var subject: String
    }

    /// Top-level section keys seen, with their first place.
    var sections: [String: SourceLocation] = [:]

    var header: Header?
    var axes: [Axis] = []
    var objectives: [Objective] = []
    var thematicAreas: [ThematicArea] = []
    var entities: [Entity] = []
    var focalPoints: [FocalPoint] = []
    var measures: [Measure] = []
    var bodies: [Body] = []
    /// The `calendar` section; nil when no file declares it (or it has a problem).
    var calendar: BusinessCalendarDeclaration?
    /// The `monitoring` section; nil when no file declares it (or it has a problem).
    var monitoring: MonitoringPolicy?

    var axisTable = SymbolTable<Int>(noun: "axis")
    var objectiveTable = SymbolTable<Int>(noun: "objective")
    var thematicAreaTable = SymbolTable<Int>(noun: "thematic area")
    var entityTable = SymbolTable<EntityID>(noun: "entity")
    var focalPointTable = SymbolTable<FocalPointID>(noun: "focal point")
    var measureTable = SymbolTable<MeasureID>(noun: "measure")
    var bodyTable = SymbolTable<BodyID>(noun: "body")

    var references: [Reference] = []
    var deadlines: [DeadlineCheck] = []
    var cadences: [CadenceCheck] = []
    var agendaSteps: [AgendaCheck] = []
    /// Entity → its parent, as written, for the cycle check.
    var parents: [EntityID: Located<EntityID>] = [:]

    mutating func refer(to target: Reference.Target, from subject: String, at location: SourceLocation) {
        references.append(Reference(target: target, subject: subject, location: location))
    }

    /// The plan, when the `plan` section was read; call only when the log is empty.
    func makePlan() -> Plan? {
        guard let header else { return nil }
        var bodies = bodies
        for index in bodies.indices where bodies[index].cadence != nil && bodies[index].timeZone == nil {
            bodies[index].timeZone = header.timeZone
        }
        return Plan(
            id: header.id, title: header.title, timeZone: header.timeZone, start: header.start.value,
            end: header.end.value, axes: axes, objectives: objectives, thematicAreas: thematicAreas,
            measures: measures, entities: entities, focalPoints: focalPoints, bodies: bodies,
            calendar: calendar ?? .standard, monitoring: monitoring ?? .none)
    }
}
