import Foundation
import Testing

@testable import Varlink

/// Certification against the reference python implementation, both ways. These tests need
/// the python `varlink` package (see ``Python``) and fail, not skip, without it.
@Suite("Varlink certification")
struct CertificationTests {
    static func makeService() throws -> VarlinkService {
        var service = VarlinkService(
            vendor: "Varlink", product: "Swift Varlink certification", version: "1", url: "https://varlink.org")
        try service.register(interfaceDescription: certificationInterfaceDescription, handler: CertificationHandler())
        return service
    }

    @Test("the Swift server passes the python certification client")
    func pythonClientAgainstSwiftServer() async throws {
        let python = try await Python.requireVarlink()
        try await withServer(service: try Self.makeService()) { path, _ in
            let result = try await Python.run(
                python, ["-m", "varlink.tests.test_certification", "--client", "--varlink=unix:\(path)"])
            #expect(result.status == 0, "python certification client failed:\n\(result.output)")
            #expect(result.output.contains("Certification passed"), "\(result.output)")
            #expect(result.output.contains("End: {'all_ok': True}"), "\(result.output)")
        }
    }

    @Test("the Swift certification server refuses out-of-order and wrong calls")
    func swiftServerRejectsDeviations() async throws {
        let service = try Self.makeService()
        try await withServer(service: service) { path, _ in
            try await VarlinkClient.withConnection(to: path) { client in
                let start = try await client.call("org.varlink.certification.Start")
                let id = try #require(start["client_id"])
                await #expect(throws: VarlinkError.self) {
                    try await client.call(
                        "org.varlink.certification.Test02", parameters: ["client_id": id, "bool": true])
                }
                let restart = try await client.call("org.varlink.certification.Start")
                let secondID = try #require(restart["client_id"])
                _ = try await client.call("org.varlink.certification.Test01", parameters: ["client_id": secondID])
                do {
                    _ = try await client.call(
                        "org.varlink.certification.Test02", parameters: ["client_id": secondID, "bool": false])
                    Issue.record("wrong value accepted")
                } catch let error as VarlinkError {
                    #expect(error.name == "org.varlink.certification.CertificationError")
                }
                await #expect(throws: VarlinkError.self) {
                    try await client.call(
                        "org.varlink.certification.Test03", parameters: ["client_id": secondID, "int": 1])
                }
            }
        }
    }

    @Test("the Swift client passes against the python certification server")
    func swiftClientAgainstPythonServer() async throws {
        let python = try await Python.requireVarlink()
        let directory = try TemporaryDirectory()
        let path = directory.file("cert.sock")
        let server = try Python.Launched(python, ["-m", "varlink.tests.test_certification", "--varlink=unix:\(path)"])
        defer { server.terminate() }
        try await withTimeout {
            try await waitForSocket(path, process: server)
            try await runCertificationClient(address: "unix:\(path)")
        }
        server.terminate()
        _ = await server.wait()
    }

    @Test("the embedded certification interface is the python package's file")
    func embeddedInterfaceMatches() async throws {
        let python = try await Python.requireVarlink()
        let result = try await Python.run(
            python,
            [
                "-c",
                "import os, sys, varlink.tests as t; sys.stdout.write(open(os.path.join(os.path.dirname(t.__file__), 'org.varlink.certification.varlink')).read())",
            ])
        #expect(result.status == 0)
        #expect(result.output == certificationInterfaceDescription)
    }

    @Test(
        "every interface description shipped or served parses in python varlink",
        arguments: [
            ("org.varlink.service", OrgVarlinkService.interfaceDescription),
            ("org.varlink.certification", certificationInterfaceDescription),
            ("org.example.test", testInterfaceDescription),
            ("io.concert.Plan", planInterfaceDescription),
        ])
    func pythonParsesDescriptions(name: String, description: String) async throws {
        let python = try await Python.requireVarlink()
        let directory = try TemporaryDirectory()
        let file = directory.file("interface.varlink")
        try description.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try await Python.run(
            python,
            [
                "-c",
                "import sys, varlink; i = varlink.Interface(open(sys.argv[1]).read()); print(i.name); print(' '.join(i.members))",
                file,
            ])
        #expect(result.status == 0, "python could not parse \(name):\n\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == name)
        let swift = try VarlinkInterface(parsing: description)
        let members = Set((swift.types.map(\.name) + swift.methods.map(\.name) + swift.errors.map(\.name)))
        #expect(Set((lines.dropFirst().first ?? "").split(separator: " ").map(String.init)) == members)
    }

    @Test("python varlink.cli talks to the Swift server")
    func pythonCommandLine() async throws {
        let python = try await Python.requireVarlink()
        try await withServer(service: try makeTestService()) { path, _ in
            let info = try await Python.run(python, ["-m", "varlink.cli", "info", "unix:\(path)"])
            #expect(info.status == 0, "\(info.output)")
            #expect(info.output.contains("org.example.test"), "\(info.output)")
            let call = try await Python.run(
                python, ["-m", "varlink.cli", "call", "unix:\(path)/org.example.test.Add", #"{"a": 20, "b": 22}"#])
            #expect(call.status == 0, "\(call.output)")
            #expect(call.output.contains("42"), "\(call.output)")
            let help = try await Python.run(python, ["-m", "varlink.cli", "help", "unix:\(path)/org.example.test"])
            #expect(help.status == 0, "\(help.output)")
            #expect(help.output.contains("method Count"), "\(help.output)")
        }
    }
}

/// Waits until a server process listens on `path`.
func waitForSocket(_ path: String, process: Python.Launched) async throws {
    for _ in 0..<500 {
        if FileManager.default.fileExists(atPath: path) {
            let connected = (try? await VarlinkClient.withConnection(to: path) { _ in true }) ?? false
            if connected { return }
        }
        guard process.process.isRunning else {
            Issue.record("server exited early:\n\(process.output())")
            throw Python.PythonUnavailable()
        }
        try await Task.sleep(for: .milliseconds(20))
    }
    Issue.record("server did not start listening:\n\(process.output())")
    throw Python.PythonUnavailable()
}

/// Drives the certification sequence with the Swift client, checking every reply as the
/// reference client relies on it.
func runCertificationClient(address: String) async throws {
    let prefix = "org.varlink.certification."
    try await VarlinkClient.withConnection(to: address) { client in
        let info = try await client.getInfo()
        #expect(info.interfaces.contains("org.varlink.certification"))
        let description = try await client.interfaceDescription(of: "org.varlink.certification")
        #expect(try VarlinkInterface(parsing: description).name == "org.varlink.certification")

        let start = try await client.call(prefix + "Start")
        let id = try #require(start["client_id"]?.stringValue)
        let clientID = JSONValue.string(id)

        let test01 = try await client.call(prefix + "Test01", parameters: ["client_id": clientID])
        #expect(test01 == ["bool": true])
        let test02 = try await client.call(
            prefix + "Test02", parameters: ["client_id": clientID, "bool": test01["bool"] ?? nil])
        #expect(test02 == ["int": 1])
        let test03 = try await client.call(
            prefix + "Test03", parameters: ["client_id": clientID, "int": test02["int"] ?? nil])
        #expect(test03["float"]?.numericValue == 1.0)
        // The IDL says float: send it as a float whatever spelling the server used.
        let float = JSONValue.double(test03["float"]?.numericValue ?? 0)
        let test04 = try await client.call(prefix + "Test04", parameters: ["client_id": clientID, "float": float])
        #expect(test04 == ["string": "ping"])
        let test05 = try await client.call(
            prefix + "Test05", parameters: ["client_id": clientID, "string": test04["string"] ?? nil])
        #expect(test05["bool"] == false)
        #expect(test05["int"] == 2)
        #expect(test05["float"]?.numericValue == Double.pi)
        #expect(test05["string"] == "a lot of string")
        var test06Parameters = test05
        test06Parameters["client_id"] = clientID
        let test06 = try await client.call(prefix + "Test06", parameters: test06Parameters)
        #expect(
            test06 == ["struct": ["bool": false, "int": 2, "float": .double(Double.pi), "string": "a lot of string"]])
        let test07 = try await client.call(
            prefix + "Test07", parameters: ["client_id": clientID, "struct": test06["struct"] ?? nil])
        #expect(test07 == ["map": ["foo": "Foo", "bar": "Bar"]])
        let test08 = try await client.call(
            prefix + "Test08", parameters: ["client_id": clientID, "map": test07["map"] ?? nil])
        #expect(test08 == ["set": ["one": [:], "two": [:], "three": [:]]])
        let test09 = try await client.call(
            prefix + "Test09", parameters: ["client_id": clientID, "set": test08["set"] ?? nil])
        let mytype = try #require(test09["mytype"])
        var expectedMyType = CertificationHandler.myType.objectValue ?? [:]
        var receivedMyType = mytype.objectValue ?? [:]
        for nullable in ["nullable", "nullable_array_struct"] {
            if let value = receivedMyType.removeValue(forKey: nullable) {
                #expect(value.isNull)
            }
            expectedMyType[nullable] = nil
        }
        #expect(looselyEqual(.object(receivedMyType), .object(expectedMyType)))

        var lastMoreReplies: [JSONValue] = []
        for try await reply in try await client.callMore(
            prefix + "Test10", parameters: ["client_id": clientID, "mytype": mytype])
        {
            lastMoreReplies.append(reply["string"] ?? nil)
        }
        #expect(lastMoreReplies == (1...10).map { .string("Reply number \($0)") })
        try await client.callOneway(
            prefix + "Test11", parameters: ["client_id": clientID, "last_more_replies": .array(lastMoreReplies)])
        let end = try await client.call(prefix + "End", parameters: ["client_id": clientID])
        #expect(end == ["all_ok": true])
    }
}
