import Foundation
import Testing

/// Digests on the real daemon with the sample plan (`monitoring.digest: daily`): measures fall
/// overdue at the turn of 2020, their overdue notices wait for the next working day's opening,
/// and each focal point gets them grouped, one digest rather than one message per measure.
@Suite("digest delivery", .serialized)
struct DigestIntegrationTests {
    typealias Object = [String: Any]

    /// The body text of a message file, as Python's `email` reads it.
    static func bodyText(_ path: String) async throws -> String {
        let script = """
            import email, email.policy, sys
            m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
            assert not [d for part in m.walk() for d in part.defects], 'defects'
            print(m['X-Concert-Notice'])
            print(m.get_body(('plain',)).get_content())
            """
        let result = try await ProcessRunner.run(TestPaths.python, ["-c", script, path])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func overdueNoticesReachAFocalPointAsDigests() async throws {
        // Six measures are due on 2020-12-31; sef is responsible for M17 and co-responsible for
        // M04, so sef-technical is told about both at once, at the start of 2021-01-01, and both
        // notices wait for the opening of Monday 4 January (the 1st is a holiday).
        let daemon = try DaemonProcess(extraArguments: ["--virtual-clock", "2020-12-30T09:00:00Z"])
        try await daemon.start()
        defer { daemon.removeFiles() }

        func notices() async throws -> [Object] {
            let result = try await daemon.ctl("notices", "--recipient", "sef-technical", "--json")
            #expect(result.status == 0, "\(result.stderr)")
            return try #require(result.json as? [Object], "\(result.stdout)")
        }
        /// The postman composes behind the clock, in real time: waits until the outbox stops
        /// growing and `condition` holds, so a digest time is not passed before its notices are in.
        func settle(_ condition: ([Object]) -> Bool = { _ in true }) async throws -> [Object] {
            var last: [Object] = []
            var stable = 0
            for _ in 0..<300 {
                let now = try await notices()
                stable = now.count == last.count ? stable + 1 : 0
                last = now
                if stable >= 4 && condition(now) { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            return last
        }
        _ = try await settle()
        #expect(try await daemon.ctl("clock", "advance", "--to", "2021-01-02T00:00:00Z").status == 0)
        let held = try await settle { list in list.contains { ($0["created"] as? String)?.hasPrefix("2021-01-01") == true } }
        let fresh = held.filter { ($0["created"] as? String)?.hasPrefix("2021-01-01") == true && $0["kind"] as? String == "overdue" }
        #expect(fresh.count >= 2, "\(held)")
        #expect(fresh.allSatisfy { $0["status"] as? String == "pending" }, "held for the digest: \(fresh)")

        #expect(try await daemon.ctl("clock", "advance", "--to", "2021-01-05T12:00:00Z").status == 0)
        let listed = try await settle { list in list.allSatisfy { $0["status"] as? String == "delivered" } }
        #expect(listed.allSatisfy { $0["status"] as? String == "delivered" }, "\(listed)")
        #expect(listed.allSatisfy { $0.keys.contains("digest") })
        // The two overdue notices of 1 January went together, in one digest.
        let together = listed.filter { ($0["created"] as? String)?.hasPrefix("2021-01-01") == true && $0["kind"] as? String == "overdue" }
        let digestIDs = Set(together.map { $0["digest"] as? String ?? "none" })
        #expect(together.count >= 2 && digestIDs.count == 1 && !digestIDs.contains("none"), "\(together)")
        let digestID = try #require(digestIDs.first)
        #expect(digestID.hasPrefix("digest.sef-technical."))
        #expect(listed.filter { ["convocation", "update", "cancellation"].contains($0["kind"] as? String ?? "") }
            .allSatisfy { $0["digest"] is NSNull })

        // The Maildir holds one file per digest and one per notice sent on its own: fewer files
        // than notices.
        let digests = Set(listed.compactMap { $0["digest"] as? String })
        let alone = listed.filter { $0["digest"] is NSNull }
        let new = daemon.stateDirectory + "/maildir/sef-technical/new"
        let files = try FileManager.default.contentsOfDirectory(atPath: new)
        #expect(files.count == digests.count + alone.count, "\(files)")
        #expect(files.filter { $0.hasPrefix("digest.") }.count == digests.count)
        #expect(files.count < listed.count)
        var found = false
        for file in files where file.hasPrefix("digest.") {
            let path = new + "/" + file
            let raw = try String(contentsOfFile: path, encoding: .utf8)
            guard raw.contains("Message-ID: <\(digestID)>") else { continue }
            found = true
            let text = try await Self.bodyText(path)
            #expect(text.hasPrefix("digest\n"))
            #expect(text.contains("M04") && text.contains("M17"), "\(text)")
        }
        #expect(found)

        // The table shows the digest.
        let table = try await daemon.ctl("notices", "--recipient", "sef-technical")
        #expect(table.status == 0)
        #expect(table.stdout.contains("DIGEST") && table.stdout.contains("digest.sef-technical."))
    }
}
