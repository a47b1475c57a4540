import Varlink

/// How escalations and the reporting cycle are printed for people. Every text from the plan or
/// from users goes through `TerminalText`.
enum EscalationDisplay {
    /// `measure M01`, `report M01 2027-01`, `task T3`.
    static func subject(_ e: JSONValue) -> String {
        let s = Optional(e)["subject"]
        let period = s["period"]?.stringValue.map { " \($0)" } ?? ""
        return "\(s["kind"].text) \(s["id"].text)\(period)"
    }

    /// `2027-02-01T09:00:00.000Z` as `2027-02-01 09:00Z`.
    static func instant(_ value: JSONValue?) -> String {
        guard let text = value?.stringValue, text.count >= 16 else { return value.text }
        return "\(text.prefix(10)) \(text.dropFirst(11).prefix(5))Z"
    }

    /// An escalation table.
    static func table(_ escalations: [JSONValue]) -> String {
        var table = TextTable("ID", "SUBJECT", "LEVEL", "STATE", "STARTED", "NEXT")
        for e in escalations {
            let o = Optional(e)
            table.add(
                o["id"].text, subject(e), "\(o["level"].text) \(o["level_action"].text)", o["state"].text,
                instant(o["started"]), o["next"].text)
        }
        return table.render()
    }

    /// One escalation, then its history one line per entry.
    static func render(_ escalation: JSONValue) {
        let e = Optional(escalation)
        let title = e["subject"]["title"]?.stringValue.map { "  \($0)" } ?? ""
        MeetingDisplay.field("escalation", "\(e["id"].text)  \(subject(escalation))\(title)")
        MeetingDisplay.field("state", e["state"].text)
        let levels = e["levels"]?.intValue.map { "\($0)" } ?? "-"
        MeetingDisplay.field(
            "level", "\(e["level"].text) of \(levels): \(e["level_action"].text) (ladder \(e["ladder"].text))")
        MeetingDisplay.field("started", e["started"].text)
        MeetingDisplay.field("level since", e["level_since"].text)
        if e["snoozed_until"]?.stringValue != nil {
            MeetingDisplay.field("snoozed", "until \(e["snoozed_until"].text)")
        }
        if e["meeting"]?.stringValue != nil { MeetingDisplay.field("meeting", e["meeting"].text) }
        MeetingDisplay.field("entities", MeetingDisplay.list(e["entities"]))
        MeetingDisplay.field("told", MeetingDisplay.list(e["told"]))
        MeetingDisplay.field("next", e["next"].text)
        Output.line("")
        Output.line("History:")
        for entry in e["history"].items.map(Optional.init) {
            let by = entry["by"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "-"
            Output.line(
                TerminalText.line(
                    "  \(entry["at"].text)  \(entry["kind"].text.padding(toLength: 12, withPad: " ", startingAt: 0)) level \(entry["level"].text)  \(by): \(entry["detail"].text)"
                ))
        }
    }

    /// A period's reporting status: its window, then who reported and who is missing.
    static func renderReports(_ reply: JSONValue) {
        let r = Optional(reply)
        MeetingDisplay.field(
            "period", "\(r["period"].text): window opens \(r["opens"].text), reports due \(r["due"].text)")
        MeetingDisplay.field("reported", "\(r["reported"].items.count): \(MeetingDisplay.list(r["reported"]))")
        MeetingDisplay.field("missing", "\(r["missing"].items.count): \(MeetingDisplay.list(r["missing"]))")
    }
}
