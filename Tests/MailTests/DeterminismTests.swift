import Foundation
import Mail
import Testing

/// The same message always serialises to the same octets, so a re-delivery is identical.
@Suite struct DeterminismTests {
    @Test func serialisesTheSameMessageIdentically() throws {
        let first = try Fixtures.invitation().serialized()
        for _ in 0..<3 {
            #expect(try Fixtures.invitation().serialized() == first)
        }
    }

    @Test func drawsBoundariesFromTheContent() throws {
        var message = Fixtures.invitation()
        let before = try Serialized(message).field("Content-Type")
        message.body = .mixed([.text("another text"), .calendar(Fixtures.calendar, method: "REQUEST")])
        let after = try Serialized(message).field("Content-Type")
        #expect(before != after)
        #expect(after?.hasPrefix("multipart/mixed; boundary=\"=_") == true)
    }
}
