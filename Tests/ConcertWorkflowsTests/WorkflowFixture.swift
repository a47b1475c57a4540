import ConcertCore
import ConcertWorkflows
import Foundation
import Testing

/// A plan folder written to a fresh temporary directory: a small valid plan whose files a
/// test replaces or adds to, then loads.
struct WorkflowFixture {
    static let plan = """
        plan:
          id: test
          title: "Test plan"
          time_zone: Europe/Lisbon
          start: 2020-01-01
          end: 2030-12-31
        axes:
          - {number: 1, title: "Axis one"}
          - {number: 2, title: "Axis two"}
        objectives:
          - {number: 1, title: "Objective one"}
          - {number: 2, title: "Objective two"}
          - {number: 3, title: "Objective three"}
        thematic_areas:
          - {number: 1, title: "Area one", objectives: [1, 3]}

        """

    static let entities = """
        entities:
          - id: mai
            name: "Home Affairs"
            kind: area_of_government
            focal_points:
              - id: mai-political
                level: political
                name: "Ana Almeida"
                email: ana@example.org
              - id: mai-technical
                level: technical
                name: "Rui Costa"
                language: en
                phone: "+351 210 000 000"
                deputy: mai-political
          - id: sef
            name: "Borders Service"
            kind: institute
            parent: mai

        """

    static let measures = """
        measures:
          - id: M01
            title: "First measure"
            axis: 1
            objectives: [1, 2]
            responsible: mai
            co_responsible: [sef]
            deadline: 2025-06-30
            deadline_illustrative: true
            indicators:
              - {name: people_served, unit: people, target: 5000}
          - id: M02
            title: "Continuous measure"
            axis: 2
            objectives: [3]
            responsible: sef
            continuous: true

        """

    static let bodies = """
        bodies:
          - id: committee
            name: "Committee"
            kind: committee
            chair: mai
            members: [mai, sef]
            cadence:
              rrule: "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU"
              first: 2026-01-13T10:00
              duration_minutes: 120
            venues: ["Lisbon"]
            standing_agenda: ["Overdue measures"]

        """

    static let base: [String: String] = [
        "plan.yaml": plan, "entities.yaml": entities, "measures.yaml": measures, "bodies.yaml": bodies,
    ]

    let directory: String

    /// Writes `base` with `files` replacing or adding files (a nil text removes the file).
    init(_ files: [String: String?] = [:], base: [String: String] = WorkflowFixture.base) throws {
        directory =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("concert-workflows-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var all: [String: String?] = base
        for (name, text) in files { all[name] = text }
        for case let (name, text?) in all {
            try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
        }
    }

    func load() -> Result<Plan, WorkflowValidationError> {
        Result { () throws(WorkflowValidationError) in try WorkflowLoader.load(directory: directory) }
    }

    /// The diagnostics as `file:line:column: message`, with the directory removed from the
    /// paths (also from paths inside messages, such as "first declared at ...").
    func diagnostics() -> [String] {
        guard case let .failure(error) = load() else { return [] }
        return error.diagnostics.map { $0.description.replacingOccurrences(of: directory + "/", with: "") }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// Loads `files` over the base fixture and returns the diagnostics, cleaning up after.
func diagnostics(_ files: [String: String?]) throws -> [String] {
    let fixture = try WorkflowFixture(files)
    defer { fixture.remove() }
    return fixture.diagnostics()
}

/// Compares diagnostics line by line and, on a mismatch, shows both lists one per line.
func expectDiagnostics(
    _ actual: [String], _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    guard actual != expected else { return }
    Issue.record(
        "diagnostics differ\n--- actual\n\(actual.joined(separator: "\n"))\n--- expected\n\(expected.joined(separator: "\n"))",
        sourceLocation: sourceLocation)
}
