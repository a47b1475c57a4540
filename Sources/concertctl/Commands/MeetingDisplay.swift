import Varlink

/// How meetings and tasks from the daemon are printed for people. Every text from the plan or
/// from users goes through `TerminalText`.
enum MeetingDisplay {
    /// A key and its value, aligned like `measure show`.
    static func field(_ key: String, _ value: String) {
        Output.line(key.padding(toLength: 13, withPad: " ", startingAt: 0) + TerminalText.line(value))
    }

    /// `convened`, `scheduled (extraordinary)`.
    static func status(_ m: JSONValue) -> String {
        let status = Optional(m)["status"].text
        return Optional(m)["extraordinary"]?.boolValue == true ? "\(status) (extraordinary)" : status
    }

    /// `2027-01-12T10:00 to 12:00 Europe/Lisbon`.
    static func when(_ m: JSONValue) -> String {
        let m = Optional(m)
        let start = m["local_start"].text
        let end = m["local_end"].text
        let sameDay = start.prefix(10) == end.prefix(10)
        return "\(start) to \(sameDay ? String(end.dropFirst(11)) : end) \(m["time_zone"].text)"
    }

    /// One agenda line: `  3. Title  [carried over from X; measure M07]`.
    static func agendaLine(_ item: JSONValue) -> String {
        let i = Optional(item)
        var notes: [String] = []
        switch i["source"]?.stringValue {
        case "carried_over": notes.append("carried over from \(i["carried_from"].text)")
        case "added": notes.append("added")
        case "escalation": notes.append("escalation")
        default: break
        }
        if let measure = i["measure"]?.stringValue { notes.append("measure \(measure)") }
        let suffix = notes.isEmpty ? "" : "  [\(notes.joined(separator: "; "))]"
        let number = i["number"].text
        return "  \(String(repeating: " ", count: max(0, 2 - number.count)))\(number). \(i["title"].text)\(suffix)"
    }

    /// The whole meeting: when, where, status, convocation, agenda and minutes.
    static func render(_ meeting: JSONValue) {
        let m = Optional(meeting)
        field("meeting", m["id"].text)
        field("body", "\(m["body"].text)  \(m["body_name"].text)")
        field("when", when(meeting))
        field("starts", m["start"].text)
        field("venue", m["venue"].text)
        field("status", "\(status(meeting)), sequence \(m["sequence"].text)")
        if m["moved_from"]?.stringValue != nil { field("moved from", m["moved_from"].text) }
        if m["reason"]?.stringValue != nil { field("reason", m["reason"].text) }
        if m["convened_at"]?.stringValue != nil {
            field("convened", "\(m["convened_at"].text) to \(m["convened"].items.map { Optional($0).text }.joined(separator: ", "))")
        } else if m["status"]?.stringValue == "scheduled" {
            field("convocation", "due \(m["convocation_at"].text)")
        }
        Output.line("")
        let frozen = m["status"]?.stringValue != "scheduled"
        Output.line(frozen ? "Agenda:" : "Agenda (provisional until the convocation):")
        if m["agenda"].items.isEmpty { Output.line("  (empty)") }
        for item in m["agenda"].items { Output.line(TerminalText.line(agendaLine(item))) }
        guard case .object = m["minutes"] else { return }
        let minutes = m["minutes"]
        Output.line("")
        Output.line("Minutes:")
        field("  present", list(minutes["present"]))
        field("  absent", list(minutes["absent"]))
        field("  resolved", list(minutes["resolved"]))
        field("  unresolved", list(minutes["unresolved"]))
        if minutes["note"]?.stringValue != nil { field("  note", minutes["note"].text) }
        let decisions = minutes["decisions"].items
        if decisions.isEmpty { return field("  decisions", "none") }
        Output.line("  decisions:")
        for d in decisions.map(Optional.init) {
            var line = "    \(d["number"].text). \(d["text"].text)"
            if d["item"]?.intValue != nil { line += "  [item \(d["item"].text)]" }
            if !d["tasks"].items.isEmpty { line += "  -> tasks \(list(d["tasks"]))" }
            Output.line(TerminalText.line(line))
        }
    }

    /// A list as `a, b, c`, or `-` when empty.
    static func list(_ value: JSONValue?) -> String {
        let items = value.items
        return items.isEmpty ? "-" : items.map { Optional($0).text }.joined(separator: ", ")
    }

    /// `open`, `open (OVERDUE)`.
    static func taskStatus(_ t: JSONValue) -> String {
        let t = Optional(t)
        return t["overdue"]?.boolValue == true ? "\(t["status"].text) (OVERDUE)" : t["status"].text
    }

    /// Who handles a task: `pcm-technical`, or `pcm-technical-deputy (for pcm-technical)`.
    static func handler(_ t: JSONValue) -> String {
        let t = Optional(t)
        let assignee = t["assignee"].text
        let handler = t["handled_by"].text
        return handler == assignee ? assignee : "\(handler) (for \(assignee))"
    }

    /// A task table.
    static func taskTable(_ tasks: [JSONValue]) -> String {
        var table = TextTable("ID", "DUE", "STATUS", "OWNER", "HANDLED BY", "TITLE")
        for t in tasks {
            let o = Optional(t)
            table.add(o["id"].text, o["due"].text, taskStatus(t), o["owner"].text, handler(t), o["title"].text)
        }
        return table.render()
    }
}
