import ConcertCore
import ConcertWorkflows
import Foundation
import Testing

/// `notices: maildir|smtp` on a focal point: how its notices reach it.
@Suite("focal point notice channels")
struct FocalPointChannelTests {
    static func entities(political: String, technical: String = "") -> String {
        WorkflowFixture.entities
            .replacingOccurrences(of: "        email: ana@example.org\n", with: "        email: ana@example.org\n\(political)")
            .replacingOccurrences(of: "        deputy: mai-political\n", with: "        deputy: mai-political\n\(technical)")
    }

    @Test func maildirIsTheDefaultAndSmtpIsRead() throws {
        let fixture = try WorkflowFixture(["entities.yaml": Self.entities(political: "        notices: smtp\n")])
        defer { fixture.remove() }
        let plan = try fixture.load().get()
        #expect(plan.focalPoints.first { $0.id == "mai-political" }?.noticeChannel == .smtp)
        #expect(plan.focalPoints.first { $0.id == "mai-technical" }?.noticeChannel == .maildir)
    }

    @Test func maildirCanBeWrittenOut() throws {
        let fixture = try WorkflowFixture(["entities.yaml": Self.entities(political: "        notices: maildir\n")])
        defer { fixture.remove() }
        #expect(try fixture.load().get().focalPoints.allSatisfy { $0.noticeChannel == .maildir })
    }

    @Test func anUnknownChannelIsReportedWithItsPlaceAndTheChoices() throws {
        let found = try diagnostics(["entities.yaml": Self.entities(political: "        notices: mail\n")])
        #expect(found.count == 1, "\(found)")
        let message = try #require(found.first)
        #expect(message.hasPrefix("entities.yaml:10:18: "), "\(message)")
        #expect(message.contains("'mail' is not one of: maildir, smtp, journal"), "\(message)")
    }

    @Test func smtpNeedsAnEmailAddress() throws {
        let found = try diagnostics(["entities.yaml": Self.entities(political: "", technical: "        notices: smtp\n")])
        #expect(found.count == 1, "\(found)")
        let message = try #require(found.first)
        #expect(message.hasPrefix("entities.yaml:16:18: "), "\(message)")
        #expect(message.contains("mai-technical receives notices by smtp but has no usable email"), "\(message)")
    }

    @Test func anOlderRecordWithoutTheChannelReadsAsMaildir() throws {
        let point = FocalPoint(id: "x", entity: "mai", level: .technical, name: "X", noticeChannel: .smtp)
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(point)) as? [String: Any])
        #expect(object["noticeChannel"] as? String == "smtp")
        object["noticeChannel"] = nil
        let older = try JSONDecoder().decode(FocalPoint.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(older.noticeChannel == .maildir)
        #expect(try JSONDecoder().decode(FocalPoint.self, from: JSONEncoder().encode(point)) == point)
    }
}
