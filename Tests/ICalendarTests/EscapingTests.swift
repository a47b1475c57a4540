import Foundation
import ICalendar
import Testing

/// TEXT escaping, parameter encoding, and that no input can start a property of its own.
@Suite struct EscapingTests {
    static func lines(_ change: (inout ICalendarEvent) -> Void) throws -> [String] {
        try Fixtures.meeting().with(change).document().unfoldedLines()
    }

    static func line(_ prefix: String, _ change: (inout ICalendarEvent) -> Void) throws -> String? {
        try lines(change).first { $0.hasPrefix(prefix) }
    }

    @Test func escapesBackslashSemicolonCommaAndNewlines() throws {
        let summary = try Self.line("SUMMARY") { $0.summary = #"a\b;c,d"# + "\ne\r\nf\rg" }
        #expect(summary == #"SUMMARY:a\\b\;c\,d\ne\nf\ng"#)
    }

    @Test func writesUnicodeLineBreaksAsNewlinesAndDropsControlCharacters() throws {
        let description = try Self.line("DESCRIPTION") {
            $0.description = "um\u{2028}dois\u{2029}três\u{85}quatro\u{0}\u{7}\u{1B}[31m\u{7F}\u{9B}\tfim"
        }
        #expect(description == "DESCRIPTION:um\\ndois\\ntrês\\nquatro[31m\tfim")
    }

    @Test func escapesEveryTextProperty() throws {
        let lines = try Fixtures.meeting().with {
            $0.uid = "a,b;c@x"
            $0.location = "Rua A, 1; Lisboa"
            $0.categories = ["Saúde, Educação", "Ambiente;Clima"]
        }.document().unfoldedLines()
        #expect(lines.contains("UID:a\\,b\\;c@x"))
        #expect(lines.contains("LOCATION:Rua A\\, 1\\; Lisboa"))
        #expect(lines.contains("CATEGORIES:Saúde\\, Educação,Ambiente\\;Clima"))
        let prodID = try ICalendarDocument(productID: "-//A, B; C//EN").unfoldedLines()[1]
        #expect(prodID == "PRODID:-//A\\, B\\; C//EN")
    }

    @Test func keepsAnInjectedPropertyInsideTheTitle() throws {
        let attack = "Orçamento\r\nATTENDEE:mailto:intruso@example.org\r\nEND:VEVENT\nBEGIN:VEVENT"
        let lines = try Self.lines { $0.summary = attack }
        #expect(lines.filter { $0.hasPrefix("ATTENDEE") }.count == Fixtures.attendees.count)
        #expect(!lines.contains { $0.contains("intruso") && !$0.hasPrefix("SUMMARY:") })
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 1)
        #expect(
            lines.contains("SUMMARY:Orçamento\\nATTENDEE:mailto:intruso@example.org\\nEND:VEVENT\\nBEGIN:VEVENT"))
    }

    @Test func quotesParameterValuesWithColonSemicolonOrComma() throws {
        let organizer = try Self.line("ORGANIZER") {
            $0.organizer = ICalendarOrganizer(name: "Sousa, Ana: DGT; Lisboa", email: "ana@example.pt")
        }
        #expect(organizer == #"ORGANIZER;CN="Sousa, Ana: DGT; Lisboa":mailto:ana@example.pt"#)
    }

    @Test func stripsQuotesAndControlCharactersFromParameterValues() throws {
        let attendee = try Self.line("ATTENDEE") {
            $0.attendees = [
                ICalendarAttendee(name: #"Ana";ROLE=CHAIR:mailto:x@example.org"#, email: "ana@example.pt")
            ]
        }
        #expect(
            attendee
                == #"ATTENDEE;CN="Ana;ROLE=CHAIR:mailto:x@example.org";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:ana@example.pt"#
        )
    }

    @Test func turnsLineBreaksInNamesIntoSpaces() throws {
        let attendee = try Self.line("ATTENDEE") {
            $0.attendees = [
                ICalendarAttendee(name: "Ana\r\nATTENDEE:mailto:x@example.org\u{0}\tSilva", email: "ana@example.pt")
            ]
        }
        #expect(
            attendee
                == #"ATTENDEE;CN="Ana ATTENDEE:mailto:x@example.org Silva";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:ana@example.pt"#
        )
    }

    @Test func writesACaretTwiceForRFC6868Readers() throws {
        let organizer = try Self.line("ORGANIZER") {
            $0.organizer = ICalendarOrganizer(name: "A^nB", email: "a@example.pt")
        }
        #expect(organizer == "ORGANIZER;CN=A^^nB:mailto:a@example.pt")
    }

    @Test func percentEncodesAddressesOutsideTheSafeSet() throws {
        let organizer = try Self.line("ORGANIZER") {
            $0.organizer = ICalendarOrganizer(email: "joão+atas%1?x@câmara.example.pt")
        }
        #expect(organizer == "ORGANIZER:mailto:jo%C3%A3o+atas%251%3Fx@c%C3%A2mara.example.pt")
    }

    @Test(arguments: [
        "ana@example.pt\r\nATTENDEE:mailto:x@example.org", "ana silva@example.pt", "ana@example.pt\u{2028}", "",
        "@example.pt", "ana@", "ana.example.pt",
    ])
    func refusesAddressesThatAreNotOneMailbox(address: String) {
        expectRefusal(
            Fixtures.meeting().with { $0.attendees = [ICalendarAttendee(email: address)] }.document(), .invalidAddress)
    }

    @Test func refusesARecurrenceRuleThatCarriesAnotherProperty() {
        let document = Fixtures.meeting().with { $0.recurrenceRule = "FREQ=DAILY\r\nATTENDEE:mailto:x@example.org" }
        expectRefusal(document.document(), .invalidRecurrenceRule)
    }
}
