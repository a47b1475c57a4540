import Foundation
import Testing

/// concertctl in a pipeline whose reader stops early (`| head`): it ends quietly with status 0,
/// as Unix tools do, instead of crashing on the broken pipe.
@Suite("pipes", .serialized)
struct PipeTests {
    @Test func aReaderThatStopsEarlyEndsTheCommandQuietly() async throws {
        let daemon = try DaemonProcess(extraArguments: ["--virtual-clock", "2027-01-01T09:00:00Z"])
        try await daemon.start()
        defer { daemon.removeFiles() }
        // Ten years of meetings: far more than a pipe holds, so the writer meets the closed pipe.
        let script = """
            set -o pipefail
            "$1" --socket "$2" calendar export --from 2027-01-01 --to 2036-12-31 2>"$3" | head -c 100 >/dev/null
            """
        let errors = daemon.directory.appendingPathComponent("ctl-stderr.txt").path
        let result = try await ProcessRunner.run(
            "/bin/bash", ["-c", script, "bash", TestPaths.concertctl, daemon.socketPath, errors])
        let stderr = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        #expect(result.status == 0, "concertctl ended with \(result.status): \(stderr)")
        #expect(!stderr.contains("Fatal error"), "\(stderr)")
        #expect(!stderr.contains("crashed"), "\(stderr)")
        try await daemon.stop()
    }
}
