import Foundation
import Testing

@testable import Varlink

@Suite("JSON")
struct JSONTests {
    @Test("parses every kind of value")
    func parsesValues() throws {
        let value = try JSONParser.parse(
            #" {"a": [1, -2, 3.5, 1e2, true, false, null, "x\n\u00e9\ud83d\ude00"], "b": {}} "#)
        #expect(
            value
                == .object([
                    "a": .array([
                        .int(1), .int(-2), .double(3.5), .double(100), .bool(true), .bool(false), .null,
                        .string("x\né😀"),
                    ]),
                    "b": .object([:]),
                ]))
    }

    @Test("keeps booleans and numbers apart")
    func booleansAreNotNumbers() throws {
        #expect(try JSONParser.parse("true") == .bool(true))
        #expect(try JSONParser.parse("1") == .int(1))
        #expect(try JSONParser.parse("1") != .bool(true))
        #expect(try JSONParser.parse("0") != .bool(false))
        #expect(JSONValue.bool(true).intValue == nil)
        #expect(JSONValue.int(1).boolValue == nil)
        let decodedBool = try JSONValue(encoding: true)
        #expect(decodedBool == .bool(true))
        let decodedInt = try JSONValue(encoding: 1)
        #expect(decodedInt == .int(1))
        #expect(try JSONValue.bool(true).decode(Bool.self) == true)
        #expect(throws: (any Error).self) { try JSONValue.int(1).decode(Bool.self) }
        #expect(throws: (any Error).self) { try JSONValue.bool(true).decode(Int.self) }
    }

    @Test("integers and doubles")
    func numbers() throws {
        #expect(try JSONParser.parse("9223372036854775807") == .int(Int64.max))
        #expect(try JSONParser.parse("-9223372036854775808") == .int(Int64.min))
        #expect(try JSONParser.parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try JSONParser.parse("1.0") == .double(1))
        #expect(try JSONParser.parse("-0") == .int(0))
        #expect(JSONValue.double(2).intValue == 2)
        #expect(JSONValue.double(2.5).intValue == nil)
        #expect(JSONSerializer.serialize(.double(1)) == Array("1.0".utf8))
        #expect(JSONSerializer.serialize(.double(.pi)) == Array("3.141592653589793".utf8))
        #expect(JSONSerializer.serialize(.double(.nan)) == Array("null".utf8))
        #expect(JSONSerializer.serialize(.double(1e-5)) == Array("1e-05".utf8))
        #expect(try JSONParser.parse("1e-05") == .double(1e-5))
    }

    @Test(
        "rejects invalid JSON",
        arguments: [
            "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "01", "1.", ".5", "-", "1e", "+1", "tru", "nul",
            "\"unterminated", "\"bad \\x escape\"", "\"\\u12\"", "[1] 2", "{'a': 1}", "NaN", "Infinity", "1e400",
            "\"tab\there\"", "{\"a\":1,\"a\":2}",
        ])
    func rejectsInvalidJSON(text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test("rejects invalid UTF-8 and lone surrogates")
    func rejectsInvalidUTF8() {
        let invalid: [[UInt8]] = [
            [0x22, 0xFF, 0x22],  // "\xFF"
            [0x22, 0xC0, 0xAF, 0x22],  // overlong '/'
            [0x22, 0xED, 0xA0, 0x80, 0x22],  // UTF-8 encoded surrogate
            [0x22, 0xE2, 0x82, 0x22],  // truncated sequence
            Array(#""\ud800""#.utf8),
            Array(#""\udc00""#.utf8),
            Array(#""\ud800\u0041""#.utf8),
        ]
        for bytes in invalid {
            #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
            do {
                _ = try JSONParser.parse(bytes)
            } catch {
                #expect(error.code == .invalidUTF8)
            }
        }
    }

    @Test("limits nesting depth")
    func limitsDepth() throws {
        let deep =
            String(repeating: "[", count: JSONParser.maximumDepth)
            + String(repeating: "]", count: JSONParser.maximumDepth)
        _ = try JSONParser.parse(deep)
        let tooDeep = "[" + deep + "]"
        #expect(throws: JSONParseError.self) { try JSONParser.parse(tooDeep) }
        let hostile = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(hostile) }
    }

    @Test("serializes with sorted keys and escapes")
    func serializes() throws {
        let value: JSONValue = ["b": [1, 2.5, "q\"\\\n\u{1}é"], "a": nil, "c": true]
        let text = String(decoding: JSONSerializer.serialize(value), as: UTF8.self)
        #expect(text == #"{"a":null,"b":[1,2.5,"q\"\\\n\u0001é"],"c":true}"#)
        #expect(try JSONParser.parse(text) == value)
    }

    @Test("round-trips through Codable types")
    func codableConversion() throws {
        struct Item: Codable, Equatable {
            var name: String
            var count: Int
            var ratio: Double
            var enabled: Bool
            var note: String?
            var tags: [String]
        }
        let item = Item(name: "x", count: 3, ratio: 0.5, enabled: false, note: nil, tags: ["a"])
        let value = try JSONValue(encoding: item)
        #expect(value["note"] == nil, "nil optionals are omitted")
        #expect(value["enabled"] == .bool(false))
        #expect(value["count"] == .int(3))
        #expect(try value.decode(Item.self) == item)

        let members = try [String: JSONValue](encodingObject: item)
        #expect(try members.decode(Item.self) == item)
        #expect(throws: JSONConversionError.self) { try [String: JSONValue](encodingObject: [1, 2]) }
    }

    @Test("JSONValue is itself Codable")
    func jsonValueCodable() throws {
        let value: JSONValue = ["flag": true, "n": 1, "f": 1.5, "s": "t", "list": [nil, 2], "o": ["k": "v"]]
        let data = try JSONEncoder().encode(value)
        let decoded = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(decoded == value)
        struct Wrapper: Codable { var payload: JSONValue }
        let wrapped = try JSONDecoder().decode(Wrapper.self, from: Data(#"{"payload":{"x":[true,1]}}"#.utf8))
        #expect(wrapped.payload == ["x": [true, 1]])
    }
}
