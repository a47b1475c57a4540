import ArgumentParser
import Varlink

extension Concertctl {
    struct Events: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print recorded events, and with --follow keep printing new ones as they are committed.",
            discussion: """
                Without --follow, prints the events after --since (default 0: all of them) and exits. With \
                --follow, prints the events after --since if given, then every new event until interrupted \
                (or until --count events). --json prints one JSON object per line.
                """)

        @OptionGroup var options: GlobalOptions
        @Flag(help: "Keep printing new events as they are committed.") var follow = false
        @Option(help: ArgumentHelp("Start after this sequence number.", valueName: "n")) var since: Int?
        @Option(help: ArgumentHelp("Only events about this measure (without --follow).", valueName: "id")) var measure: String?
        @Option(help: ArgumentHelp("Stop after this many events.", valueName: "n")) var count: Int?

        func validate() throws {
            if let count, count < 1 { throw ValidationError("--count must be at least 1") }
            if let since, since < 0 { throw ValidationError("--since must be 0 or more") }
            if follow && measure != nil { throw ValidationError("--measure works without --follow only") }
        }

        func run() async throws {
            try await withDaemon(options) { connection in
                var printed = 0
                var table = EventPrinter(json: options.json)
                if follow {
                    var parameters: [String: JSONValue] = [:]
                    if let since { parameters["since"] = .int(Int64(since)) }
                    for try await reply in try await connection.stream("io.concert.Events.Subscribe", parameters) {
                        table.print(JSONValue.object(reply)["event"] ?? .null)
                        printed += 1
                        if let count, printed >= count { return }
                    }
                    return
                }
                var after = Int64(since ?? 0)
                while true {
                    var parameters: [String: JSONValue] = ["since": .int(after), "limit": .int(1000)]
                    if let measure { parameters["measure"] = .string(measure) }
                    let page = try await connection.call("io.concert.Events.List", parameters)
                    let events = page["events"].items
                    for event in events {
                        table.print(event)
                        printed += 1
                        if let count, printed >= count { return }
                    }
                    guard let last = events.last?["sequence"]?.intValue, events.count == 1000 else { break }
                    after = last
                }
            }
        }
    }
}

/// Prints events as lines of JSON or as a readable log.
struct EventPrinter {
    let json: Bool

    mutating func print(_ event: JSONValue) {
        if json { return Output.line(Output.json(event, pretty: false)) }
        let data = event["data"]
        var detail: [String] = []
        if let stage = data["stage"]?.stringValue { detail.append(stage) }
        if let deadline = data["deadline"]?.stringValue { detail.append("deadline \(deadline)") }
        if case .object(let values)? = data["indicators"], !values.isEmpty {
            detail.append(values.sorted { $0.key < $1.key }.map { "\($0.key)=\(Optional($0.value).text)" }.joined(separator: " "))
        }
        if let note = data["note"]?.stringValue ?? data["reason"]?.stringValue { detail.append("\"\(note)\"") }
        Output.line(
            TerminalText.line(
                "#\(event["sequence"].text) \(event["at"].text) \(event["kind"].text) \(event["measure"].text) by \(event["by"].text): \(detail.joined(separator: ", "))"))
    }
}
