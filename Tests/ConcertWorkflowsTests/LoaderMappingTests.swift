import ConcertCore
import ConcertWorkflows
import Foundation
import Testing

@Suite struct LoaderMappingTests {
    @Test func fixtureLoadsIntoCoreTypes() throws {
        let fixture = try WorkflowFixture()
        defer { fixture.remove() }
        let plan = try fixture.load().get()

        #expect(plan.id == "test")
        #expect(plan.axes == [Axis(number: 1, title: "Axis one"), Axis(number: 2, title: "Axis two")])
        #expect(plan.thematicAreas == [ThematicArea(number: 1, title: "Area one", objectives: [1, 3])])
        #expect(plan.entities.map(\.id) == ["mai", "sef"])
        #expect(plan.entities[1].parent == "mai")
        #expect(plan.entities[0].kind == .areaOfGovernment)

        #expect(
            plan.focalPoints == [
                FocalPoint(
                    id: "mai-political", entity: "mai", level: .political, name: "Ana Almeida",
                    channels: [ContactChannel(kind: .email, address: "ana@example.org")]),
                FocalPoint(
                    id: "mai-technical", entity: "mai", level: .technical, name: "Rui Costa", language: "en",
                    channels: [ContactChannel(kind: .phone, address: "+351 210 000 000")], deputy: "mai-political"),
            ])

        #expect(
            plan.measures == [
                Measure(
                    id: "M01", title: "First measure", axis: 1, objectives: [1, 2], responsible: "mai",
                    coResponsible: ["sef"], deadline: CalendarDate(year: 2025, month: 6, day: 30),
                    deadlineIsIllustrative: true,
                    indicators: [Indicator(name: "people_served", unit: "people", target: 5000)]),
                Measure(
                    id: "M02", title: "Continuous measure", axis: 2, objectives: [3], responsible: "sef",
                    deadline: nil, continuous: true),
            ])

        #expect(
            plan.bodies == [
                Body(
                    id: "committee", name: "Committee", kind: .committee, chair: "mai", members: ["mai", "sef"],
                    cadence: "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU", firstMeeting: "2026-01-13T10:00",
                    timeZone: "Europe/Lisbon", durationMinutes: 120, venues: ["Lisbon"],
                    standingAgenda: ["Overdue measures"])
            ])
    }

    @Test func listsSplitOverFilesAreConcatenatedInFileOrder() throws {
        let more = """
            measures:
              - {id: M03, title: "Third", axis: 1, objectives: [1], responsible: mai, deadline: 2024-01-01}
            entities:
              - {id: act, name: "Labour inspection", kind: institute, parent: mai}
            """
        let fixture = try WorkflowFixture(["zz-more.yaml": more])
        defer { fixture.remove() }
        let plan = try fixture.load().get()
        #expect(plan.measures.map(\.id) == ["M01", "M02", "M03"])
        #expect(plan.entities.map(\.id) == ["mai", "sef", "act"])
    }

    @Test func ymlFilesCountAndOtherFilesAreIgnored() throws {
        let fixture = try WorkflowFixture([
            "measures.yaml": nil,
            "measures.yml": WorkflowFixture.measures,
            "README.md": "# not YAML: {",
            ".hidden.yaml": "not: [valid",
        ])
        defer { fixture.remove() }
        #expect(try fixture.load().get().measures.count == 2)
    }
}

@Suite struct InMemorySourcesTests {
    @Test func sourcesLoadWithoutTouchingTheDisk() throws {
        let sources = WorkflowFixture.base.sorted { $0.key < $1.key }.map {
            WorkflowSource(path: "mem/\($0.key)", text: $0.value)
        }
        let plan = try WorkflowLoader.load(sources: sources, origin: "mem")
        #expect(plan.measures.count == 2)
    }

    @Test func noSourcesAndMissingPlanAreReportedAgainstTheOrigin() {
        #expect(throws: WorkflowValidationError.self) { try WorkflowLoader.load(sources: [], origin: "mem") }
        do {
            _ = try WorkflowLoader.load(sources: [WorkflowSource(path: "mem/a.yaml", text: "")], origin: "mem")
        } catch {
            #expect(error.description == "mem: no file declares the 'plan' section (id, title, time_zone, start, end)")
        }
    }
}

@Suite struct DiagnosticEncodingTests {
    @Test func diagnosticsEncodeAsPlainJSON() throws {
        let diagnostic = WorkflowDiagnostic(
            code: .unknownReference, file: "Workflows/pnipgm/measures.yaml", line: 12, column: 18,
            message: "measure M07 names unknown entity 'sef2'; did you mean 'sef'?")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(diagnostic), as: UTF8.self)
        #expect(json.contains(#""code":"unknown-reference""#))
        #expect(try JSONDecoder().decode(WorkflowDiagnostic.self, from: Data(json.utf8)) == diagnostic)
        #expect(
            diagnostic.description
                == "Workflows/pnipgm/measures.yaml:12:18: measure M07 names unknown entity 'sef2'; did you mean 'sef'?")
    }
}
