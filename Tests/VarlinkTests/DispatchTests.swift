import Testing

@testable import Varlink

@Suite("Dispatch without a socket")
struct DispatchTests {
    @Test("GetInfo lists every interface including org.varlink.service")
    func getInfo() async throws {
        let service = try makeTestService()
        let replies = try await service.replies(to: VarlinkCall(method: "org.varlink.service.GetInfo"))
        #expect(
            replies == [
                VarlinkReply(parameters: [
                    "vendor": "Example", "product": "varlink-tests", "version": "1.0", "url": "https://example.org",
                    "interfaces": ["org.example.test", "org.varlink.service"],
                ])
            ])
    }

    @Test("GetInterfaceDescription returns the registered text verbatim")
    func interfaceDescription() async throws {
        let service = try makeTestService()
        let replies = try await service.replies(
            to: VarlinkCall(
                method: "org.varlink.service.GetInterfaceDescription", parameters: ["interface": "org.example.test"]))
        #expect(replies == [VarlinkReply(parameters: ["description": .string(testInterfaceDescription)])])
        let own = try await service.replies(
            to: VarlinkCall(
                method: "org.varlink.service.GetInterfaceDescription", parameters: ["interface": "org.varlink.service"])
        )
        #expect(own == [VarlinkReply(parameters: ["description": .string(OrgVarlinkService.interfaceDescription)])])
        let missing = try await service.replies(
            to: VarlinkCall(
                method: "org.varlink.service.GetInterfaceDescription", parameters: ["interface": "org.nope"]))
        #expect(missing == [VarlinkReply(error: .interfaceNotFound("org.nope"))])
    }

    @Test("unknown interface, unknown method, invalid parameters")
    func routingErrors() async throws {
        let service = try makeTestService()
        #expect(
            try await service.replies(to: VarlinkCall(method: "org.nope.Thing")) == [
                VarlinkReply(error: .interfaceNotFound("org.nope"))
            ])
        #expect(
            try await service.replies(to: VarlinkCall(method: "NoDots")) == [
                VarlinkReply(error: .interfaceNotFound("NoDots"))
            ])
        #expect(
            try await service.replies(to: VarlinkCall(method: "org.example.test.Nope"))
                == [VarlinkReply(error: .methodNotFound("org.example.test.Nope"))])
        #expect(
            try await service.replies(to: VarlinkCall(method: "org.example.test.Add", parameters: ["a": 1]))
                == [VarlinkReply(error: .invalidParameter("b"))])
        #expect(
            try await service.replies(to: VarlinkCall(method: "org.example.test.Add", parameters: ["a": 1, "b": "2"]))
                == [VarlinkReply(error: .invalidParameter("b"))])
        #expect(
            try await service.replies(
                to: VarlinkCall(method: "org.example.test.Add", parameters: ["a": 1, "b": 2, "c": 3]))
                == [VarlinkReply(error: .invalidParameter("c"))])
        #expect(
            try await service.replies(
                to: VarlinkCall(method: "org.example.test.Lookup", parameters: ["items": [["id": 1]], "id": 1]))
                == [VarlinkReply(error: .invalidParameter("items"))])
        #expect(
            try await service.replies(
                to: VarlinkCall(method: "org.example.test.Add", parameters: ["a": 1, "b": 2], mode: .upgrade))
                == [VarlinkReply(error: .methodNotImplemented("org.example.test.Add"))])
    }

    @Test("streaming needs more; continues only with more")
    func streaming() async throws {
        let service = try makeTestService()
        let streamed = try await service.replies(
            to: VarlinkCall(method: "org.example.test.Count", parameters: ["upto": 3], mode: .more))
        #expect(
            streamed == [
                VarlinkReply(parameters: ["n": 1], continues: true),
                VarlinkReply(parameters: ["n": 2], continues: true),
                VarlinkReply(parameters: ["n": 3]),
            ])
        let single = try await service.replies(
            to: VarlinkCall(method: "org.example.test.Count", parameters: ["upto": 3]))
        #expect(single == [VarlinkReply(error: .expectedMore())])
        // A single-reply method called with more answers once, without continues.
        let once = try await service.replies(
            to: VarlinkCall(method: "org.example.test.Add", parameters: ["a": 1, "b": 2], mode: .more))
        #expect(once == [VarlinkReply(parameters: ["sum": 3])])
    }

    @Test("oneway calls run but get no reply, not even errors")
    func oneway() async throws {
        let recorder = TestRecorder()
        let service = try makeTestService(recorder: recorder)
        #expect(
            try await service.replies(
                to: VarlinkCall(method: "org.example.test.Record", parameters: ["note": "hi"], mode: .oneway))
                == [])
        #expect(recorder.notes == ["hi"])
        #expect(try await service.replies(to: VarlinkCall(method: "org.nope.X", mode: .oneway)) == [])
        #expect(
            try await service.replies(
                to: VarlinkCall(method: "org.example.test.Count", parameters: ["upto": 3], mode: .oneway))
                == [])
    }

    @Test("handler errors become error replies")
    func handlerErrors() async throws {
        let service = try makeTestService()
        #expect(
            try await service.replies(to: VarlinkCall(method: "org.example.test.Fail", parameters: ["kind": "varlink"]))
                == [
                    VarlinkReply(
                        error: VarlinkError(name: "org.example.test.Failed", parameters: ["reason": "asked to"]))
                ])
        #expect(
            try await service.replies(
                to: VarlinkCall(method: "org.example.test.Fail", parameters: ["kind": "internal"]))
                == [VarlinkReply(error: VarlinkError(name: "org.varlink.service.InternalError"))])
        #expect(
            try await service.replies(
                to: VarlinkCall(method: "org.example.test.Fail", parameters: ["kind": "permission"]))
                == [VarlinkReply(error: .permissionDenied())])
        #expect(
            try await service.replies(to: VarlinkCall(method: "org.example.test.Fail", parameters: ["kind": "other"]))
                == [VarlinkReply(error: .invalidParameter("kind"))])
    }

    @Test("a handler that does not reply sends an empty reply; typed replies encode Codable values")
    func defaultsAndTyped() async throws {
        let service = try makeTestService()
        #expect(try await service.replies(to: VarlinkCall(method: "org.example.test.Silent")) == [VarlinkReply()])
        let found = try await service.replies(
            to: VarlinkCall(
                method: "org.example.test.Lookup",
                parameters: ["items": [["id": 1, "name": "one"], ["id": 2, "name": "two"]], "id": 2]))
        #expect(found == [VarlinkReply(parameters: ["item": ["id": 2, "name": "two"]])])
    }

    @Test("the writer refuses a second final reply and use after the call")
    func writerRules() async throws {
        let writer = VarlinkReplyWriter(mode: .normal) { _ in }
        try await writer.reply(["a": 1])
        await #expect(throws: VarlinkReplyWriterError.self) { try await writer.reply(["a": 2]) }
        await #expect(throws: VarlinkError.self) { try await writer.yield(["a": 3]) }
        let streaming = VarlinkReplyWriter(mode: .more) { _ in }
        try await streaming.yield(["n": 1])
        streaming.finish()
        await #expect(throws: VarlinkReplyWriterError.self) { try await streaming.yield(["n": 2]) }
    }

    @Test("the method router routes and reports unrouted methods")
    func router() async throws {
        var router = VarlinkMethodRouter()
        router.method("Add") { call, _ in
            ["sum": .int((call.parameters["a"]?.intValue ?? 0) + (call.parameters["b"]?.intValue ?? 0))]
        }
        router.streamingMethod("Count") { call, _, replies in
            try await replies.yield(["n": 1])
            try await replies.reply(["n": 2])
        }
        var service = VarlinkService(vendor: "v", product: "p", version: "1", url: "u")
        try service.register(interfaceDescription: testInterfaceDescription, handler: router)
        #expect(
            try await service.replies(to: VarlinkCall(method: "org.example.test.Add", parameters: ["a": 2, "b": 3]))
                == [VarlinkReply(parameters: ["sum": 5])])
        #expect(
            try await service.replies(
                to: VarlinkCall(method: "org.example.test.Count", parameters: ["upto": 2], mode: .more)
            ).count
                == 2)
        #expect(
            try await service.replies(to: VarlinkCall(method: "org.example.test.Silent"))
                == [VarlinkReply(error: .methodNotImplemented("org.example.test.Silent"))])
    }

    @Test("registration rejects bad descriptions and duplicates")
    func registration() throws {
        var service = VarlinkService(vendor: "v", product: "p", version: "1", url: "u")
        #expect(throws: VarlinkIDLError.self) {
            try service.register(interfaceDescription: "interface Bad.Name", handler: VarlinkMethodRouter())
        }
        try service.register(interfaceDescription: testInterfaceDescription, handler: VarlinkMethodRouter())
        #expect(throws: VarlinkServiceError.self) {
            try service.register(interfaceDescription: testInterfaceDescription, handler: VarlinkMethodRouter())
        }
        #expect(throws: VarlinkServiceError.self) {
            try service.register(
                interfaceDescription: OrgVarlinkService.interfaceDescription, handler: VarlinkMethodRouter())
        }
        #expect(service.interfaceNames == ["org.example.test", "org.varlink.service"])
        #expect(service.interface(named: "org.example.test")?.description == testInterfaceDescription)
    }
}
