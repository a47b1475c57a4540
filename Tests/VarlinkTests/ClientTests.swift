import Foundation
import Testing

@testable import Varlink

@Suite("Client")
struct ClientTests {
    @Test("addresses")
    func addresses() throws {
        #expect(try VarlinkAddress(parsing: "unix:/run/x.sock") == .unixSocket(path: "/run/x.sock"))
        #expect(try VarlinkAddress(parsing: "unix:/run/x.sock;mode=0666") == .unixSocket(path: "/run/x.sock"))
        #expect(try VarlinkAddress(parsing: "/run/x.sock") == .unixSocket(path: "/run/x.sock"))
        #expect(try VarlinkAddress(parsing: "relative/x.sock") == .unixSocket(path: "relative/x.sock"))
        for invalid in ["", "unix:", "unix:@abstract", "tcp:127.0.0.1:1234"] {
            #expect(throws: VarlinkClientError.self) { try VarlinkAddress(parsing: invalid) }
        }
    }

    @Test("connecting to a missing socket fails")
    func missingSocket() async throws {
        let directory = try TemporaryDirectory()
        await #expect(throws: (any Error).self) {
            try await VarlinkClient.withConnection(to: directory.file("none.sock")) { _ in }
        }
    }

    @Test("error replies throw VarlinkError and leave the connection usable")
    func errorReplies() async throws {
        try await withServer(service: try makeTestService()) { path, _ in
            try await VarlinkClient.withConnection(to: path) { client in
                do {
                    _ = try await client.call("org.example.test.Fail", parameters: ["kind": "varlink"])
                    Issue.record("no error thrown")
                } catch let error as VarlinkError {
                    #expect(error.name == "org.example.test.Failed")
                    #expect(error.parameters == ["reason": "asked to"])
                }
                let sum = try await client.call("org.example.test.Add", parameters: ["a": 40, "b": 2])
                #expect(sum == ["sum": 42])
            }
        }
    }

    @Test("typed calls encode and decode Codable values")
    func typedCalls() async throws {
        struct AddParameters: Encodable { var a: Int; var b: Int }
        struct AddReply: Decodable, Equatable { var sum: Int }
        struct LookupParameters: Encodable { var items: [TestItem]; var id: Int }
        struct CountParameters: Encodable { var upto: Int }
        try await withServer(service: try makeTestService()) { path, _ in
            try await VarlinkClient.withConnection(to: path) { client in
                let sum = try await client.call(
                    "org.example.test.Add", parameters: AddParameters(a: 2, b: 5), returning: AddReply.self)
                #expect(sum == AddReply(sum: 7))
                let items = [TestItem(id: 1, name: "one"), TestItem(id: 2, name: "two")]
                let found = try await client.call(
                    "org.example.test.Lookup", parameters: LookupParameters(items: items, id: 2),
                    returning: TestLookupReply.self)
                #expect(found.item == items[1])
                let missing = try await client.call(
                    "org.example.test.Lookup", parameters: LookupParameters(items: items, id: 9),
                    returning: TestLookupReply.self)
                #expect(missing.item == nil)
                var numbers: [Int] = []
                for try await reply in try await client.callMore(
                    "org.example.test.Count", parameters: CountParameters(upto: 4))
                {
                    numbers.append(try reply.decode([String: Int].self)["n"] ?? -1)
                }
                #expect(numbers == [1, 2, 3, 4])
                await #expect(throws: VarlinkClientError.self) {
                    try await client.call("org.example.test.Add", parameters: [1, 2], returning: AddReply.self)
                }
            }
        }
    }

    @Test("more calls stream replies; errors end the stream")
    func streaming() async throws {
        try await withServer(service: try makeTestService()) { path, _ in
            try await VarlinkClient.withConnection(to: path) { client in
                var replies: [[String: JSONValue]] = []
                for try await reply in try await client.callMore("org.example.test.Count", parameters: ["upto": 3]) {
                    replies.append(reply)
                }
                #expect(replies == [["n": 1], ["n": 2], ["n": 3]])
                let failing = try await client.callMore("org.example.test.Count", parameters: ["upto": 0])
                await #expect(throws: VarlinkError.self) {
                    for try await _ in failing {}
                }
                let sum = try await client.call("org.example.test.Add", parameters: ["a": 1, "b": 1])
                #expect(sum == ["sum": 2])
            }
        }
    }

    @Test("abandoning a reply stream makes the connection unusable")
    func abandonedStream() async throws {
        try await withServer(service: try makeTestService()) { path, _ in
            try await VarlinkClient.withConnection(to: path) { client in
                do {
                    var iterator = try await client.callMore("org.example.test.Count", parameters: ["upto": 5])
                        .makeAsyncIterator()
                    #expect(try await iterator.next() == ["n": 1])
                }
                do {
                    _ = try await client.call("org.example.test.Add", parameters: ["a": 1, "b": 1])
                    Issue.record("the call succeeded")
                } catch let error as VarlinkClientError {
                    #expect(error.code == .connectionUnusable)
                }
            }
        }
    }

    @Test("oneway calls return at once and the next call works")
    func oneway() async throws {
        let recorder = TestRecorder()
        try await withServer(service: try makeTestService(recorder: recorder)) { path, _ in
            try await VarlinkClient.withConnection(to: path) { client in
                try await client.callOneway("org.example.test.Record", parameters: ["note": "x"])
                try await client.callOneway("org.nope.Ignored")
                let notes = try await client.call("org.example.test.Notes")
                #expect(notes == ["notes": ["x"]])
            }
        }
    }

    @Test("concurrent calls on one client are serialized and each gets its own reply")
    func concurrentCalls() async throws {
        try await withServer(service: try makeTestService()) { path, _ in
            try await VarlinkClient.withConnection(to: path) { client in
                try await withThrowingTaskGroup(of: (Int, [String: JSONValue]).self) { group in
                    for index in 0..<40 {
                        group.addTask {
                            if index % 5 == 0 {
                                var count = 0
                                for try await _ in try await client.callMore(
                                    "org.example.test.Count", parameters: ["upto": .int(Int64(index + 1))])
                                {
                                    count += 1
                                }
                                return (index, ["count": .int(Int64(count))])
                            }
                            if index % 7 == 0 {
                                return (
                                    index,
                                    try await client.call("org.example.test.Sleep", parameters: ["milliseconds": 5])
                                )
                            }
                            return (
                                index,
                                try await client.call(
                                    "org.example.test.Add", parameters: ["a": .int(Int64(index)), "b": 1000])
                            )
                        }
                    }
                    for try await (index, reply) in group {
                        if index % 5 == 0 {
                            #expect(reply == ["count": .int(Int64(index + 1))])
                        } else if index % 7 == 0 {
                            #expect(reply == ["slept": 5])
                        } else {
                            #expect(reply == ["sum": .int(Int64(index + 1000))])
                        }
                    }
                }
            }
        }
    }

    @Test("the client sends no false flags and omits empty parameters")
    func wireFormat() async throws {
        // A fake server that records what the client sends.
        let directory = try TemporaryDirectory()
        let path = directory.file("fake.sock")
        let listener = try makeListeningSocket(path: path)
        defer { close(listener) }
        try await withTimeout {
            // Blocking socket calls run on a thread of their own, not the concurrency pool.
            async let received: [String] = onThread {
                let connection = accept(listener, nil, nil)
                defer { close(connection) }
                var buffer = [UInt8](repeating: 0, count: 4096)
                var data: [UInt8] = []
                var messages: [String] = []
                while messages.count < 3 {
                    let count = read(connection, &buffer, buffer.count)
                    guard count > 0 else { break }
                    data += buffer[0..<count]
                    while let nul = data.firstIndex(of: 0) {
                        messages.append(String(decoding: data[..<nul], as: UTF8.self))
                        data.removeFirst(nul + 1)
                        if messages.count != 2 {
                            // Reply to everything but the oneway call.
                            let reply = Array(#"{"parameters":{}}"#.utf8) + [0]
                            _ = write(connection, reply, reply.count)
                        }
                    }
                }
                return messages
            }
            try await VarlinkClient.withConnection(to: path) { client in
                _ = try await client.call("a.b.First")
                try await client.callOneway("a.b.Second", parameters: ["x": 1])
                _ = try await client.call("a.b.Third", parameters: ["y": false])
            }
            #expect(
                await received == [
                    #"{"method":"a.b.First"}"#, #"{"method":"a.b.Second","oneway":true,"parameters":{"x":1}}"#,
                    #"{"method":"a.b.Third","parameters":{"y":false}}"#,
                ])
        }
    }
}

/// Runs blocking `work` on a new thread and returns its result.
func onThread<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
    await withCheckedContinuation { continuation in
        let thread = Thread {
            continuation.resume(returning: work())
        }
        thread.start()
    }
}

/// State owned by the main actor, updated from inside a client scope.
@MainActor
final class MainActorModel {
    var sum: JSONValue?
}

@MainActor
func addOnMainActor(path: String, model: MainActorModel) async throws {
    try await VarlinkClient.withConnection(to: path) { client in
        model.sum = try await client.call("org.example.test.Add", parameters: ["a": 20, "b": 22])["sum"]
    }
}

@Suite("Client isolation")
struct ClientIsolationTests {
    @Test("the client scope runs on the caller's actor")
    func mainActorCaller() async throws {
        try await withServer(service: try makeTestService()) { path, _ in
            let model = MainActorModel()
            try await addOnMainActor(path: path, model: model)
            #expect(await model.sum == 42)
        }
    }
}
