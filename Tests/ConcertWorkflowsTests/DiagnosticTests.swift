import ConcertCore
import ConcertWorkflows
import Foundation
import Testing

/// One test per kind of problem: each writes a little YAML over the valid fixture and checks
/// the exact `file:line:column: message`.
@Suite struct DiagnosticTests {
    @Test func yamlSyntaxErrorPointsAtTheProblem() throws {
        let text = """
            measures:
              - id: M01
                title: "unterminated
                axis: 1
            """
        expectDiagnostics(
            try diagnostics(["measures.yaml": text]),
            [
                "measures.yaml:4:12: invalid YAML: found unexpected end of stream (while scanning a quoted scalar at line 3, column 12)"
            ])
    }

    @Test func yamlSyntaxErrorInOneFileDoesNotHideProblemsInOthers() throws {
        let broken = "entities:\n\t- id: tab\n"
        let measures = WorkflowFixture.measures.replacingOccurrences(of: "responsible: sef", with: "responsible: sfe")
        expectDiagnostics(
            try diagnostics(["broken.yaml": broken, "measures.yaml": measures]),
            [
                "broken.yaml:2:1: invalid YAML: found character that cannot start any token (while scanning for the next token at line 2, column 1)",
                "measures.yaml:16:18: measure M02 names unknown entity 'sfe'; did you mean 'sef'?",
            ])
    }

    @Test func yamlSyntaxErrorInFlowSequence() throws {
        let text = """
            measures:
              - id: M01
                objectives: [1, 2
                axis: 1
            """
        expectDiagnostics(
            try diagnostics(["measures.yaml": text]),
            [
                "measures.yaml:4:9: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 3, column 17)"
            ])
    }

    @Test func unknownKeySuggestsTheNearestAndListsTheAllowed() throws {
        let text = WorkflowFixture.measures.replacingOccurrences(
            of: "    title: \"First measure\"", with: "    titel: \"First measure\"")
        expectDiagnostics(
            try diagnostics(["measures.yaml": text]),
            [
                "measures.yaml:2:5: measure M01 is missing required key 'title'",
                "measures.yaml:3:5: unknown key 'titel' in measure M01; did you mean 'title'? (allowed: id, title, axis, objectives, responsible, co_responsible, deadline, deadline_illustrative, continuous, indicators)",
            ])
    }

    @Test func unknownSection() throws {
        let text = WorkflowFixture.bodies.replacingOccurrences(of: "bodies:", with: "bodys:")
        expectDiagnostics(
            try diagnostics(["bodies.yaml": text]),
            [
                "bodies.yaml:1:1: unknown section 'bodys'; did you mean 'bodies'? (allowed: plan, axes, objectives, thematic_areas, entities, measures, bodies, calendar, monitoring)"
            ])
    }

    @Test func missingRequiredFields() throws {
        let text = """
            measures:
              - id: M01
                axis: 1
                objectives: [1]
                deadline: 2025-01-01
              - id: M02
                title:
                axis: 1
                objectives: [1]
                responsible: mai
                deadline: 2025-01-01
            """
        expectDiagnostics(
            try diagnostics(["measures.yaml": text]),
            [
                "measures.yaml:2:5: measure M01 is missing required key 'title'",
                "measures.yaml:2:5: measure M01 is missing required key 'responsible'",
                "measures.yaml:7:5: 'title' of measure M02 has no value",
            ])
    }

    @Test func wrongTypes() throws {
        let text = """
            measures:
              - id: M01
                title: "First"
                axis: one
                objectives: 1
                responsible: [mai]
                deadline: 2025-01-01
                continuous: yes
                indicators:
                  - {name: people, unit: people, target: "5000"}
            """
        expectDiagnostics(
            try diagnostics(["measures.yaml": text]),
            [
                "measures.yaml:4:11: 'axis' of measure M01 must be an integer, found 'one'",
                "measures.yaml:5:17: 'objectives' of measure M01 must be a list, found '1'",
                "measures.yaml:6:18: 'responsible' of measure M01 must be a string, found a list",
                "measures.yaml:8:17: 'continuous' of measure M01 must be true or false, found 'yes'",
                "measures.yaml:10:46: 'target' of indicator people of measure M01 must be a number, found the quoted string '5000'",
            ])
    }

    @Test func itemThatIsNotAMapping() throws {
        let text = """
            axes:
              - {number: 1, title: "Axis one"}
              - "Axis two"
            """
        let plan = WorkflowFixture.plan.replacingOccurrences(
            of: "axes:\n  - {number: 1, title: \"Axis one\"}\n  - {number: 2, title: \"Axis two\"}\n", with: "")
        expectDiagnostics(
            try diagnostics(["plan.yaml": plan, "axes.yaml": text]),
            [
                "axes.yaml:3:5: axis #2 must be a mapping, found the quoted string 'Axis two'",
                "measures.yaml:14:11: measure M02 names unknown axis 2; declared axes: 1",
            ])
    }

    @Test func duplicateIdsPointAtTheSecondAndNameTheFirst() throws {
        let more = """
            measures:
              - {id: M01, title: "Again", axis: 1, objectives: [1], responsible: mai, deadline: 2024-01-01}
            entities:
              - {id: sef, name: "Again", kind: institute}
            bodies:
              - {id: committee, name: "Again", kind: committee, members: [mai]}
            """
        expectDiagnostics(
            try diagnostics(["more.yaml": more]),
            [
                "more.yaml:2:10: duplicate measure id 'M01'; first declared at measures.yaml:2:9",
                "more.yaml:4:10: duplicate entity id 'sef'; first declared at entities.yaml:16:9",
                "more.yaml:6:10: duplicate body id 'committee'; first declared at bodies.yaml:2:9",
            ].map { $0.replacingOccurrences(of: "at ", with: "at ") })
    }

    @Test func duplicateFocalPointAndNumbers() throws {
        let entities = WorkflowFixture.entities.replacingOccurrences(of: "id: mai-technical", with: "id: mai-political")
        let plan = WorkflowFixture.plan.replacingOccurrences(of: "{number: 3, title", with: "{number: 2, title")
        let found = try diagnostics(["entities.yaml": entities, "plan.yaml": plan])
        expectDiagnostics(
            found,
            [
                "entities.yaml:10:13: duplicate focal point id 'mai-political'; first declared at entities.yaml:6:13",
                "entities.yaml:15:17: focal point mai-political names itself as its deputy",
                "measures.yaml:15:18: measure M02 names unknown objective 3; declared objectives: 1-2",
                "plan.yaml:13:14: duplicate objective number 2; first declared at plan.yaml:12:14",
                "plan.yaml:15:52: thematic area 1 names unknown objective 3; declared objectives: 1-2",
            ])
    }

    @Test func duplicateYAMLKeysAreAllReportedAndTheRestIsChecked() throws {
        let text = """
            measures:
              - id: M01
                title: "First"
                axis: 1
                title: "Again"
                objectives: [1]
                responsible: mia
                deadline: 2025-01-01
                axis: 2
              - {id: M02, title: "x", title: "y", axis: 1, objectives: [1], responsible: mai, continuous: true}
            """
        expectDiagnostics(
            try diagnostics(["measures.yaml": text]),
            [
                "measures.yaml:5:5: duplicate key 'title' in this mapping; first at line 3, column 5",
                "measures.yaml:7:18: measure M01 names unknown entity 'mia'; did you mean 'mai'?",
                "measures.yaml:9:5: duplicate key 'axis' in this mapping; first at line 4, column 5",
                "measures.yaml:10:27: duplicate key 'title' in this mapping; first at line 10, column 15",
            ])
    }

    @Test func danglingReferences() throws {
        let measures = """
            measures:
              - id: M07
                title: "Dangling"
                axis: 6
                objectives: [1, 24]
                responsible: sef2
                co_responsible: [acm]
                deadline: 2025-01-01
            """
        let entities = WorkflowFixture.entities
            .replacingOccurrences(of: "deputy: mai-political", with: "deputy: mai-politcal")
            .replacingOccurrences(of: "parent: mai", with: "parent: pcm")
        let bodies = WorkflowFixture.bodies
            .replacingOccurrences(of: "members: [mai, sef]", with: "members: [mai, sef, mne]")
            .replacingOccurrences(of: "chair: mai", with: "chair: pcm")
        let plan = WorkflowFixture.plan.replacingOccurrences(of: "objectives: [1, 3]", with: "objectives: [1, 30]")
        expectDiagnostics(
            try diagnostics([
                "measures.yaml": measures, "entities.yaml": entities, "bodies.yaml": bodies, "plan.yaml": plan,
            ]),
            [
                "bodies.yaml:5:12: body committee names unknown entity 'pcm'; known entities include: mai, sef",
                "bodies.yaml:6:25: body committee names unknown entity 'mne'; known entities include: mai, sef",
                "entities.yaml:15:17: focal point mai-technical names unknown focal point 'mai-politcal'; did you mean 'mai-political'?",
                "entities.yaml:19:13: entity sef names unknown entity 'pcm'; known entities include: mai, sef",
                "measures.yaml:4:11: measure M07 names unknown axis 6; declared axes: 1-2",
                "measures.yaml:5:21: measure M07 names unknown objective 24; declared objectives: 1-3",
                "measures.yaml:6:18: measure M07 names unknown entity 'sef2'; did you mean 'sef'?",
                "measures.yaml:7:22: measure M07 names unknown entity 'acm'; known entities include: mai, sef",
                "plan.yaml:15:52: thematic area 1 names unknown objective 30; declared objectives: 1-3",
            ])
    }

    @Test func invalidDatesAndDeadlinesOutsideThePlan() throws {
        let measures = """
            measures:
              - {id: M01, title: "Bad day", axis: 1, objectives: [1], responsible: mai, deadline: 2025-02-30}
              - {id: M02, title: "Too late", axis: 1, objectives: [1], responsible: mai, deadline: 2031-01-01}
              - {id: M03, title: "Too early", axis: 1, objectives: [1], responsible: mai, deadline: "2019-12-31"}
              - {id: M04, title: "Not a date", axis: 1, objectives: [1], responsible: mai, deadline: 31/12/2025}
            """
        expectDiagnostics(
            try diagnostics(["measures.yaml": measures]),
            [
                "measures.yaml:2:87: 'deadline' of measure M01 '2025-02-30' is not a valid date (YYYY-MM-DD)",
                "measures.yaml:3:88: deadline 2031-01-01 of measure M02 is outside the plan's span 2020-01-01 to 2030-12-31",
                "measures.yaml:4:89: deadline 2019-12-31 of measure M03 is outside the plan's span 2020-01-01 to 2030-12-31",
                "measures.yaml:5:90: 'deadline' of measure M04 '31/12/2025' is not a valid date (YYYY-MM-DD)",
            ])
    }

    @Test func planEndBeforeStart() throws {
        let plan = WorkflowFixture.plan.replacingOccurrences(of: "end: 2030-12-31", with: "end: 2019-12-31")
        expectDiagnostics(
            try diagnostics(["plan.yaml": plan]),
            [
                "plan.yaml:6:8: 'end' of plan (2019-12-31) is before its 'start' (2020-01-01)"
            ])
    }

    @Test func invalidTimeZones() throws {
        let plan = WorkflowFixture.plan.replacingOccurrences(of: "Europe/Lisbon", with: "Europe/Lisbo")
        let bodies = WorkflowFixture.bodies.replacingOccurrences(
            of: "      duration_minutes: 120", with: "      duration_minutes: 120\n      time_zone: Lisbon")
        expectDiagnostics(
            try diagnostics(["plan.yaml": plan, "bodies.yaml": bodies]),
            [
                "bodies.yaml:11:18: 'time_zone' of cadence of body committee 'Lisbon' is not a known IANA time zone (e.g. Europe/Lisbon)",
                "plan.yaml:4:14: 'time_zone' of plan 'Europe/Lisbo' is not a known IANA time zone; did you mean 'Europe/Lisbon'?",
            ])
    }

    @Test func emptyFolder() throws {
        let fixture = try WorkflowFixture([:], base: [:])
        defer { fixture.remove() }
        guard case let .failure(error) = fixture.load() else {
            Issue.record("an empty folder loaded")
            return
        }
        #expect(
            error.diagnostics == [
                WorkflowDiagnostic(
                    code: .noWorkflowFiles, file: fixture.directory, line: 0, column: 0,
                    message: "no workflow files (*.yaml, *.yml) in the directory")
            ])
        #expect(error.description == "\(fixture.directory): no workflow files (*.yaml, *.yml) in the directory")
    }

    @Test func folderWithoutPlan() throws {
        let fixture = try WorkflowFixture(["plan.yaml": nil])
        defer { fixture.remove() }
        let found = fixture.diagnostics()
        #expect(
            found.first
                == "\(fixture.directory): no file declares the 'plan' section (id, title, time_zone, start, end)")
        // The axes, objectives and thematic areas went with plan.yaml, so the measures' references dangle too.
        #expect(found.count == 6)
        #expect(
            found.dropFirst().allSatisfy { $0.contains("names unknown axis") || $0.contains("names unknown objective") }
        )
    }

    @Test func missingDirectory() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("concert-no-such-\(UUID())").path
        do {
            _ = try WorkflowLoader.load(directory: path)
            Issue.record("a missing directory loaded")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["\(path): no such directory"])
            #expect(error.diagnostics.first?.code == .missingDirectory)
        }
    }

    @Test func sectionDeclaredTwice() throws {
        let extra = """
            objectives:
              - {number: 4, title: "Four"}
            """
        expectDiagnostics(
            try diagnostics(["zz-objectives.yaml": extra]),
            [
                "zz-objectives.yaml:1:1: section 'objectives' is already declared at plan.yaml:10:1; only entities, measures and bodies may be split over several files"
            ])
    }

    @Test func continuousAndDeadlineRules() throws {
        let measures = """
            measures:
              - {id: M01, title: "No deadline", axis: 1, objectives: [1], responsible: mai}
              - {id: M02, title: "Both", axis: 1, objectives: [1], responsible: mai, continuous: true, deadline: 2025-01-01}
            """
        expectDiagnostics(
            try diagnostics(["measures.yaml": measures]),
            [
                "measures.yaml:2:5: measure M01 is missing required key 'deadline' (needed unless 'continuous: true')",
                "measures.yaml:3:92: measure M02 is continuous and must not have a 'deadline'",
            ])
    }

    @Test func listRules() throws {
        let measures = """
            measures:
              - id: M01
                title: "Lists"
                axis: 1
                objectives: []
                responsible: mai
                co_responsible: [sef, mai, sef]
                deadline: 2025-01-01
                indicators:
                  - {name: served, unit: people}
                  - {name: served, unit: people, target: 3}
                  - {name: Bad-Name, unit: people}
            """
        expectDiagnostics(
            try diagnostics(["measures.yaml": measures]),
            [
                "measures.yaml:5:17: 'objectives' of measure M01 must name at least one objective",
                "measures.yaml:7:27: 'co_responsible' of measure M01 repeats the responsible entity 'mai'",
                "measures.yaml:7:32: 'co_responsible' of measure M01 lists 'sef' twice",
                "measures.yaml:11:16: duplicate indicator 'served' in measure M01; first declared at measures.yaml:10:16",
                "measures.yaml:12:16: 'name' of indicator Bad-Name of measure M01 'Bad-Name' must match [a-z0-9_]+",
            ])
    }

    @Test func invalidValues() throws {
        let entities = """
            entities:
              - id: mai
                name: "Home Affairs"
                kind: ministry
                focal_points:
                  - {id: mai-political, level: politcal, name: "A", language: fr, email: "not an address"}
              - id: Sef
                name: "Borders"
                kind: institute
              - id: sef
                name: "Borders"
                kind: institute
                parent: sef
            """
        expectDiagnostics(
            try diagnostics(["entities.yaml": entities]),
            [
                "entities.yaml:4:11: 'kind' of entity mai 'ministry' is not one of: area_of_government, institute, municipality, civil_society, international",
                "entities.yaml:6:36: 'level' of focal point mai-political 'politcal' is not one of: political, technical; did you mean 'political'?",
                "entities.yaml:6:67: 'language' of focal point mai-political 'fr' is not one of: pt-PT, en",
                "entities.yaml:6:78: 'email' of focal point mai-political 'not an address' is not an e-mail address",
                "entities.yaml:7:9: 'id' of entity Sef 'Sef' must match [a-z0-9][a-z0-9-]*",
                "entities.yaml:13:13: entity sef names itself as its parent",
            ])
    }

    @Test func parentCycle() throws {
        let entities = WorkflowFixture.entities.replacingOccurrences(
            of: "    kind: area_of_government\n", with: "    kind: area_of_government\n    parent: sef\n")
        expectDiagnostics(
            try diagnostics(["entities.yaml": entities]),
            [
                "entities.yaml:20:13: entity sef has a cycle of parents: mai -> sef -> mai"
            ])
    }

    @Test func cadenceRules() throws {
        let bodies = """
            bodies:
              - id: committee
                name: "Committee"
                kind: board
                members: [mai, mai]
                cadence:
                  rrule: "MONTHLY"
                  first: 2026-01-13 10:00
                  duration_minutes: 0
                  every: 3
            """
        expectDiagnostics(
            try diagnostics(["bodies.yaml": bodies]),
            [
                "bodies.yaml:4:11: 'kind' of body committee 'board' is not one of: committee, working_group, thematic_group, monitoring, consultative",
                "bodies.yaml:5:20: 'members' of body committee lists 'mai' twice",
                "bodies.yaml:7:14: 'rrule' of cadence of body committee 'MONTHLY' is not a valid RRULE: 'MONTHLY' is not a rule part: parts are NAME=VALUE separated by ';'",
                "bodies.yaml:8:14: 'first' of cadence of body committee '2026-01-13 10:00' is not a valid local time (YYYY-MM-DDTHH:MM)",
                "bodies.yaml:9:25: 'duration_minutes' of cadence of body committee must be more than 0",
                "bodies.yaml:10:7: unknown key 'every' in cadence of body committee (allowed: rrule, first, time_zone, duration_minutes)",
            ])
    }

    @Test func convocationNoticeIsABoundedNumberOfWorkingDays() throws {
        let bodies = """
            bodies:
              - id: committee
                name: "Committee"
                kind: committee
                members: [mai]
                convene_working_days_before: 61
              - id: group
                name: "Group"
                kind: working_group
                members: [mai]
                convene_working_days_before: soon
            """
        expectDiagnostics(
            try diagnostics(["bodies.yaml": bodies]),
            [
                "bodies.yaml:6:34: 'convene_working_days_before' of body committee must be between 0 and 60",
                "bodies.yaml:11:34: 'convene_working_days_before' of body group must be an integer, found 'soon'",
            ])
    }

    @Test func fileThatIsNotAMapping() throws {
        expectDiagnostics(
            try diagnostics(["extra.yaml": "- plan\n- axes\n"]),
            [
                "extra.yaml:1:1: a workflow file must be a mapping of sections (plan, axes, objectives, thematic_areas, entities, measures, bodies, calendar, monitoring), found a list"
            ])
    }

    @Test func everyProblemIsReportedAtOnceSortedByFileAndPosition() throws {
        let measures = """
            measures:
              - id: M01
                title: "First"
                axis: 9
                objectives: [1]
                responsible: nobody
                deadline: 2025-13-01
              - id: M01
                titel: "Second"
                axis: 1
                objectives: [1]
                responsible: mai
                continuous: true
            """
        let bodies = "bodies:\n  - {id: committee, name: C, kind: committee, members: [ghost]}\n"
        let broken = "entities:\n  - id: x\n    name: [unclosed\n"
        let found = try diagnostics(["measures.yaml": measures, "bodies.yaml": bodies, "broken.yaml": broken])
        #expect(
            found.map { String($0.prefix(while: { $0 != " " })) } == [
                "bodies.yaml:2:57:", "broken.yaml:4:1:", "measures.yaml:4:11:", "measures.yaml:6:18:",
                "measures.yaml:7:15:",
                "measures.yaml:8:5:", "measures.yaml:8:9:", "measures.yaml:9:5:",
            ])
    }

    @Test func diagnosticDescriptionAndCodes() throws {
        let fixture = try WorkflowFixture(["measures.yaml": "measures:\n  - {id: M01}\n"])
        defer { fixture.remove() }
        guard case let .failure(error) = fixture.load() else {
            Issue.record("loaded")
            return
        }
        let first = try #require(error.diagnostics.first)
        #expect(first.file == fixture.directory + "/measures.yaml")
        #expect(first.line == 2)
        #expect(first.column == 5)
        #expect(first.code == .missingKey)
        #expect(
            first.description == "\(fixture.directory)/measures.yaml:2:5: measure M01 is missing required key 'title'")
        #expect(error.description.split(separator: "\n").count == error.diagnostics.count)
    }
}
