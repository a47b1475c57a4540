import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The systemd units in Units/: `systemd-analyze verify` finds nothing to say, `systemd-analyze
/// security` scores the service at 1.0 or lower, and the daemon stays inside its system-call
/// filter and never asks for writable executable memory.
///
/// systemd-analyze runs in a private mount namespace with a tmpfs on /run/systemd, so it needs
/// no running systemd and leaves nothing in the machine's /run.
@Suite("systemd units", .serialized, .enabled(if: PrivateMountNamespace.permitted, PrivateMountNamespace.skipReason))
struct UnitFilesTests {
    static let units = TestPaths.packageRoot.appendingPathComponent("Units")


    /// Runs a shell command in a private mount namespace with a fresh tmpfs on /run/systemd.
    static func isolated(_ command: String) async throws -> CommandResult {
        try await ProcessRunner.run(
            "/usr/bin/unshare",
            ["-m", "--propagation", "private", "sh", "-c", "mount -n -t tmpfs tmpfs /run/systemd && \(command)"])
    }

    /// A copy of Units/ whose ExecStart names the concertd just built (verify checks that it
    /// exists), with the SMTP relay drop-in if asked for.
    static func stagedUnits(withSMTPDropIn: Bool = false) throws -> URL {
        let directory = try TestPaths.temporaryDirectory()
        func copy(_ name: String, to destination: URL) throws {
            let text = try String(contentsOf: units.appendingPathComponent(name), encoding: .utf8)
                .replacingOccurrences(of: "/usr/bin/concertd", with: TestPaths.concertd)
            try text.write(to: destination, atomically: true, encoding: .utf8)
        }
        try copy("concertd.service", to: directory.appendingPathComponent("concertd.service"))
        try copy("concertd.socket", to: directory.appendingPathComponent("concertd.socket"))
        if withSMTPDropIn {
            let dropIns = directory.appendingPathComponent("concertd.service.d")
            try FileManager.default.createDirectory(at: dropIns, withIntermediateDirectories: true)
            try copy("concertd.service.d/smtp-relay.conf", to: dropIns.appendingPathComponent("smtp-relay.conf"))
        }
        return directory
    }

    /// The "Overall exposure level" figure and the settings marked ✗.
    static func security(_ unit: String) async throws -> (score: Double, exposed: [String], output: String) {
        let result = try await isolated("systemd-analyze security --offline=true --no-pager '\(unit)'")
        let output = result.stdout + result.stderr
        let line = try #require(
            output.split(separator: "\n").first { $0.contains("Overall exposure level") }, "no score in:\n\(output)")
        let figure = line.split(separator: ":").last.flatMap { $0.split(separator: " ").first }
        let score = try #require(figure.flatMap { Double($0) }, "unreadable score line: \(line)")
        let exposed = output.split(separator: "\n").filter { $0.hasPrefix("✗") }.map {
            String($0.dropFirst().trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
        }
        return (score, exposed, output)
    }

    /// What the default unit leaves exposed, each on purpose (see the comments in the unit).
    static let acceptedExposures: Set<String> = [
        "RootDirectory=/RootImage=",  // the daemon runs from the host's /usr
        "RestrictAddressFamilies=~AF_UNIX",  // its socket, the journal and the notify socket
        "PrivateUsers=",  // SO_PEERCRED must name every caller, not "nobody"
        "DeviceAllow=",  // char-rtc:r, which ProtectClock= itself adds
    ]

    @Test func verifyPrintsNothing() async throws {
        let directory = try Self.stagedUnits()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await Self.isolated(
            "cd '\(directory.path)' && systemd-analyze verify concertd.service concertd.socket")
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty && result.stderr.isEmpty, "verify said:\n\(result.stdout)\(result.stderr)")
    }

    @Test func securityScoreIsAtMostOne() async throws {
        let directory = try Self.stagedUnits()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (score, exposed, output) = try await Self.security(directory.appendingPathComponent("concertd.service").path)
        print("systemd-analyze security --offline=true concertd.service: overall exposure \(score)")
        #expect(score <= 1.0, "\(output)")
        #expect(Set(exposed).isSubset(of: Self.acceptedExposures), "unexpected exposures \(exposed):\n\(output)")
    }

    /// The SMTP relay drop-in gives back loopback networking and nothing else.
    @Test func smtpRelayDropInOpensOnlyLoopbackNetworking() async throws {
        let directory = try Self.stagedUnits(withSMTPDropIn: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let verify = try await Self.isolated(
            "cd '\(directory.path)' && systemd-analyze verify concertd.service concertd.socket")
        #expect(verify.status == 0 && verify.stdout.isEmpty && verify.stderr.isEmpty, "\(verify.stdout)\(verify.stderr)")
        let (score, exposed, output) = try await Self.security(directory.appendingPathComponent("concertd.service").path)
        print("systemd-analyze security --offline=true concertd.service + smtp-relay.conf: overall exposure \(score)")
        let network: Set<String> = ["RestrictAddressFamilies=~AF_(INET|INET6)", "PrivateNetwork=", "IPAddressDeny="]
        #expect(Set(exposed).isSubset(of: Self.acceptedExposures.union(network)), "\(output)")
        #expect(output.contains("only localhost entries"), "\(output)")
    }

    /// sysusers.d creates the `concert` user and group; tmpfiles.d makes /run/concert theirs.
    @Test func sysusersAndTmpfilesApply() async throws {
        let root = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("etc"), withIntermediateDirectories: true)
        let sysusers = try await ProcessRunner.run(
            "/usr/bin/systemd-sysusers", ["--root=\(root.path)", Self.units.appendingPathComponent("concert.sysusers").path])
        #expect(sysusers.status == 0, "\(sysusers.stderr)")
        let passwd = try String(contentsOf: root.appendingPathComponent("etc/passwd"), encoding: .utf8)
        let group = try String(contentsOf: root.appendingPathComponent("etc/group"), encoding: .utf8)
        let user = try #require(passwd.split(separator: "\n").first { $0.hasPrefix("concert:") })
        #expect(user.hasSuffix(":/var/lib/concert:/usr/sbin/nologin"))
        let uid = try #require(Int(user.split(separator: ":")[2]))
        #expect(uid > 0 && uid < 1000, "a system user")
        #expect(group.split(separator: "\n").contains { $0.hasPrefix("concert:") })

        let tmpfiles = try await ProcessRunner.run(
            "/usr/bin/systemd-tmpfiles",
            ["--root=\(root.path)", "--create", Self.units.appendingPathComponent("concert.tmpfiles").path])
        #expect(tmpfiles.status == 0, "\(tmpfiles.stderr)")
        var info = stat()
        #expect(stat(root.appendingPathComponent("run/concert").path, &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o755)
        #expect(Int(info.st_uid) == uid)
    }

    /// Every system call the daemon makes while it starts, serves reports and queries and stops
    /// is allowed by `SystemCallFilter=@system-service ~@privileged @resources`, and it never maps
    /// memory writable and executable or makes memory executable afterwards
    /// (`MemoryDenyWriteExecute=yes`). Traced with strace.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/strace"), "needs strace"))
    func daemonStaysInsideItsSystemCallFilterAndNeverMapsWritableCode() async throws {
        let allowed = try await Self.allowedSystemCalls()
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let trace = directory.appendingPathComponent("trace").path
        let socket = directory.appendingPathComponent("io.concert.sock").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        process.arguments =
            [
                "-f", "-qq", "-o", trace, TestPaths.concertd, "--workflows", TestPaths.samplePlan, "--state-dir",
                directory.appendingPathComponent("state").path, "--socket", socket,
            ] + DaemonProcess.quietDay
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        var serving = false
        for _ in 0..<1500 where !serving {
            if let probe = try? RawSocket(path: socket) {
                probe.send(Data(#"{"method":"org.varlink.service.GetInfo"}"#.utf8) + Data([0]))
                serving = probe.receiveMessage() != nil
            }
            if !serving { try await Task.sleep(for: .milliseconds(40)) }
        }
        try #require(serving, "concertd under strace did not serve within 60 s")
        let ctl = { (arguments: [String]) in try await ProcessRunner.run(TestPaths.concertctl, ["--socket", socket] + arguments) }
        #expect(try await ctl(["report", "M01", "--status", "in_progress", "--note", "traced"]).status == 0)
        #expect(try await ctl(["status"]).status == 0)
        #expect(try await ctl(["events", "--since", "0", "--json"]).status == 0)
        // The daemon is the first pid in the trace (strace's child).
        let firstLine = try String(contentsOfFile: trace, encoding: .utf8).prefix { $0 != "\n" }
        let pid = try #require(pid_t(firstLine.prefix { $0 != " " }))
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(!process.isRunning, "concertd did not stop within 30 s under strace")
        #expect(process.terminationStatus == 0)

        let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
        var used: Set<String> = []
        var writableCode: [Substring] = []
        for line in lines {
            let rest = line.drop { $0 != " " }.drop { $0 == " " }
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            guard !name.isEmpty, rest.dropFirst(name.count).first == "(" else { continue }
            used.insert(String(name))
            if name == "mmap" && line.contains("PROT_WRITE") && line.contains("PROT_EXEC") { writableCode.append(line) }
            if (name == "mprotect" || name == "pkey_mprotect") && line.contains("PROT_EXEC") { writableCode.append(line) }
        }
        #expect(used.count > 20, "the trace looks empty")
        // libdispatch's worker threads set their nice value from their QoS class with
        // setpriority (in @resources) and ignore its failure: as an unprivileged user the call
        // would fail anyway, and SystemCallErrorNumber=EPERM makes it fail rather than kill.
        // SQLite gives a new journal file its database's owner with fchown (in @privileged), but
        // only when the process runs as root (the unix VFS's robust_open checks geteuid() == 0),
        // as this test does; the unit runs as the `concert` user, where it never calls it.
        let tolerated: Set<String> = geteuid() == 0 ? ["setpriority", "fchown"] : ["setpriority"]
        let refused = used.subtracting(allowed).subtracting(tolerated).sorted()
        print(
            "concertd made \(used.count) distinct system calls; refused with EPERM and ignored: "
                + "\(used.intersection(tolerated).subtracting(allowed).sorted()); outside the filter: \(refused)")
        #expect(refused.isEmpty, "system calls SystemCallFilter= would refuse: \(refused)")
        #expect(writableCode.isEmpty, "MemoryDenyWriteExecute= would refuse:\n\(writableCode.joined(separator: "\n"))")
    }

    /// `@system-service` without `@privileged` and `@resources`, groups expanded as
    /// `systemd-analyze syscall-filter` lists them, plus what systemd always allows under an
    /// allow-list.
    static func allowedSystemCalls() async throws -> Set<String> {
        let listing = try await ProcessRunner.run("/usr/bin/systemd-analyze", ["syscall-filter", "--no-pager"])
        var groups: [String: [String]] = [:]
        var current: String?
        for line in listing.stdout.split(separator: "\n") {
            if line.hasPrefix("@") {
                current = String(line.split(separator: " ").first ?? line)
                groups[current!] = []
            } else if let group = current {
                let item = line.trimmingCharacters(in: .whitespaces)
                if !item.isEmpty && !item.hasPrefix("#") { groups[group, default: []].append(item) }
            }
        }
        func expand(_ name: String, _ seen: inout Set<String>) -> Set<String> {
            guard seen.insert(name).inserted else { return [] }
            var calls: Set<String> = []
            for item in groups[name] ?? [] {
                if item.hasPrefix("@") { calls.formUnion(expand(item, &seen)) } else { calls.insert(item) }
            }
            return calls
        }
        var seen: Set<String> = []
        let service = expand("@system-service", &seen)
        try #require(service.contains("openat"), "could not read @system-service from systemd-analyze")
        seen = []
        let privileged = expand("@privileged", &seen)
        seen = []
        let resources = expand("@resources", &seen)
        let always: Set<String> = ["execve", "exit", "exit_group", "getrlimit", "rt_sigreturn", "sigreturn"]
        return service.subtracting(privileged).subtracting(resources).union(always)
    }
}

/// Whether this process may create a mount namespace and mount a tmpfs on /run/systemd in it.
enum PrivateMountNamespace {
    static let skipReason: Comment =
        "skipped: `unshare -m` is not permitted here (systemd-analyze must run in a private mount namespace)"

    static let permitted: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"),
            FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze"),
            FileManager.default.fileExists(atPath: "/run/systemd")
        else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["-m", "--propagation", "private", "sh", "-c", "mount -n -t tmpfs tmpfs /run/systemd"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()
}
