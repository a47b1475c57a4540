import Foundation
import NIOCore
import NIOPosix
import Testing

@testable import Varlink

@Suite("Server over a Unix socket")
struct ServerTests {
    @Test("GetInfo and GetInterfaceDescription")
    func serviceInterface() async throws {
        try await withServer(service: try makeTestService()) { path, _ in
            try await VarlinkClient.withConnection(to: "unix:" + path) { client in
                let info = try await client.getInfo()
                #expect(
                    info
                        == VarlinkServiceInfo(
                            vendor: "Example", product: "varlink-tests", version: "1.0", url: "https://example.org",
                            interfaces: ["org.example.test", "org.varlink.service"]))
                #expect(try await client.interfaceDescription(of: "org.example.test") == testInterfaceDescription)
                #expect(
                    try await client.interfaceDescription(of: "org.varlink.service")
                        == OrgVarlinkService.interfaceDescription)
                await #expect(throws: VarlinkError.interfaceNotFound("org.none")) {
                    try await client.interfaceDescription(of: "org.none")
                }
            }
        }
    }

    @Test("unknown interface and method, wrong parameter types")
    func errors() async throws {
        try await withServer(service: try makeTestService()) { path, _ in
            try await VarlinkClient.withConnection(to: path) { client in
                await #expect(throws: VarlinkError.interfaceNotFound("org.nope")) {
                    try await client.call("org.nope.Method")
                }
                await #expect(throws: VarlinkError.methodNotFound("org.example.test.Nope")) {
                    try await client.call("org.example.test.Nope")
                }
                await #expect(throws: VarlinkError.invalidParameter("a")) {
                    try await client.call("org.example.test.Add", parameters: ["a": "1", "b": 2])
                }
                await #expect(throws: VarlinkError.invalidParameter("b")) {
                    try await client.call("org.example.test.Add", parameters: ["a": 1, "b": 2.5])
                }
                await #expect(throws: VarlinkError.invalidParameter("b")) {
                    try await client.call("org.example.test.Add", parameters: ["a": 1])
                }
                await #expect(throws: VarlinkError.invalidParameter("extra")) {
                    try await client.call("org.example.test.Add", parameters: ["a": 1, "b": 2, "extra": true])
                }
                await #expect(throws: VarlinkError(name: "org.varlink.service.InternalError")) {
                    try await client.call("org.example.test.Fail", parameters: ["kind": "internal"])
                }
                // The connection keeps working after every error.
                let sum = try await client.call("org.example.test.Add", parameters: ["a": 1, "b": 2])
                #expect(sum == ["sum": 3])
            }
        }
    }

    @Test("pipelined calls are answered in order")
    func pipelining() async throws {
        try await withServer(service: try makeTestService()) { path, _ in
            try await RawConnection.with(path: path) { session in
                let calls = [
                    #"{"method":"org.example.test.Sleep","parameters":{"milliseconds":150}}"#,
                    #"{"method":"org.example.test.Add","parameters":{"a":1,"b":2}}"#,
                    #"{"method":"org.nope.X"}"#,
                    #"{"method":"org.example.test.Sleep","parameters":{"milliseconds":20}}"#,
                    #"{"method":"org.example.test.Add","parameters":{"a":10,"b":20}}"#,
                ]
                try await session.send(calls.map { Array($0.utf8) + [0] }.flatMap { $0 })
                var replies: [VarlinkReply] = []
                for _ in calls {
                    replies.append(try #require(try await session.receiveReply()))
                }
                #expect(
                    replies == [
                        VarlinkReply(parameters: ["slept": 150]), VarlinkReply(parameters: ["sum": 3]),
                        VarlinkReply(error: .interfaceNotFound("org.nope")), VarlinkReply(parameters: ["slept": 20]),
                        VarlinkReply(parameters: ["sum": 30]),
                    ])
            }
        }
    }

    @Test("a call split into single bytes is answered")
    func splitCall() async throws {
        try await withServer(service: try makeTestService()) { path, _ in
            try await RawConnection.with(path: path) { session in
                for byte in Array(#"{"method":"org.example.test.Add","parameters":{"a":2,"b":2}}"#.utf8) + [0] {
                    try await session.send([byte])
                }
                #expect(try await session.receiveReply() == VarlinkReply(parameters: ["sum": 4]))
            }
        }
    }

    @Test("more: continues on all replies but the last; never without more")
    func streaming() async throws {
        try await withServer(service: try makeTestService()) { path, _ in
            try await RawConnection.with(path: path) { session in
                try await session.sendMessage(
                    #"{"method":"org.example.test.Count","parameters":{"upto":3},"more":true}"#)
                let raw = [try await session.receive(), try await session.receive(), try await session.receive()]
                #expect(
                    raw.map { $0.map { String(decoding: $0, as: UTF8.self) } } == [
                        #"{"continues":true,"parameters":{"n":1}}"#, #"{"continues":true,"parameters":{"n":2}}"#,
                        #"{"parameters":{"n":3}}"#,
                    ])
                try await session.sendMessage(#"{"method":"org.example.test.Count","parameters":{"upto":3}}"#)
                #expect(try await session.receiveReply() == VarlinkReply(error: .expectedMore()))
            }
        }
    }

    @Test("oneway calls get no reply")
    func oneway() async throws {
        let recorder = TestRecorder()
        try await withServer(service: try makeTestService(recorder: recorder)) { path, _ in
            try await RawConnection.with(path: path) { session in
                try await session.sendMessage(
                    #"{"method":"org.example.test.Record","parameters":{"note":"a"},"oneway":true}"#)
                try await session.sendMessage(#"{"method":"org.nope.X","oneway":true}"#)
                try await session.sendMessage(
                    #"{"method":"org.example.test.Record","parameters":{"note":"b"},"oneway":true}"#)
                try await session.sendMessage(#"{"method":"org.example.test.Notes"}"#)
                #expect(try await session.receiveReply() == VarlinkReply(parameters: ["notes": ["a", "b"]]))
            }
        }
    }

    @Test("an oversize message closes only that connection")
    func oversize() async throws {
        try await withServer(service: try makeTestService(), configure: { $0.maximumMessageSize = 1024 }) { path, _ in
            try await VarlinkClient.withConnection(to: path) { bystander in
                #expect(try await bystander.call("org.example.test.Add", parameters: ["a": 1, "b": 1]) == ["sum": 2])
                try await RawConnection.with(path: path) { session in
                    // A complete call and the start of an oversize message in one write.
                    try await session.send(
                        Array(#"{"method":"org.example.test.Add","parameters":{"a":1,"b":2}}"#.utf8) + [0]
                            + [UInt8](repeating: UInt8(ascii: " "), count: 4096))
                    let messages = try await session.receiveUntilClosed()
                    #expect(messages.count == 1, "the call before the oversize message is answered")
                    #expect(session.closed)
                }
                // A message of exactly the limit is fine.
                let padding = String(
                    repeating: " ",
                    count: 1024 - #"{"method":"org.example.test.Add","parameters":{"a":1,"b":2}}"#.utf8.count)
                try await RawConnection.with(path: path) { session in
                    try await session.sendMessage(
                        #"{"method":"org.example.test.Add","parameters":{"a":1,"b":2}}"# + padding)
                    #expect(try await session.receiveReply() == VarlinkReply(parameters: ["sum": 3]))
                }
                #expect(try await bystander.call("org.example.test.Add", parameters: ["a": 2, "b": 2]) == ["sum": 4])
            }
        }
    }

    @Test(
        "malformed messages close only that connection",
        arguments: [
            Array("garbage".utf8), Array("[1,2]".utf8), Array(#"{"parameters":{}}"#.utf8),
            Array(#"{"method":"org.example.test.Add","more":true,"oneway":true}"#.utf8),
            Array(#"{"method":"org.example.test.Add","more":"yes"}"#.utf8), [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D],
            [],
        ])
    func malformed(message: [UInt8]) async throws {
        try await withServer(service: try makeTestService()) { path, _ in
            try await VarlinkClient.withConnection(to: path) { bystander in
                try await RawConnection.with(path: path) { session in
                    try await session.send(
                        Array(#"{"method":"org.example.test.Add","parameters":{"a":1,"b":2}}"#.utf8) + [0] + message + [
                            0
                        ])
                    let messages = try await session.receiveUntilClosed()
                    #expect(messages.count == 1)
                    #expect(session.closed)
                }
                #expect(try await bystander.call("org.example.test.Add", parameters: ["a": 2, "b": 3]) == ["sum": 5])
            }
        }
    }

    @Test("connections beyond the limit are closed; the others keep working")
    func connectionLimit() async throws {
        try await withServer(service: try makeTestService(), configure: { $0.maximumConnections = 2 }) { path, server in
            try await VarlinkClient.withConnection(to: path) { first in
                #expect(try await first.call("org.example.test.Add", parameters: ["a": 1, "b": 0]) == ["sum": 1])
                try await VarlinkClient.withConnection(to: path) { second in
                    #expect(try await second.call("org.example.test.Add", parameters: ["a": 2, "b": 0]) == ["sum": 2])
                    try await RawConnection.with(path: path) { third in
                        // The server may already have closed it, so the write may fail.
                        try? await third.sendMessage(#"{"method":"org.example.test.Add","parameters":{"a":3,"b":0}}"#)
                        let answered = try await third.receiveUntilClosed()
                        #expect(answered.isEmpty)
                    }
                    #expect(try await first.call("org.example.test.Add", parameters: ["a": 1, "b": 1]) == ["sum": 2])
                    #expect(try await second.call("org.example.test.Add", parameters: ["a": 2, "b": 2]) == ["sum": 4])
                }
                // Once a slot is free, a new connection is served.
                var served = false
                for _ in 0..<100 where !served {
                    if server.connectionCount < 2 {
                        served = try await VarlinkClient.withConnection(to: path) { again in
                            try await again.call("org.example.test.Add", parameters: ["a": 5, "b": 5]) == ["sum": 10]
                        }
                    } else {
                        try await Task.sleep(for: .milliseconds(20))
                    }
                }
                #expect(served)
            }
        }
    }

    @Test("handlers see the peer credentials and a connection id")
    func peerCredentials() async throws {
        try await withServer(service: try makeTestService()) { path, _ in
            let (first, second) = try await VarlinkClient.withConnection(to: path) { client in
                (try await client.call("org.example.test.Whoami"), try await client.call("org.example.test.Whoami"))
            }
            #expect(first["uid"] == .int(Int64(getuid())))
            #expect(first["gid"] == .int(Int64(getgid())))
            #expect(first["pid"] == .int(Int64(getpid())))
            #expect(first["connection"] == second["connection"])
            let other = try await VarlinkClient.withConnection(to: path) { client in
                try await client.call("org.example.test.Whoami")
            }
            #expect(other["connection"] != first["connection"])
        }
    }

    @Test("a message left incomplete past the timeout closes the connection")
    func partialMessageTimeout() async throws {
        try await withServer(
            service: try makeTestService(), configure: { $0.partialMessageTimeout = .milliseconds(200) }
        ) {
            path, _ in
            try await RawConnection.with(path: path) { session in
                try await session.send(#"{"method":"org.example.test.Add","parameters":{"a":1,"b":2}}"#)
                #expect(try await session.receiveUntilClosed().isEmpty)
            }
            // An idle connection with no partial message is not affected.
            try await RawConnection.with(path: path) { session in
                try await Task.sleep(for: .milliseconds(400))
                try await session.sendMessage(#"{"method":"org.example.test.Add","parameters":{"a":1,"b":2}}"#)
                #expect(try await session.receiveReply() == VarlinkReply(parameters: ["sum": 3]))
            }
        }
    }

    @Test("a client disconnecting cancels its call in progress")
    func disconnectCancelsCall() async throws {
        let recorder = TestRecorder()
        try await withServer(service: try makeTestService(recorder: recorder)) { path, _ in
            try await RawConnection.with(path: path) { session in
                try await session.sendMessage(#"{"method":"org.example.test.Wait"}"#)
                #expect(await recorder.eventually { $0.waitStarted == 1 })
            }
            #expect(await recorder.eventually { $0.cancellations == 1 })
        }
    }

    @Test("graceful shutdown lets the call in progress finish, then closes")
    func gracefulShutdown() async throws {
        let recorder = TestRecorder()
        let directory = try TemporaryDirectory()
        let path = directory.file("s.sock")
        let server = VarlinkServer(
            configuration: .init(listener: .unixSocket(path: path)), service: try makeTestService(recorder: recorder),
            logger: testLogger)
        try await withTimeout {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run() }
                try await server.listening()
                #expect(FileManager.default.fileExists(atPath: path))
                try await RawConnection.with(path: path) { session in
                    try await session.sendMessage(
                        #"{"method":"org.example.test.Sleep","parameters":{"milliseconds":300}}"#)
                    #expect(await recorder.eventually { $0.sleepStarted == 1 })
                    group.cancelAll()  // cancellation of run() starts a graceful shutdown
                    #expect(try await session.receiveReply() == VarlinkReply(parameters: ["slept": 300]))
                    #expect(try await session.receiveUntilClosed().isEmpty)
                }
                try await group.waitForAll()
            }
        }
        #expect(!FileManager.default.fileExists(atPath: path), "the socket file is removed")
        await #expect(throws: VarlinkServerError.self) { try await server.listening() }
    }

    @Test("calls still running after the grace period are cancelled")
    func gracePeriodExpires() async throws {
        let recorder = TestRecorder()
        let directory = try TemporaryDirectory()
        let path = directory.file("s.sock")
        let server = VarlinkServer(
            configuration: .init(listener: .unixSocket(path: path), shutdownGracePeriod: .milliseconds(200)),
            service: try makeTestService(recorder: recorder), logger: testLogger)
        try await withTimeout(seconds: 30) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run() }
                try await server.listening()
                try await RawConnection.with(path: path) { session in
                    try await session.sendMessage(#"{"method":"org.example.test.Wait"}"#)
                    #expect(await recorder.eventually { $0.waitStarted == 1 })
                    server.triggerGracefulShutdown()
                    #expect(try await session.receiveUntilClosed().isEmpty)
                }
                try await group.waitForAll()
            }
        }
        #expect(recorder.cancellations == 1)
    }

    @Test("adopts an already listening socket")
    func adoptsDescriptor() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("activated.sock")
        let descriptor = try makeListeningSocket(path: path)
        try await withServer(
            service: try makeTestService(), configure: { $0.listener = .listeningSocket(descriptor: descriptor) }
        ) { _, _ in
            try await VarlinkClient.withConnection(to: "unix:" + path) { client in
                let info = try await client.getInfo()
                #expect(info.interfaces.contains("org.example.test"))
            }
        }
        #expect(FileManager.default.fileExists(atPath: path), "an adopted socket's file is left alone")
    }

    @Test("refuses a descriptor that is not a socket")
    func invalidDescriptor() async throws {
        let server = VarlinkServer(
            configuration: .init(listener: .listeningSocket(descriptor: 987_654)), service: try makeTestService(),
            logger: testLogger)
        await #expect(throws: VarlinkServerError.self) { try await server.run() }
        await #expect(throws: VarlinkServerError.self) { try await server.listening() }
    }

    @Test("replaces a stale socket file, refuses a live one, sets the file mode")
    func socketFile() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("s.sock")
        // A socket file nobody listens on.
        let stale = try makeListeningSocket(path: path)
        close(stale)
        try await withServer(
            service: try makeTestService(),
            configure: {
                $0.listener = .unixSocket(path: path); $0.socketFileMode = 0o600
            }
        ) { _, _ in
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o777 } == 0o600)
            let second = VarlinkServer(
                configuration: .init(listener: .unixSocket(path: path)), service: try makeTestService(),
                logger: testLogger)
            await #expect(throws: VarlinkServerError.self) { try await second.run() }
            try await VarlinkClient.withConnection(to: path) { client in
                let sum = try await client.call("org.example.test.Add", parameters: ["a": 1, "b": 1])
                #expect(sum == ["sum": 2])
            }
        }
    }

    @Test("large replies and pipelined backpressure")
    func largeReplies() async throws {
        try await withServer(service: try makeTestService()) { path, _ in
            try await VarlinkClient.withConnection(to: path) { client in
                let reply = try await client.call("org.example.test.Blob", parameters: ["size": 4_000_000])
                #expect(reply["data"]?.stringValue?.utf8.count == 4_000_000)
            }
        }
    }
}

/// Creates, binds and listens on a Unix socket with plain system calls, as systemd would.
func makeListeningSocket(path: String) throws -> Int32 {
    #if canImport(Glibc)
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    #else
        let descriptor = socket(AF_UNIX, SOCK_STREAM, 0)
    #endif
    guard descriptor >= 0 else { throw POSIXError(.EIO) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let pathBytes = Array(path.utf8)
    withUnsafeMutableBytes(of: &address.sun_path) { buffer in
        for (index, byte) in pathBytes.enumerated() where index < buffer.count - 1 {
            buffer[index] = byte
        }
    }
    let bound = withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
        }
    }
    guard bound == 0, listen(descriptor, 16) == 0 else {
        close(descriptor)
        throw POSIXError(.EADDRINUSE)
    }
    return descriptor
}
