import ConcertCore
import ConcertWorkflows
import Foundation
import Testing

/// The sample plan in `Workflows/pnipgm`, found from this file's path so the test works in
/// any checkout that keeps `Tests/` and `Workflows/` side by side.
let samplePlanDirectory: String = {
    let testFile = URL(fileURLWithPath: #filePath)
    return testFile.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Workflows/pnipgm").path
}()

@Suite struct SamplePlanTests {
    let plan: Plan

    init() throws {
        do {
            plan = try WorkflowLoader.load(directory: samplePlanDirectory)
        } catch {
            Issue.record("the sample plan has diagnostics:\n\(error)")
            throw error
        }
    }

    @Test func hasThePlanTree() {
        #expect(plan.id == "pnipgm")
        #expect(plan.timeZone == "Europe/Lisbon")
        #expect(plan.start == CalendarDate(year: 2019, month: 8, day: 20))
        #expect(plan.axes.map(\.number) == [1, 2, 3, 4, 5])
        #expect(plan.objectives.map(\.number) == Array(1...23))
        #expect(plan.objectives[22].title.hasPrefix("Strengthen international cooperation"))
        #expect(plan.thematicAreas.count == 5)
        #expect(
            plan.thematicAreas.map(\.objectives) == [
                [1, 3, 17, 23], [2, 7, 8, 12, 13, 23], [9, 10, 11, 14, 21, 23], [5, 6, 18, 19, 20, 23],
                [4, 15, 16, 22, 23],
            ])
        // Every objective sits in at least one area.
        #expect(Set(plan.thematicAreas.flatMap(\.objectives)) == Set(1...23))
    }

    @Test func hasMeasuresOnEveryAxisWithIllustrativeDeadlinesAroundToday() {
        #expect(plan.measures.count >= 30)
        #expect(Set(plan.measures.map(\.axis)) == [1, 2, 3, 4, 5])
        let dated = plan.measures.filter { !$0.continuous }
        #expect(dated.allSatisfy { $0.deadline != nil && $0.deadlineIsIllustrative })
        let reference = CalendarDate(year: 2026, month: 11, day: 1)!
        #expect(dated.filter { $0.deadline! < reference }.count >= 5)
        #expect(dated.filter { $0.deadline! > reference }.count >= 5)
        #expect(plan.measures.filter(\.continuous).count >= 3)
        #expect(plan.measures.contains { !$0.coResponsible.isEmpty })
        #expect(plan.measures.allSatisfy { $0.indicators.allSatisfy { !$0.unit.isEmpty } })
        #expect(plan.measures.filter { !$0.indicators.isEmpty }.count >= 30)
    }

    @Test func everyEntityHasAPoliticalAndATechnicalFocalPoint() {
        let levels = Dictionary(grouping: plan.focalPoints, by: \.entity).mapValues { Set($0.map(\.level)) }
        for entity in plan.entities {
            #expect(levels[entity.id] == [.political, .technical], "entity \(entity.id)")
        }
        #expect(plan.entities.filter { $0.kind == .areaOfGovernment }.count == 16)
        #expect(Set(plan.entities.map(\.kind)) == Set(Entity.Kind.allCases))
        #expect(plan.focalPoints.contains { $0.language == "en" })
        #expect(plan.focalPoints.filter { $0.deputy != nil }.count >= 5)
        #expect(
            plan.focalPoints.allSatisfy { point in
                point.channels.contains { $0.kind == .email && $0.address.hasSuffix("example.org") }
            })
        for id: EntityID in ["acm", "aima", "sef", "act", "om", "otsh", "iss", "at", "dgs", "cicdr", "iefp"] {
            #expect(plan.entities.contains { $0.id == id }, "entity \(id)")
        }
    }

    @Test func hasTheCoordinationBodies() throws {
        let bodies = Dictionary(uniqueKeysWithValues: plan.bodies.map { ($0.id, $0) })
        let committee = try #require(bodies["committee"])
        #expect(committee.kind == .committee)
        #expect(committee.chair == "pcm")
        #expect(committee.cadence == "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU")
        #expect(committee.timeZone == "Europe/Lisbon")
        #expect(bodies["secretaries-of-state"]?.cadence?.hasPrefix("FREQ=MONTHLY") == true)
        #expect(bodies["monitoring"]?.kind == .monitoring)
        #expect(bodies["monitoring"]?.chair == "aima")
        #expect(bodies["migration-council"]?.kind == .consultative)
        #expect(bodies["migration-council"]?.convocationNotice == 10)
        #expect(bodies["monitoring"]?.convocationNotice == 3)
        #expect(committee.convocationNotice == Body.defaultConveneWorkingDaysBefore)
        #expect(plan.bodies.contains { $0.kind == .thematicGroup && $0.cadence != nil })
        // A cadence without its own time zone takes the plan's.
        #expect(plan.bodies.allSatisfy { $0.cadence == nil || $0.timeZone == "Europe/Lisbon" })
    }

    @Test func hasLisbonsBusinessCalendarWithPortugalsHolidays() throws {
        #expect(plan.calendar.workingDays == Weekday.mondayToFriday)
        #expect(plan.calendar.workingHours.description == "09:00-17:30")
        #expect(plan.calendar.nationalHolidays == .portugal)
        #expect(plan.calendar.meetingOnHoliday == .moveToNextWorkingDay)
        let calendar = try plan.businessCalendar()
        #expect(calendar.timeZone.identifier == "Europe/Lisbon")
        #expect(calendar.holidays(in: 2027).count == 14)  // 13 national and Santo António
        #expect(!calendar.isWorkingDay(CalendarDate(iso: "2026-06-10")!))
    }

    @Test func hasTheMonthlyReportingCycleAndTheEscalationLadders() throws {
        let monitoring = plan.monitoring
        #expect(monitoring.reporting == ReportingCycle(opensOnDay: 25, dueOnDay: 5, remindWorkingDaysBefore: 3))
        #expect(monitoring.ladders.map(\.id) == ["standard", "urgent"])
        #expect(monitoring.defaultLadder == "standard")
        let standard = try #require(monitoring.ladder(named: "standard"))
        let urgent = try #require(monitoring.ladder(named: "urgent"))
        // Technical focal point, political focal point, the Secretaries of State's agenda, the committee's.
        let levels: [EscalationStep.Action] = [
            .notify(.technical), .notify(.political), .agenda("secretaries-of-state"), .agenda("committee"),
        ]
        #expect(standard.steps.map(\.action) == levels)
        #expect(urgent.steps.map(\.action) == levels)
        #expect(standard.steps.map(\.trigger) == [.workingDays(0), .workingDays(10), .workingDays(10), .afterMeeting])
        #expect(urgent.steps.map(\.trigger) == [.workingDays(0), .workingDays(5), .workingDays(5), .afterMeeting])
        // Every body a ladder puts on the agenda meets.
        let bodies = Dictionary(uniqueKeysWithValues: plan.bodies.map { ($0.id, $0) })
        for case let .agenda(body) in monitoring.ladders.flatMap(\.steps).map(\.action) {
            #expect(bodies[body]?.cadence != nil, "body \(body)")
        }
        // The Foreigners' Law amendment escalates faster; everything else takes the standard ladder.
        let measures = Dictionary(uniqueKeysWithValues: plan.measures.map { ($0.id, $0) })
        #expect(monitoring.ladder(for: try #require(measures["M08"])) == urgent)
        #expect(monitoring.ladder(for: try #require(measures["M09"])) == standard)
        #expect(monitoring.measureLadders.keys.allSatisfy { measures[$0] != nil })
        #expect(monitoring.fallbackLadder == standard)
    }

    /// Every cadence reads, starts at its first meeting, and keeps its local time.
    @Test func cadencesExpandFromTheirFirstMeeting() throws {
        let calendar = try plan.businessCalendar()
        for body in plan.bodies where body.cadence != nil {
            let recurrence = try #require(body.recurrence(defaultTimeZone: plan.timeZone), "\(body.id)")
            #expect(recurrence.firstLocalOccurrence?.description == body.firstMeeting, "\(body.id)")
            let first = try #require(recurrence.firstOccurrence)
            let year = recurrence.occurrences(from: first, through: first.addingTimeInterval(366 * 86_400))
            #expect(year.count >= 2, "\(body.id)")
            #expect(year.allSatisfy { LocalDateTime($0, in: calendar.timeZone).time == recurrence.start.time })
        }
        let committee = try #require(
            plan.bodies.first { $0.id == "committee" }?.recurrence(defaultTimeZone: plan.timeZone))
        let meetings = committee.occurrences(
            from: try #require(committee.firstOccurrence), through: Date(timeIntervalSince1970: 1_830_000_000), limit: 5
        )
        #expect(
            meetings.map { LocalDateTime($0, in: calendar.timeZone).description } == [
                "2026-01-13T10:00", "2026-04-14T10:00", "2026-07-14T10:00", "2026-10-13T10:00", "2027-01-12T10:00",
            ])
    }
}
