import Foundation
import Testing

@testable import Varlink

/// These tests pass the variables explicitly rather than through the process environment,
/// which other tests running in the same process may read concurrently.
@Suite("Socket activation")
struct SocketActivationTests {
    @Test("finds the descriptor named varlink and serves on it")
    func findsNamedDescriptor() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("activated.sock")
        let socket = try makeListeningSocket(path: path)
        defer { close(socket) }
        // Place the socket on a free descriptor far above the ones in use, as if systemd had
        // passed that many.
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        let highest = Int32(min(Int(limit.rlim_cur) - 1, 4000))
        let target = try #require(stride(from: highest, to: 100, by: -1).first { fcntl($0, F_GETFD) == -1 })
        // The server adopts (and finally closes) `target`.
        #expect(dup2(socket, target) == target)
        let count = Int(target - VarlinkSocketActivation.firstDescriptor + 1)
        var names = Array(repeating: "other", count: count)
        names[count - 1] = "varlink"
        let environment = [
            "LISTEN_PID": "\(getpid())", "LISTEN_FDS": "\(count)", "LISTEN_FDNAMES": names.joined(separator: ":"),
        ]
        let descriptor = VarlinkSocketActivation.listeningDescriptor(
            named: "varlink", environment: environment, processID: getpid())
        #expect(descriptor == target)
        #expect(fcntl(target, F_GETFD) & FD_CLOEXEC != 0)

        let found = try #require(descriptor)
        try await withServer(
            service: try makeTestService(), configure: { $0.listener = .listeningSocket(descriptor: found) }
        ) { _, _ in
            try await VarlinkClient.withConnection(to: path) { client in
                let sum = try await client.call("org.example.test.Add", parameters: ["a": 1, "b": 2])
                #expect(sum == ["sum": 3])
            }
        }
    }

    @Test("ignores variables meant for another process, non-sockets and missing names")
    func ignoresOthers() throws {
        let pid = getpid()
        #expect(
            VarlinkSocketActivation.listeningDescriptor(
                named: "varlink", environment: ["LISTEN_PID": "\(pid + 1)", "LISTEN_FDS": "1"], processID: pid) == nil)
        #expect(
            VarlinkSocketActivation.listeningDescriptor(
                named: "varlink", environment: ["LISTEN_PID": "\(pid)", "LISTEN_FDS": "2", "LISTEN_FDNAMES": "a:b"],
                processID: pid) == nil)
        #expect(
            VarlinkSocketActivation.listeningDescriptor(
                named: "varlink", environment: ["LISTEN_PID": "\(pid)", "LISTEN_FDS": "x"], processID: pid) == nil)
        #expect(VarlinkSocketActivation.listeningDescriptor(named: "varlink", environment: [:], processID: pid) == nil)
        // Not socket-activated (the test process has no LISTEN_* variables): nil, and harmless.
        if ProcessInfo.processInfo.environment["LISTEN_FDS"] == nil {
            #expect(VarlinkSocketActivation.listeningDescriptor(unsetEnvironment: false) == nil)
        }
    }
}

@Suite("Server shutdown under load")
struct ShutdownStressTests {
    @Test("shutting down while clients connect and call neither crashes nor hangs")
    func shutdownWhileConnecting() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("s.sock")
        let server = VarlinkServer(
            configuration: .init(listener: .unixSocket(path: path), shutdownGracePeriod: .milliseconds(500)),
            service: try makeTestService(), logger: testLogger)
        try await withTimeout {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run() }
                try await server.listening()
                for index in 0..<60 {
                    group.addTask {
                        try? await VarlinkClient.withConnection(to: path) { client in
                            _ = try await client.call(
                                "org.example.test.Sleep", parameters: ["milliseconds": .int(Int64(index % 7))])
                            _ = try await client.call("org.example.test.Add", parameters: ["a": 1, "b": 2])
                        }
                    }
                    if index == 30 {
                        server.triggerGracefulShutdown()
                    }
                }
                try await group.waitForAll()
            }
        }
        #expect(server.connectionCount == 0)
    }
}
