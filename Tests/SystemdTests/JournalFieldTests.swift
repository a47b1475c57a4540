import Logging
import Testing

@testable import Systemd

@Suite("journal fields")
struct JournalFieldTests {
    @Test(arguments: [
        ("plan", "PLAN"),
        ("last_sequence", "LAST_SEQUENCE"),
        ("measure-id", "MEASURE_ID"),
        ("focal.point", "FOCAL_POINT"),
        ("_hidden", "HIDDEN"),
        ("__x", "X"),
        ("2fa", "FA"),
        ("_9lives", "LIVES"),
        ("ação", "A__O"),
        ("Mixed Case", "MIXED_CASE"),
    ])
    func sanitises(key: String, expected: String) {
        #expect(JournalFieldName.sanitised(key) == expected)
    }

    @Test func nothingLeftIsNoField() {
        #expect(JournalFieldName.sanitised("") == nil)
        #expect(JournalFieldName.sanitised("_") == nil)
        #expect(JournalFieldName.sanitised("123") == nil)
    }

    @Test func longKeysAreCut() {
        let name = JournalFieldName.sanitised(String(repeating: "a", count: 100))
        #expect(name?.count == JournalFieldName.maximumLength)
    }

    @Test func everyNameFollowsTheJournalsRules() {
        for key in ["a b", "-x", "9_", "é", "ok_1", "x.y.z", "_A_"] {
            guard let name = JournalFieldName.sanitised(key) else { continue }
            #expect(name.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
            #expect(name.first != "_" && !(name.first?.isNumber ?? true))
        }
    }

    @Test(arguments: [
        (Logger.Level.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
    ])
    func priorities(level: Logger.Level, priority: Int) {
        #expect(JournalPriority.priority(for: level) == priority)
    }

    @Test func entryFields() {
        let fields = JournalLogHandler.fields(
            message: "escalation raised", level: .warning,
            metadata: ["measure": "M07", "level": "2", "message_id": "escalation_raised", "priority": "spoof"],
            identifier: "concertd", label: "concertd", file: "Monitor.swift", function: "raise()", line: 42)
        #expect(fields.contains("MESSAGE=escalation raised"))
        #expect(fields.contains("PRIORITY=4"))
        #expect(fields.contains("CODE_FILE=Monitor.swift"))
        #expect(fields.contains("CODE_LINE=42"))
        #expect(fields.contains("CODE_FUNC=raise()"))
        #expect(fields.contains("SYSLOG_IDENTIFIER=concertd"))
        #expect(fields.contains("MEASURE=M07"))
        #expect(fields.contains("LEVEL=2"))
        #expect(fields.contains("MESSAGE_ID=\(JournalMessageID.escalationRaised)"))
        #expect(!fields.contains("PRIORITY=spoof"), "metadata must not override the entry's own fields")
    }

    @Test func messageIDs() {
        let all = Array(JournalMessageID.byName.values)
        #expect(Set(all).count == all.count)
        for id in all { #expect(id.count == 32 && id.allSatisfy(\.isHexDigit)) }
        #expect(JournalMessageID.resolve("reload_refused") == JournalMessageID.reloadRefused)
        #expect(JournalMessageID.resolve("ABCDEF0123456789ABCDEF0123456789") == "abcdef0123456789abcdef0123456789")
        #expect(JournalMessageID.resolve("nonsense") == nil)
    }
}
