import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The journal handler against a real journald: a standalone `systemd-journald` in a private
/// mount namespace (tmpfs on /run and /var/log/journal, so the host's journal is untouched),
/// concertd logging to it with `--log-target journal`, read back with `journalctl -o json`;
/// and a focal point on `notices: journal` receiving its convocation as a structured entry.
@Suite("journal", .serialized)
struct JournalTests {
    static let journald = "/lib/systemd/systemd-journald"
    /// `JournalMessageID.reloadDone`.
    static let reloadDoneID = "1f7a9c3e5b2d4c8e9a06f4b1d8e27c43"
    /// `JournalMessageID.notice`.
    static let noticeID = "4d8a2c6e1f3b4e7a9c05b8d2e6f14a37"

    /// Needs root (a mount namespace) and journald's binary.
    static var canRunJournald: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: journald)
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")
    }

    /// Runs in the namespace: journald, then concertd until it serves, a reload, SIGTERM, and
    /// the journal dumped as JSON to $1.
    static let script = """
        set -e
        out="$1"; concertd="$2"; concertctl="$3"; workflows="$4"; dir="$5"; journald="$6"; python="$7"
        mount -t tmpfs tmpfs /run
        if [ -d /var/log/journal ]; then mount -t tmpfs tmpfs /var/log/journal; fi
        mkdir -p /run/systemd/journal
        "$journald" </dev/null >/dev/null 2>&1 & J=$!
        D=""
        # Whatever happens, nothing started here outlives the script.
        trap 'kill -KILL $J $D 2>/dev/null || true' EXIT
        i=0; while [ ! -S /run/systemd/journal/socket ]; do i=$((i+1)); [ $i -gt 400 ] && exit 90; sleep 0.05; done
        # The test process blocks signals and children inherit the mask: start concertd with a
        # clean one, so SIGTERM reaches it.
        "$python" -c 'import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])' \\
            "$concertd" --log-target journal --workflows "$workflows" --state-dir "$dir/state" \\
            --socket "$dir/io.concert.sock" --virtual-clock 2027-01-01T09:00:00Z 2>"$dir/stderr.log" & D=$!
        i=0; until "$concertctl" --socket "$dir/io.concert.sock" status >/dev/null 2>&1; do
            i=$((i+1)); [ $i -gt 600 ] && { kill -KILL $D $J; exit 91; }; sleep 0.1
        done
        # The working group's January meeting is convened at start: wait for its notice.
        i=0; until journalctl -D /run/log/journal -o json --no-pager | grep -q CONCERT_NOTICE_ID; do
            i=$((i+1)); [ $i -gt 300 ] && { kill -KILL $D $J; exit 93; }; sleep 0.1
        done
        "$concertctl" --socket "$dir/io.concert.sock" reload >/dev/null
        kill -TERM $D
        wait $D || { kill -KILL $J; exit 92; }
        journalctl -D /run/log/journal -o json --no-pager >"$out"
        kill -KILL $J
        wait $J || true
        """

    @Test(.enabled(if: JournalTests.canRunJournald, "needs root for a mount namespace and /lib/systemd/systemd-journald"))
    func structuredEntriesReachTheJournal() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The sample plan, with the Presidency's political focal point on the journal channel.
        let plan = directory.appendingPathComponent("plan")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: TestPaths.samplePlan), to: plan)
        let entities = plan.appendingPathComponent("entities.yaml")
        let original = try String(contentsOf: entities, encoding: .utf8)
        let marked = original.replacingOccurrences(
            of: "      - id: pcm-political\n        level: political\n",
            with: "      - id: pcm-political\n        level: political\n        notices: journal\n")
        try #require(marked != original, "the sample's pcm-political focal point was not found")
        try marked.write(to: entities, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("journal.json").path
        let result = try await ProcessRunner.run(
            "/usr/bin/unshare",
            [
                "-m", "--propagation", "private", "sh", "-c", Self.script, "sh", out, TestPaths.concertd,
                TestPaths.concertctl, plan.path, directory.path, Self.journald, TestPaths.python,
            ])
        let stderrLog = (try? String(contentsOfFile: directory.appendingPathComponent("stderr.log").path, encoding: .utf8)) ?? ""
        try #require(result.status == 0, "the journal run failed (\(result.status)): \(result.stderr) \(stderrLog)")
        #expect(stderrLog.isEmpty, "with --log-target journal nothing goes to stderr: \(stderrLog)")

        let text = try String(contentsOfFile: out, encoding: .utf8)
        let entries = text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let ours = entries.filter { $0["SYSLOG_IDENTIFIER"] as? String == "concertd" }
        #expect(!ours.isEmpty, "no entry from concertd among \(entries.count)")

        let serving = try #require(ours.first { $0["MESSAGE"] as? String == "serving" }, "\(ours)")
        #expect(serving["PRIORITY"] as? String == "6")
        #expect((serving["CODE_FILE"] as? String)?.hasSuffix("ServiceSupervision.swift") == true, "\(serving)")
        #expect(Int(serving["CODE_LINE"] as? String ?? "") != nil)
        #expect((serving["CODE_FUNC"] as? String)?.isEmpty == false)
        #expect(serving["LAST_SEQUENCE"] is String, "metadata must become upper-case fields: \(serving)")
        #expect((serving["SOCKET"] as? String)?.contains("io.concert.sock") == true)
        #expect(serving["_TRANSPORT"] as? String == "journal", "sent through sd_journal_sendv")

        let loaded = try #require(ours.first { $0["MESSAGE"] as? String == "plan loaded" })
        #expect(loaded["PLAN"] as? String == "pnipgm")
        #expect(loaded["MEASURES"] is String)

        let reloaded = try #require(ours.first { $0["MESSAGE"] as? String == "plan reloaded" })
        #expect(reloaded["PRIORITY"] as? String == "5")
        #expect(reloaded["MESSAGE_ID"] as? String == Self.reloadDoneID)
        #expect(reloaded["CHANGED"] as? String == "false")
        #expect(ours.contains { $0["MESSAGE"] as? String == "stopped" })

        // The notice as a structured entry, with its fields.
        let notice = try #require(
            entries.first { $0["CONCERT_RECIPIENT"] as? String == "pcm-political" && $0["CONCERT_NOTICE_KIND"] as? String == "convocation" },
            "no convocation entry for pcm-political")
        #expect(notice["MESSAGE_ID"] as? String == Self.noticeID)
        #expect(notice["CONCERT_NOTICE_ID"] as? String == "meeting.secretaries-of-state-2027-01-06.pcm-political@pnipgm.concert")
        #expect(notice["CONCERT_ABOUT"] as? String == "secretaries-of-state-2027-01-06")
        #expect(notice["PRIORITY"] as? String == "5")
        #expect((notice["MESSAGE"] as? String)?.contains("concertctl meeting show secretaries-of-state-2027-01-06") == true)
    }
}
