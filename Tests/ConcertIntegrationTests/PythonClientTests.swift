import Foundation
import Testing

/// The reference Python client sees every interface and can parse every description.
@Suite("python varlink client", .serialized)
struct PythonClientTests {
    @Test func infoListsInterfacesAndEveryDescriptionOpens() async throws {
        let daemon = try DaemonProcess()
        try await daemon.start()
        defer { daemon.removeFiles() }
        let address = "unix:\(daemon.socketPath)"

        let info = try await ProcessRunner.run(TestPaths.python, ["-m", "varlink.cli", "info", address])
        #expect(info.status == 0, "python varlink must be installed (make venv): \(info.stderr)")
        for interface in [
            "org.varlink.service", "io.concert.Plan", "io.concert.Progress", "io.concert.Events", "io.concert.Daemon",
            "io.concert.Clock", "io.concert.Calendar", "io.concert.Simulation", "io.concert.Meetings", "io.concert.Tasks",
            "io.concert.FocalPoints", "io.concert.Notices", "io.concert.Escalations",
        ] {
            #expect(info.stdout.contains(interface), "info lists \(interface)")
        }

        let script = """
            import sys, varlink
            with varlink.Client(address=sys.argv[1]) as client:
                names = client.get_interfaces()
                assert len([n for n in names if n.startswith("io.concert.")]) == 12, names
                for name in names:
                    iface = client.get_interface(name)
                    assert iface.name == name, name
                with client.open("io.concert.Plan", namespaced=False) as plan:
                    measures = plan.ListMeasures(axis=1)["measures"]
                    assert measures and all(m["axis"] == 1 for m in measures)
                    print(len(measures))
            """
        let run = try await ProcessRunner.run(TestPaths.python, ["-c", script, address])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Int(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 0)

        let call = try await ProcessRunner.run(
            TestPaths.python, ["-m", "varlink.cli", "call", "\(address)/io.concert.Plan.GetSummary", "{}"])
        #expect(call.status == 0, "\(call.stderr)")
        #expect(call.stdout.contains("not_started"))
        try await daemon.stop()
    }
}
