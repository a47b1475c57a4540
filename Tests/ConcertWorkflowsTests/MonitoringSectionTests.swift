import ConcertCore
import ConcertWorkflows
import Foundation
import Testing

/// The `monitoring:` section: the reporting cycle, the escalation ladders and which ladder
/// applies to which axis or measure.
@Suite struct MonitoringSectionTests {
    /// The fixture's committee, a monthly working group and a finished group that never meets.
    static let bodies = """
        bodies:
          - id: committee
            name: "Committee"
            kind: committee
            members: [mai, sef]
            cadence: {rrule: "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU", first: 2026-01-13T10:00, duration_minutes: 120}
          - id: group
            name: "Working group"
            kind: working_group
            members: [mai]
            cadence: {rrule: "FREQ=MONTHLY;BYDAY=1WE", first: 2026-01-07T15:00, duration_minutes: 90}
          - id: finished
            name: "Finished group"
            kind: thematic_group
            members: [sef]

        """

    static let monitoring = """
        monitoring:
          reporting:
            opens_on_day: 25
            due_on_day: 5
            remind_working_days_before: 3
          ladders:
            - id: standard
              steps:
                - notify: technical
                  repeat_every_working_days: 5
                  max_repeats: 2
                - notify: political
                  after_working_days: 10
                - agenda: group
                  after_working_days: 10
                - agenda: committee
                  after: meeting
            - id: urgent
              steps:
                - {notify: political, after_working_days: 0, repeat_every_working_days: 1}
          default_ladder: standard
          axis_ladders: {1: urgent, 2: urgent}
          measure_ladders: {M02: standard}
        """

    /// Loads `monitoring` (and the bodies above) over the fixture and returns the diagnostics.
    private func monitoringDiagnostics(_ monitoring: String, more: [String: String?] = [:]) throws -> [String] {
        var files: [String: String?] = ["bodies.yaml": Self.bodies, "monitoring.yaml": monitoring]
        for (name, text) in more { files[name] = text }
        return try diagnostics(files)
    }

    @Test func readsTheSection() throws {
        let fixture = try WorkflowFixture(["bodies.yaml": Self.bodies, "monitoring.yaml": Self.monitoring])
        defer { fixture.remove() }
        let plan = try fixture.load().get()
        let standard = EscalationLadder(
            id: "standard",
            steps: [
                EscalationStep(
                    action: .notify(.technical), trigger: .workingDays(0), repeatEveryWorkingDays: 5, maxRepeats: 2),
                EscalationStep(action: .notify(.political), trigger: .workingDays(10)),
                EscalationStep(action: .agenda("group"), trigger: .workingDays(10)),
                EscalationStep(action: .agenda("committee"), trigger: .afterMeeting),
            ])
        let urgent = EscalationLadder(
            id: "urgent",
            steps: [EscalationStep(action: .notify(.political), trigger: .workingDays(0), repeatEveryWorkingDays: 1)])
        #expect(
            plan.monitoring
                == MonitoringPolicy(
                    reporting: ReportingCycle(opensOnDay: 25, dueOnDay: 5, remindWorkingDaysBefore: 3),
                    ladders: [standard, urgent], defaultLadder: "standard", axisLadders: [1: "urgent", 2: "urgent"],
                    measureLadders: ["M02": "standard"]))
        let measures = Dictionary(uniqueKeysWithValues: plan.measures.map { ($0.id, $0) })
        // M01 is on axis 1; M02 is on axis 2, but its own override wins.
        #expect(plan.monitoring.ladder(for: try #require(measures["M01"])) == urgent)
        #expect(plan.monitoring.ladder(for: try #require(measures["M02"])) == standard)
        #expect(plan.monitoring.fallbackLadder == standard)
    }

    /// The sample plan's `monitoring.yaml` reads into exactly this policy.
    @Test func samplePlanMapsToThePolicy() throws {
        let plan = try WorkflowLoader.load(directory: samplePlanDirectory)
        func ladder(_ id: String, wait: Int, repeatEvery: Int) -> EscalationLadder {
            EscalationLadder(
                id: id,
                steps: [
                    EscalationStep(
                        action: .notify(.technical), trigger: .workingDays(0), repeatEveryWorkingDays: repeatEvery,
                        maxRepeats: 2),
                    EscalationStep(
                        action: .notify(.political), trigger: .workingDays(wait), repeatEveryWorkingDays: repeatEvery,
                        maxRepeats: 2),
                    EscalationStep(action: .agenda("secretaries-of-state"), trigger: .workingDays(wait)),
                    EscalationStep(action: .agenda("committee"), trigger: .afterMeeting),
                ])
        }
        #expect(
            plan.monitoring
                == MonitoringPolicy(
                    reporting: ReportingCycle(opensOnDay: 25, dueOnDay: 5, remindWorkingDaysBefore: 3),
                    ladders: [ladder("standard", wait: 10, repeatEvery: 5), ladder("urgent", wait: 5, repeatEvery: 2)],
                    defaultLadder: "standard", axisLadders: [:], measureLadders: ["M08": "urgent"], digest: .daily))
    }

    /// `digest:` is daily, weekly or none (the default when absent); anything else is reported
    /// with the nearest period.
    @Test func digestPeriod() throws {
        for period in DigestPeriod.allCases {
            let fixture = try WorkflowFixture(["monitoring.yaml": "monitoring:\n  digest: \(period.rawValue)\n"])
            defer { fixture.remove() }
            #expect(try fixture.load().get().monitoring == MonitoringPolicy(digest: period))
        }
        let absent = try WorkflowFixture(["monitoring.yaml": "monitoring: {}\n"])
        defer { absent.remove() }
        #expect(try absent.load().get().monitoring.digest == DigestPeriod.none)
        expectDiagnostics(
            try monitoringDiagnostics("monitoring:\n  digest: dayly\n"),
            ["monitoring.yaml:2:11: 'digest' of monitoring 'dayly' is not one of: daily, weekly, none; did you mean 'daily'?"])
        expectDiagnostics(
            try monitoringDiagnostics("monitoring:\n  digest: [daily]\n"),
            ["monitoring.yaml:2:11: 'digest' of monitoring must be a string, found a list"])
    }

    /// A policy written before `digest` existed reads as `none`; one with it round-trips.
    @Test func digestIsOptionalWhenDecoding() throws {
        let policy = MonitoringPolicy(defaultLadder: "standard", digest: .weekly)
        let data = try JSONEncoder().encode(policy)
        #expect(try JSONDecoder().decode(MonitoringPolicy.self, from: data) == policy)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["digest"] = nil
        let old = try JSONSerialization.data(withJSONObject: object)
        #expect(try JSONDecoder().decode(MonitoringPolicy.self, from: old).digest == DigestPeriod.none)
    }

    @Test func withoutTheSectionThereIsNoMonitoring() throws {
        let fixture = try WorkflowFixture()
        defer { fixture.remove() }
        #expect(try fixture.load().get().monitoring == .none)
        let empty = try WorkflowFixture(["monitoring.yaml": "monitoring: {}\n"])
        defer { empty.remove() }
        #expect(try empty.load().get().monitoring == .none)
        let ladderless = try WorkflowFixture([
            "monitoring.yaml":
                "monitoring:\n  reporting: {opens_on_day: 1, due_on_day: 1, remind_working_days_before: 0}\n"
        ])
        defer { ladderless.remove() }
        #expect(
            try ladderless.load().get().monitoring
                == MonitoringPolicy(reporting: ReportingCycle(opensOnDay: 1, dueOnDay: 1, remindWorkingDaysBefore: 0)))
    }

    @Test func eachStepNotifiesOrPutsOnAnAgendaThatMeets() throws {
        let monitoring = """
            monitoring:
              ladders:
                - id: standard
                  steps:
                    - notify: technical
                      agenda: committee
                    - after_working_days: 5
                    - notify: ministers
                      after_working_days: 5
                    - agenda: Committee
                      after_working_days: 5
                    - agenda: comittee
                      after_working_days: 5
                    - agenda: finished
                      after_working_days: 5
                    - notfy: technical
                      after_working_days: 5
            """
        expectDiagnostics(
            try monitoringDiagnostics(monitoring),
            [
                "monitoring.yaml:6:11: step #1 of ladder standard has both 'notify' and 'agenda'; a step does one or the other",
                "monitoring.yaml:7:11: step #2 of ladder standard is missing required key 'notify' (political or technical) or 'agenda' (a body id)",
                "monitoring.yaml:8:19: 'notify' of step #3 of ladder standard 'ministers' is not one of: political, technical",
                "monitoring.yaml:10:19: 'agenda' of step #4 of ladder standard 'Committee' must match [a-z0-9][a-z0-9-]*",
                "monitoring.yaml:12:19: step #5 of ladder standard names unknown body 'comittee'; did you mean 'committee'?",
                "monitoring.yaml:14:19: step #6 of ladder standard puts matters on the agenda of body finished, which has no 'cadence' (it never meets)",
                "monitoring.yaml:16:11: unknown key 'notfy' in step #7 of ladder standard; did you mean 'notify'? (allowed: notify, agenda, after_working_days, after, repeat_every_working_days, max_repeats)",
                "monitoring.yaml:16:11: step #7 of ladder standard is missing required key 'notify' (political or technical) or 'agenda' (a body id)",
            ])
    }

    @Test func whenEachStepIsReached() throws {
        let monitoring = """
            monitoring:
              ladders:
                - id: standard
                  steps:
                    - notify: technical
                      after: meeting
                    - notify: political
                    - notify: political
                      after_working_days: 261
                      after: meeting
                    - notify: political
                      after: meeting
                    - agenda: committee
                      after_working_days: 261
                    - notify: technical
                      after: meetings
                - id: late
                  steps:
                    - notify: technical
                      after_working_days: 3
                    - agenda: committee
                      after_working_days: 260
                    - agenda: group
                      after: meeting
            """
        expectDiagnostics(
            try monitoringDiagnostics(monitoring),
            [
                "monitoring.yaml:6:18: step #1 of ladder standard is the first step and cannot wait for a meeting ('after: meeting')",
                "monitoring.yaml:7:11: step #2 of ladder standard is missing required key 'after_working_days' (needed on every step but the first, unless 'after: meeting')",
                "monitoring.yaml:10:11: step #3 of ladder standard has both 'after_working_days' and 'after'; a step waits for one or the other",
                "monitoring.yaml:12:18: step #4 of ladder standard waits for a meeting ('after: meeting') but the step before it is not an agenda step",
                "monitoring.yaml:14:31: 'after_working_days' of step #5 of ladder standard must be between 0 and 260",
                "monitoring.yaml:16:18: 'after' of step #6 of ladder standard 'meetings' is not one of: meeting; did you mean 'meeting'?",
                "monitoring.yaml:20:31: 'after_working_days' of step #1 of ladder late must be 0: the first step is reached at once",
            ])
    }

    @Test func repeatsAreForNotifySteps() throws {
        let monitoring = """
            monitoring:
              ladders:
                - id: standard
                  steps:
                    - notify: technical
                      repeat_every_working_days: 0
                      max_repeats: 21
                    - notify: political
                      after_working_days: 5
                      max_repeats: 2
                    - agenda: committee
                      after_working_days: 5
                      repeat_every_working_days: 5
                      max_repeats: 0
                    - notify: political
                      after_working_days: 5
                      repeat_every_working_days: 61
                      max_repeats: many
            """
        expectDiagnostics(
            try monitoringDiagnostics(monitoring),
            [
                "monitoring.yaml:6:38: 'repeat_every_working_days' of step #1 of ladder standard must be between 1 and 60",
                "monitoring.yaml:7:24: 'max_repeats' of step #1 of ladder standard must be between 0 and 20",
                "monitoring.yaml:10:11: 'max_repeats' of step #2 of ladder standard needs 'repeat_every_working_days' (how often to repeat)",
                "monitoring.yaml:13:11: step #3 of ladder standard is an agenda step and must not have 'repeat_every_working_days'",
                "monitoring.yaml:14:11: step #3 of ladder standard is an agenda step and must not have 'max_repeats'",
                "monitoring.yaml:17:38: 'repeat_every_working_days' of step #4 of ladder standard must be between 1 and 60",
                "monitoring.yaml:18:24: 'max_repeats' of step #4 of ladder standard must be an integer, found 'many'",
            ])
    }

    @Test func laddersHaveUniqueIdsAndOneToTenSteps() throws {
        let tenMore = String(repeating: "        - {notify: political, after_working_days: 1}\n", count: 10)
        let monitoring = """
            monitoring:
              ladders:
                - id: standard
                  steps: []
                - id: standard
                  steps:
                    - notify: technical
                - id: Urgent
                  steps: [{notify: technical}]
                - steps: [{notify: technical}]
                - id: nosteps
                - id: typo
                  stpes: [{notify: technical}]
                - id: long
                  steps:
                    - {notify: technical}

            """ + tenMore + "    - technical\n"
        expectDiagnostics(
            try monitoringDiagnostics(monitoring),
            [
                "monitoring.yaml:4:14: 'steps' of ladder standard must have at least one step",
                "monitoring.yaml:5:11: duplicate ladder id 'standard'; first declared at monitoring.yaml:3:11",
                "monitoring.yaml:8:11: 'id' of ladder Urgent 'Urgent' must match [a-z0-9][a-z0-9-]*",
                "monitoring.yaml:10:7: ladder #4 is missing required key 'id'",
                "monitoring.yaml:11:7: ladder nosteps is missing required key 'steps'",
                "monitoring.yaml:12:7: ladder typo is missing required key 'steps'",
                "monitoring.yaml:13:7: unknown key 'stpes' in ladder typo; did you mean 'steps'? (allowed: id, steps)",
                "monitoring.yaml:26:11: 'steps' of ladder long has 11 steps; at most 10 are allowed",
                "monitoring.yaml:27:7: ladder #8 must be a mapping, found 'technical'",
            ])
    }

    @Test func reportingCycleAndWhichLadderApplies() throws {
        let monitoring = """
            monitoring:
              reporting:
                opens_on_day: 0
                due_on_day: 29
                remind_working_days_before: 21
                remind_days: 3
              ladders:
                - id: standard
                  steps: [{notify: technical}]
              default_ladder: standrd
              axis_ladders: {9: standard, one: standard, 2: urgent}
              measure_ladders: {M99: standard, M01: fast, "M 3": standard}
              escalation: {}
            """
        expectDiagnostics(
            try monitoringDiagnostics(monitoring),
            [
                "monitoring.yaml:3:19: 'opens_on_day' of reporting cycle must be between 1 and 28",
                "monitoring.yaml:4:17: 'due_on_day' of reporting cycle must be between 1 and 28",
                "monitoring.yaml:5:33: 'remind_working_days_before' of reporting cycle must be between 0 and 20",
                "monitoring.yaml:6:5: unknown key 'remind_days' in reporting cycle (allowed: opens_on_day, due_on_day, remind_working_days_before)",
                "monitoring.yaml:10:19: 'default_ladder' of monitoring names unknown ladder 'standrd'; did you mean 'standard'?",
                "monitoring.yaml:11:18: 'axis_ladders' of monitoring names unknown axis 9; declared axes: 1-2",
                "monitoring.yaml:11:31: a key of 'axis_ladders' of monitoring must be an integer, found 'one'",
                "monitoring.yaml:11:49: 'axis_ladders' of monitoring names unknown ladder 'urgent' for axis 2; known ladders include: standard",
                "monitoring.yaml:12:21: 'measure_ladders' of monitoring names unknown measure 'M99'; known measures include: M01, M02",
                "monitoring.yaml:12:41: 'measure_ladders' of monitoring names unknown ladder 'fast' for measure M01; known ladders include: standard",
                "monitoring.yaml:12:47: a key of 'measure_ladders' of monitoring 'M 3' must match [A-Za-z0-9][A-Za-z0-9._-]*",
                "monitoring.yaml:13:3: unknown key 'escalation' in monitoring (allowed: reporting, ladders, default_ladder, axis_ladders, measure_ladders, digest)",
            ])
        expectDiagnostics(
            try monitoringDiagnostics("monitoring:\n  default_ladder: standard\n"),
            [
                "monitoring.yaml:2:19: 'default_ladder' of monitoring names unknown ladder 'standard'; no ladders are declared"
            ])
    }

    @Test func shapes() throws {
        let monitoring = """
            monitoring:
              reporting: monthly
              ladders: {standard: []}
              default_ladder: [standard]
              axis_ladders: [1]
              measure_ladders: M01
            """
        expectDiagnostics(
            try monitoringDiagnostics(monitoring),
            [
                "monitoring.yaml:2:14: reporting cycle must be a mapping, found 'monthly'",
                "monitoring.yaml:3:12: 'ladders' of monitoring must be a list, found a mapping",
                "monitoring.yaml:4:19: 'default_ladder' of monitoring must be a string, found a list",
                "monitoring.yaml:5:17: 'axis_ladders' of monitoring must be a mapping, found a list",
                "monitoring.yaml:6:20: 'measure_ladders' of monitoring must be a mapping, found 'M01'",
            ])
        expectDiagnostics(
            try monitoringDiagnostics("monitoring: [standard]\n"),
            ["monitoring.yaml:1:13: monitoring must be a mapping, found a list"])
    }

    @Test func sectionDeclaredTwice() throws {
        expectDiagnostics(
            try monitoringDiagnostics(
                "monitoring: {}\n", more: ["zz.yaml": "monitoring:\n  default_ladder: standard\n"]),
            [
                "zz.yaml:1:1: section 'monitoring' is already declared at monitoring.yaml:1:1; only entities, measures and bodies may be split over several files"
            ])
    }
}
