import Foundation
import Testing

/// Under socket activation the daemon serves on the inherited socket and binds none of its own.
@Suite("socket activation", .serialized)
struct SocketActivationTests {
    @Test func servesOnTheInheritedSocket() async throws {
        let daemon = try DaemonProcess(socketActivated: true)
        try await daemon.start()
        defer { daemon.removeFiles() }
        let status = try await daemon.ctl("status", "--json")
        #expect(status.status == 0, "\(status.stderr)")
        #expect((status.json as? [String: Any])?["plan"] as? String == "pnipgm")
        #expect(!FileManager.default.fileExists(atPath: daemon.socketPath), "the daemon bound a socket of its own")
        #expect(daemon.log().contains("the socket passed by systemd"))
        #expect(try await daemon.stop() == 0, "\(daemon.log())")
    }

    /// `FileDescriptorName=varlink`, as concertd.socket sets it, reaches the daemon through
    /// `LISTEN_FDNAMES` and libsystemd's `sd_listen_fds_with_names`.
    @Test func adoptsTheSocketNamedVarlink() async throws {
        let daemon = try DaemonProcess(socketActivated: true, socketName: "varlink")
        try await daemon.start()
        defer { daemon.removeFiles() }
        #expect(try await daemon.ctl("status").status == 0)
        #expect(!FileManager.default.fileExists(atPath: daemon.socketPath), "the daemon bound a socket of its own")
        #expect(daemon.log().contains("named varlink"), "\(daemon.log())")
        #expect(try await daemon.stop() == 0, "\(daemon.log())")
    }
}
