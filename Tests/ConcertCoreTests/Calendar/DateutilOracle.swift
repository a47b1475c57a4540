import Foundation

/// python-dateutil's `rrule`, run as a second opinion on recurrence expansion.
///
/// The Python is `$CONCERT_PYTHON`, else `<package root>/.venv/bin/python3`; it needs
/// `python-dateutil` (and the standard `zoneinfo`, Python 3.9+). A missing interpreter or
/// package is an error, so the comparison fails loudly rather than being skipped.
enum DateutilOracle {
    /// One series and window to expand: DTSTART is `start` (local) in `zone`.
    struct Request: Encodable, Sendable, CustomStringConvertible {
        var rule: String
        var start: String
        var zone: String
        /// UTC, `YYYY-MM-DDTHH:MM:SSZ`, inclusive.
        var from: String
        var through: String
        var limit: Int

        var description: String { "\(rule) from \(start) \(zone)" }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var python: String {
        ProcessInfo.processInfo.environment["CONCERT_PYTHON"]
            ?? packageRoot.appendingPathComponent(".venv/bin/python3").path
    }

    /// The occurrences dateutil gives for each request, as UTC `YYYY-MM-DDTHH:MM:SSZ` strings.
    static func expand(_ requests: [Request]) throws -> [[String]] {
        let output = try run(script, input: try JSONEncoder().encode(requests))
        return try JSONDecoder().decode([[String]].self, from: output)
    }

    /// `dateutil.easter.easter(year)` (the Western, Gregorian method) for each year, `YYYY-MM-DD`.
    static func easterSundays(_ years: [Int]) throws -> [String] {
        let script = #"""
            import json, sys
            try:
                from dateutil.easter import easter
            except ImportError as error:
                sys.exit("python-dateutil is not installed for " + sys.executable + ": " + str(error))
            json.dump([easter(year).isoformat() for year in json.load(sys.stdin)], sys.stdout)
            """#
        return try JSONDecoder().decode([String].self, from: try run(script, input: try JSONEncoder().encode(years)))
    }

    /// Runs a Python script with `input` on stdin and returns its stdout; a failure carries its stderr.
    private static func run(_ script: String, input: Data) throws -> Data {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw Failure(
                description: "no Python at \(python): set CONCERT_PYTHON or create the venv "
                    + "(python3 -m venv .venv && .venv/bin/pip install python-dateutil)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script]
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = FileManager.default.temporaryDirectory.appendingPathComponent("dateutil-\(UUID()).err")
        try Data().write(to: stderr)
        defer { try? FileManager.default.removeItem(at: stderr) }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        // Python reads all of its input before it writes, so writing first cannot deadlock.
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
            throw Failure(description: "\(python) failed (exit \(process.terminationStatus)): \(message)")
        }
        return output
    }

    /// Reads the requests as JSON on stdin; DTSTART is zone-aware, so dateutil keeps the
    /// wall-clock time and zoneinfo (fold=0) resolves gaps and folds as RFC 5545 does. A
    /// date-only UNTIL becomes the end of that local day.
    static let script = #"""
        import json, sys
        try:
            from dateutil.rrule import rrulestr
        except ImportError as error:
            sys.exit("python-dateutil is not installed for " + sys.executable + ": " + str(error)
                     + " (pip install python-dateutil)")
        from datetime import datetime, timezone
        from zoneinfo import ZoneInfo

        def utc(text):
            return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)

        results = []
        for request in json.load(sys.stdin):
            zone = ZoneInfo(request["zone"])
            start = datetime.strptime(request["start"], "%Y-%m-%dT%H:%M").replace(tzinfo=zone)
            kept, until = [], None
            for part in request["rule"].split(";"):
                name, _, value = part.partition("=")
                if name.upper() == "UNTIL" and len(value) == 8:
                    until = datetime.strptime(value, "%Y%m%d").replace(hour=23, minute=59, second=59, tzinfo=zone)
                else:
                    kept.append(part)
            rule = rrulestr(";".join(kept), dtstart=start)
            if until is not None:
                rule = rule.replace(until=until)
            low, high, found = utc(request["from"]), utc(request["through"]), []
            for occurrence in rule:
                instant = occurrence.astimezone(timezone.utc)
                if instant > high:
                    break
                if instant >= low:
                    found.append(instant.strftime("%Y-%m-%dT%H:%M:%SZ"))
                    if len(found) >= request["limit"]:
                        break
            results.append(found)
        json.dump(results, sys.stdout)
        """#
}
