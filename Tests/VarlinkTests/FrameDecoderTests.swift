import NIOCore
import Testing

@testable import Varlink

@Suite("Frame decoder")
struct FrameDecoderTests {
    private func messages(_ decoder: inout VarlinkFrameDecoder) throws -> [String] {
        var result: [String] = []
        while let message = try decoder.nextMessage() {
            result.append(String(buffer: message))
        }
        return result
    }

    @Test("reassembles messages fed one byte at a time")
    func byteByByte() throws {
        var decoder = VarlinkFrameDecoder()
        let stream = Array(#"{"method":"a.b.C"}"#.utf8) + [0] + Array(#"{"x":1}"#.utf8) + [0]
        var received: [String] = []
        for byte in stream {
            decoder.append([byte])
            received += try messages(&decoder)
        }
        #expect(received == [#"{"method":"a.b.C"}"#, #"{"x":1}"#])
        #expect(!decoder.hasPartialMessage)
    }

    @Test("splits several messages delivered in one read")
    func coalesced() throws {
        var decoder = VarlinkFrameDecoder()
        decoder.append(Array("{}\u{0}{\"a\":1}\u{0}[]\u{0}{\"par".utf8))
        #expect(try messages(&decoder) == ["{}", #"{"a":1}"#, "[]"])
        #expect(decoder.hasPartialMessage)
        decoder.append(Array("t\":2}\u{0}".utf8))
        #expect(try messages(&decoder) == [#"{"part":2}"#])
    }

    @Test("accepts a message of exactly the limit")
    func exactLimit() throws {
        var decoder = VarlinkFrameDecoder(maximumMessageSize: 8)
        decoder.append(Array("12345678".utf8))
        #expect(try decoder.nextMessage() == nil)
        decoder.append([0])
        #expect(try decoder.nextMessage().map { String(buffer: $0) } == "12345678")
    }

    @Test("fails as soon as a message exceeds the limit without a NUL")
    func oversizeWithoutTerminator() throws {
        var decoder = VarlinkFrameDecoder(maximumMessageSize: 8)
        decoder.append(Array("123456789".utf8))
        #expect(throws: VarlinkFrameError.self) { try decoder.nextMessage() }
        // The failure is sticky.
        decoder.append([0])
        #expect(throws: VarlinkFrameError.self) { try decoder.nextMessage() }
    }

    @Test("fails on an oversize message that arrives complete, after earlier messages")
    func oversizeCoalesced() throws {
        var decoder = VarlinkFrameDecoder(maximumMessageSize: 8)
        decoder.append(Array("ok\u{0}123456789\u{0}".utf8))
        #expect(try decoder.nextMessage().map { String(buffer: $0) } == "ok")
        #expect(throws: VarlinkFrameError.self) { try decoder.nextMessage() }
    }

    @Test("default limit is 16 MiB")
    func defaultLimit() {
        #expect(VarlinkFrameDecoder().maximumMessageSize == 16 * 1024 * 1024)
    }

    @Test("does not rescan: large message in many chunks")
    func manyChunks() throws {
        var decoder = VarlinkFrameDecoder()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 {
            decoder.append(chunk)
            #expect(try decoder.nextMessage() == nil)
        }
        decoder.append([0])
        #expect(try decoder.nextMessage()?.readableBytes == 1_000_000)
    }
}
