import Foundation
import Testing

/// `concertctl workflow validate` checks a plan folder without a daemon, as CI scripts use it.
@Suite("workflow validate")
struct WorkflowValidateTests {
    @Test func theSamplePlanIsValid() async throws {
        let result = try await ProcessRunner.run(TestPaths.concertctl, ["workflow", "validate", TestPaths.samplePlan])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("valid plan 'pnipgm'"))
        let json = try await ProcessRunner.run(TestPaths.concertctl, ["workflow", "validate", "--json", TestPaths.samplePlan])
        let object = try #require(json.json as? [String: Any])
        #expect(object["valid"] as? Bool == true)
        #expect((object["measures"] as? Int ?? 0) >= 30)
    }

    @Test func everyErrorIsPrintedWithItsLocation() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = """
            plan:
              id: broken
              title: Broken plan
              time_zone: Europe/Lisbon
              start: 2020-01-01
              end: 2030-12-31
            axes:
              - {number: 1, title: Safe migration}
            objectives:
              - {number: 1, title: Data}
            entities:
              - id: mai
                name: Home Affairs
                kind: area_of_government
            measures:
              - id: M01
                title: First
                axis: 1
                objectives: [1]
                responsible: sef
                deadline: 2025-02-30
              - id: M01
                title: Again
                axis: 1
                objectives: [1]
                responsible: mai
                deadline: 2025-01-31
                colour: blue
            """
        try plan.write(to: directory.appendingPathComponent("plan.yaml"), atomically: true, encoding: .utf8)
        let result = try await ProcessRunner.run(TestPaths.concertctl, ["workflow", "validate", directory.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let file = directory.appendingPathComponent("plan.yaml").path
        let located = lines.filter { $0.hasPrefix(file + ":") }
        #expect(located.count == 4, "\(result.stderr)")
        #expect(located.contains { $0.hasPrefix("\(file):20:") && $0.contains("'sef'") })
        #expect(located.contains { $0.hasPrefix("\(file):21:") && $0.contains("2025-02-30") })
        #expect(located.contains { $0.hasPrefix("\(file):22:") && $0.contains("M01") })
        #expect(located.contains { $0.hasPrefix("\(file):28:") && $0.contains("colour") })
        // FILE:LINE:COLUMN: message
        #expect(located.allSatisfy { $0.dropFirst(file.count).range(of: #"^:\d+:\d+: "#, options: .regularExpression) != nil })
    }

    @Test func aMissingFolderIsAClearError() async throws {
        let result = try await ProcessRunner.run(TestPaths.concertctl, ["workflow", "validate", "/nonexistent/plan"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/plan"))
        #expect(result.stderr.contains("no such directory"))
    }
}
