import Testing

@testable import Varlink

@Suite("Messages")
struct MessageTests {
    private func parseCall(_ text: String) throws -> VarlinkCall {
        try VarlinkCall(parsing: Array(text.utf8))
    }

    private func callErrorCode(_ bytes: [UInt8]) -> VarlinkMessageError.Code? {
        do {
            _ = try VarlinkCall(parsing: bytes)
            return nil
        } catch {
            return error.code
        }
    }

    @Test("parses a call with parameters and flags")
    func parsesCall() throws {
        let call = try parseCall(#"{"method":"org.example.Test.Ping","parameters":{"a":1},"more":true}"#)
        #expect(call.method == "org.example.Test.Ping")
        #expect(call.interfaceName == "org.example.Test")
        #expect(call.methodName == "Ping")
        #expect(call.parameters == ["a": 1])
        #expect(call.more && !call.oneway && !call.upgrade)
        #expect(call.mode == .more)
    }

    @Test("absent, null and empty parameters are the same")
    func parametersEquivalence() throws {
        for text in [
            #"{"method":"a.b.C"}"#, #"{"method":"a.b.C","parameters":null}"#, #"{"method":"a.b.C","parameters":{}}"#,
        ] {
            #expect(try parseCall(text).parameters.isEmpty)
        }
    }

    @Test("explicit false flags are accepted")
    func falseFlags() throws {
        let call = try parseCall(#"{"method":"a.b.C","oneway":false,"more":false,"upgrade":false}"#)
        #expect(call.mode == .normal)
    }

    @Test("rejects malformed calls")
    func rejectsMalformed() {
        #expect(callErrorCode([0x7B, 0xFF, 0x7D]) == .invalidJSON)
        #expect(callErrorCode(Array(#"{"method":"a.b."#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)) == .invalidUTF8)
        #expect(callErrorCode(Array("{not json".utf8)) == .invalidJSON)
        #expect(callErrorCode(Array("[1,2]".utf8)) == .notAnObject)
        #expect(callErrorCode(Array("\"method\"".utf8)) == .notAnObject)
        #expect(callErrorCode(Array(#"{"parameters":{}}"#.utf8)) == .missingMethod)
        #expect(callErrorCode(Array(#"{"method":42}"#.utf8)) == .missingMethod)
        #expect(callErrorCode(Array(#"{"method":""}"#.utf8)) == .missingMethod)
        #expect(callErrorCode(Array(#"{"method":"a.b.C","more":true,"oneway":true}"#.utf8)) == .conflictingFlags)
        #expect(callErrorCode(Array(#"{"method":"a.b.C","more":true,"upgrade":true}"#.utf8)) == .conflictingFlags)
        #expect(callErrorCode(Array(#"{"method":"a.b.C","more":1}"#.utf8)) == .invalidField)
        #expect(callErrorCode(Array(#"{"method":"a.b.C","oneway":"yes"}"#.utf8)) == .invalidField)
        #expect(callErrorCode(Array(#"{"method":"a.b.C","parameters":[1]}"#.utf8)) == .invalidField)
        #expect(callErrorCode(Array(#"{"method":"a.b.C","bogus":1}"#.utf8)) == .unknownField)
    }

    @Test("vendor extension members are ignored")
    func vendorExtensions() throws {
        let call = try parseCall(#"{"method":"a.b.C","org.example":{"trace":1}}"#)
        #expect(call.method == "a.b.C")
    }

    @Test("call encoding omits false flags and empty parameters")
    func encodesCall() throws {
        #expect(
            String(decoding: VarlinkCall(method: "a.b.C").encoded(), as: UTF8.self) == "{\"method\":\"a.b.C\"}\u{0}")
        #expect(
            String(decoding: VarlinkCall(method: "a.b.C", parameters: ["x": 1], mode: .oneway).encoded(), as: UTF8.self)
                == "{\"method\":\"a.b.C\",\"oneway\":true,\"parameters\":{\"x\":1}}\u{0}")
        let more = VarlinkCall(method: "a.b.C", mode: .more)
        #expect(try VarlinkCall(parsing: more.encoded().dropLast()) == more)
        let upgrade = VarlinkCall(method: "a.b.C", mode: .upgrade)
        #expect(upgrade.jsonObject == ["method": "a.b.C", "upgrade": true])
    }

    @Test("reply encoding includes continues only when true")
    func encodesReply() throws {
        #expect(
            String(decoding: VarlinkReply(parameters: ["a": 1]).encoded(), as: UTF8.self)
                == "{\"parameters\":{\"a\":1}}\u{0}")
        #expect(
            String(decoding: VarlinkReply(parameters: [:], continues: true).encoded(), as: UTF8.self)
                == "{\"continues\":true,\"parameters\":{}}\u{0}")
        let error = VarlinkReply(error: .invalidParameter("x"))
        #expect(
            String(decoding: error.encoded(), as: UTF8.self)
                == "{\"error\":\"org.varlink.service.InvalidParameter\",\"parameters\":{\"parameter\":\"x\"}}\u{0}")
    }

    @Test("parses replies")
    func parsesReplies() throws {
        let final = try VarlinkReply(parsing: Array(#"{"parameters":{"s":"x"},"continues":false}"#.utf8))
        #expect(!final.continues && final.parameters == ["s": "x"])
        let empty = try VarlinkReply(parsing: Array("{}".utf8))
        #expect(empty.parameters.isEmpty && empty.error == nil)
        let error = try VarlinkReply(parsing: Array(#"{"error":"a.b.Failed"}"#.utf8))
        #expect(error.varlinkError == VarlinkError(name: "a.b.Failed"))
        #expect(throws: VarlinkMessageError.self) {
            try VarlinkReply(parsing: Array(#"{"error":"a.b.Failed","continues":true}"#.utf8))
        }
        #expect(throws: VarlinkMessageError.self) { try VarlinkReply(parsing: Array(#"{"continues":"yes"}"#.utf8)) }
        #expect(throws: VarlinkMessageError.self) { try VarlinkReply(parsing: Array(#"{"error":5}"#.utf8)) }
    }

    @Test("standard errors")
    func standardErrors() {
        #expect(VarlinkError.interfaceNotFound("x").name == "org.varlink.service.InterfaceNotFound")
        #expect(VarlinkError.interfaceNotFound("x").parameters == ["interface": "x"])
        #expect(VarlinkError.methodNotFound("m").parameters == ["method": "m"])
        #expect(VarlinkError.methodNotImplemented("m").name == "org.varlink.service.MethodNotImplemented")
        #expect(VarlinkError.invalidParameter("p").parameters == ["parameter": "p"])
        #expect(VarlinkError.permissionDenied().name == "org.varlink.service.PermissionDenied")
        #expect(VarlinkError.expectedMore().name == "org.varlink.service.ExpectedMore")
    }
}
