import Foundation

/// Runs ``CheckerScript`` on a serialized document and decodes its report.
///
/// Python is `$CONCERT_PYTHON`, or else `.venv/bin/python3` under the package root (found from
/// this file's path). A missing interpreter or package is an error, so a test that needs the
/// checker fails with the reason instead of passing unchecked.
public enum PythonChecker {
    /// What the checker read.
    public struct Report: Decodable {
        /// Byte-level and parse problems; empty when the file is clean.
        public var problems: [String]
        public var method: String?
        /// The content lines after unfolding.
        public var logicalLines: [String]
        /// The expanded occurrences in the window, by start then UID.
        public var occurrences: [Occurrence]
        /// Every `TZID` value of every `VEVENT`, converted.
        public var values: [ZonedValue]
        /// The sampling of each `VTIMEZONE` against `zoneinfo`.
        public var zones: [ZoneSample]
    }

    public struct Occurrence: Decodable, Equatable {
        public var uid: String?
        /// UTC as `YYYY-MM-DDTHH:MM:SSZ`, or a date as `YYYY-MM-DD`.
        public var start: String
        public var end: String?
        public var summary: String?
        public var description: String?
        public var location: String?
        public var status: String?
        public var sequence: Int?
        public var organizer: Address?
        public var attendees: [Address]
        public var categories: [String]
        public var url: String?
    }

    public struct Address: Decodable, Equatable {
        public var address: String
        public var name: String?
        public var role: String?
        public var participation: String?
        public var rsvp: String?

        public init(
            address: String, name: String? = nil, role: String? = nil, participation: String? = nil, rsvp: String? = nil
        ) {
            self.address = address
            self.name = name
            self.role = role
            self.participation = participation
            self.rsvp = rsvp
        }
    }

    public struct ZonedValue: Decodable, Equatable {
        public var uid: String?
        public var property: String
        public var tzid: String
        public var local: String
        /// The instant through the document's own `VTIMEZONE`, UTC.
        public var vtimezone: String?
        /// The instant through `zoneinfo`, UTC; nil when zoneinfo does not know the `TZID`.
        public var zoneinfo: String?
    }

    public struct ZoneSample: Decodable {
        public var tzid: String
        public var checked: Int
        public var transitions: Int
        public var mismatches: [String]
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static let packages = "icalendar recurring-ical-events"

    /// The package root: the folder that holds `Tests/ICalendarChecker/` (this file's folder).
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    public static var python: String {
        if let configured = ProcessInfo.processInfo.environment["CONCERT_PYTHON"], !configured.isEmpty {
            return configured
        }
        return packageRoot.appendingPathComponent(".venv/bin/python3").path
    }

    /// Checks `text`, expanding recurrences and sampling zones between `start` and `end`.
    public static func check(_ text: String, from start: Date, to end: Date) throws -> Report {
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
    public static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
