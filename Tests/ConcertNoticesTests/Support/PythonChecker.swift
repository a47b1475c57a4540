// A copy of Tests/ICalendarTests/Support/PythonChecker.swift (test targets do not share code).
import Foundation

/// Runs ``CheckerScript`` on a serialized document and decodes its report.
///
/// Python is `$CONCERT_PYTHON`, or else `.venv/bin/python3` under the package root (found from
/// this file's path). A missing interpreter or package is an error, so a test that needs the
/// checker fails with the reason instead of passing unchecked.
enum PythonChecker {
    /// What the checker read.
    struct Report: Decodable {
        /// Byte-level and parse problems; empty when the file is clean.
        var problems: [String]
        var method: String?
        /// The content lines after unfolding.
        var logicalLines: [String]
        /// The expanded occurrences in the window, by start then UID.
        var occurrences: [Occurrence]
        /// Every `TZID` value of every `VEVENT`, converted.
        var values: [ZonedValue]
        /// The sampling of each `VTIMEZONE` against `zoneinfo`.
        var zones: [ZoneSample]
    }

    struct Occurrence: Decodable, Equatable {
        var uid: String?
        /// UTC as `YYYY-MM-DDTHH:MM:SSZ`, or a date as `YYYY-MM-DD`.
        var start: String
        var end: String?
        var summary: String?
        var description: String?
        var location: String?
        var status: String?
        var sequence: Int?
        var organizer: Address?
        var attendees: [Address]
        var categories: [String]
        var url: String?
    }

    struct Address: Decodable, Equatable {
        var address: String
        var name: String?
        var role: String?
        var participation: String?
        var rsvp: String?
    }

    struct ZonedValue: Decodable, Equatable {
        var uid: String?
        var property: String
        var tzid: String
        var local: String
        /// The instant through the document's own `VTIMEZONE`, UTC.
        var vtimezone: String?
        /// The instant through `zoneinfo`, UTC; nil when zoneinfo does not know the `TZID`.
        var zoneinfo: String?
    }

    struct ZoneSample: Decodable {
        var tzid: String
        var checked: Int
        var transitions: Int
        var mismatches: [String]
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let packages = "icalendar recurring-ical-events"

    /// The package root: the folder that holds `Tests/ConcertNoticesTests/Support/` (this file's folder).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var python: String {
        if let configured = ProcessInfo.processInfo.environment["CONCERT_PYTHON"], !configured.isEmpty {
            return configured
        }
        return packageRoot.appendingPathComponent(".venv/bin/python3").path
    }

    /// Checks `text`, expanding recurrences and sampling zones between `start` and `end`.
    static func check(_ text: String, from start: Date, to end: Date) throws -> Report {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("icalendar-check-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("check_ics.py")
        let input = folder.appendingPathComponent("input.ics")
        let output = folder.appendingPathComponent("report.json")
        let log = folder.appendingPathComponent("log.txt")
        try Data(CheckerScript.source.utf8).write(to: script)
        try Data(text.utf8).write(to: input)
        try Data().write(to: log)

        let interpreter = python
        guard FileManager.default.isExecutableFile(atPath: interpreter) else {
            throw Failure(
                description: "no Python at \(interpreter): set CONCERT_PYTHON, or run `python3 -m venv .venv && "
                    + ".venv/bin/pip install \(packages)` in \(packageRoot.path)")
        }
        let logHandle = try FileHandle(forWritingTo: log)
        defer { try? logHandle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = [script.path, input.path, iso(start), iso(end), output.path]
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()
        process.waitUntilExit()
        let messages = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        switch process.terminationStatus {
        case 0:
            return try JSONDecoder().decode(Report.self, from: Data(contentsOf: output))
        case 3:
            throw Failure(
                description: "\(messages.trimmingCharacters(in: .whitespacesAndNewlines)) for \(interpreter): "
                    + "install with `\(interpreter) -m pip install \(packages)`")
        default:
            throw Failure(description: "the Python checker failed (\(process.terminationStatus)): \(messages)")
        }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
