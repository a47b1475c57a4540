import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A client that misbehaves loses its own connection; everyone else keeps being served.
@Suite("hostile clients", .serialized)
struct HostileClientTests {
    @Test func garbageAndOversizeCloseOnlyTheirConnection() async throws {
        let daemon = try DaemonProcess()
        try await daemon.start()
        defer { daemon.removeFiles() }

        let bystander = try RawSocket(path: daemon.socketPath)
        let call = Data(#"{"method":"io.concert.Daemon.GetStatus","parameters":{}}"#.utf8) + Data([0])
        #expect(bystander.send(call))
        #expect(bystander.receiveMessage()?.contains("last_sequence") == true)

        let garbage = try RawSocket(path: daemon.socketPath)
        garbage.send(Data([0xFF, 0xFE, 0x7B, 0x00]))
        #expect(garbage.isClosedByPeer())

        let notJSON = try RawSocket(path: daemon.socketPath)
        notJSON.send(Data("hello there\0".utf8))
        #expect(notJSON.isClosedByPeer())

        // 17 MiB without a NUL: over the 16 MiB cap.
        let oversize = try RawSocket(path: daemon.socketPath)
        let chunk = Data(repeating: 0x20, count: 1 << 20)
        var sent = 0
        while sent < 17, oversize.send(chunk) { sent += 1 }
        #expect(oversize.isClosedByPeer())

        // Unknown methods and wrong types get errors, and the connection stays usable.
        let confused = try RawSocket(path: daemon.socketPath)
        confused.send(Data(#"{"method":"io.concert.Plan.Explode","parameters":{}}"#.utf8) + Data([0]))
        #expect(confused.receiveMessage()?.contains("org.varlink.service.MethodNotFound") == true)
        confused.send(Data(#"{"method":"io.concert.Plan.ListMeasures","parameters":{"axis":"one"}}"#.utf8) + Data([0]))
        let invalid = confused.receiveMessage() ?? ""
        #expect(invalid.contains("org.varlink.service.InvalidParameter"))
        #expect(invalid.contains("axis"))
        confused.send(Data(#"{"method":"io.nowhere.Thing.Do","parameters":{}}"#.utf8) + Data([0]))
        #expect(confused.receiveMessage()?.contains("org.varlink.service.InterfaceNotFound") == true)

        #expect(bystander.send(call))
        #expect(bystander.receiveMessage()?.contains("last_sequence") == true)
        #expect(try await daemon.ctl("status").status == 0)
        try await daemon.stop()
    }

    @Test func aThousandIdleConnectionsDoNotStopAnotherClient() async throws {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        if limit.rlim_cur < 4096 {
            limit.rlim_cur = min(4096, limit.rlim_max)
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        let daemon = try DaemonProcess()
        try await daemon.start()
        defer { daemon.removeFiles() }
        var idle: [RawSocket] = []
        for _ in 0..<1000 { idle.append(try RawSocket(path: daemon.socketPath)) }
        let status = try await daemon.ctl("status", "--json")
        #expect(status.status == 0, "\(status.stderr)")
        // The daemon accepts asynchronously: wait until it holds all thousand (plus the caller).
        var connections = 0
        for _ in 0..<100 {
            connections = (try await daemon.ctl("status", "--json").json as? [String: Any])?["connections"] as? Int ?? 0
            if connections > 1000 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(connections > 1000)
        let list = try await daemon.ctl("measures", "--json")
        #expect((list.json as? [[String: Any]])?.count ?? 0 >= 30)
        idle.removeAll()
        try await daemon.stop()
    }

    @Test func connectionCapClosesOnlyTheExtraConnection() async throws {
        let daemon = try DaemonProcess(extraArguments: ["--max-connections", "8"])
        try await daemon.start()
        defer { daemon.removeFiles() }
        let call = Data(#"{"method":"io.concert.Daemon.GetStatus","parameters":{}}"#.utf8) + Data([0])
        var held: [RawSocket] = []
        for _ in 0..<8 {
            let socket = try RawSocket(path: daemon.socketPath)
            socket.send(call)
            #expect(socket.receiveMessage() != nil)
            held.append(socket)
        }
        let extra = try RawSocket(path: daemon.socketPath)
        extra.send(call)
        #expect(extra.isClosedByPeer())
        // The held connections still work; once one closes, a newcomer is served.
        held[0].send(call)
        #expect(held[0].receiveMessage() != nil)
        held.removeFirst()
        try await Task.sleep(for: .milliseconds(200))
        #expect(try await daemon.ctl("status").status == 0)
        try await daemon.stop()
    }
}
