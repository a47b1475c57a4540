import Synchronization

@testable import Varlink

/// A test-only implementation of `org.varlink.certification`, matching the reference python
/// server (`varlink/tests/test_certification.py`): each client gets an id from `Start` and
/// must call `Test01` ... `Test11` and `End` in order, each with exactly the message the
/// reference client sends; `Test10` answers with ten replies, `Test11` must be `oneway`.
/// A deviation fails with `CertificationError(wants, got)` and forgets the client.
struct CertificationHandler: VarlinkInterfaceHandler {
    static let interfaceName = "org.varlink.certification"
    static let pi = JSONValue.double(Double.pi)

    /// The next method each client must call.
    final class Clients: Sendable {
        private let nextMethod = Mutex<[String: String]>([:])

        func start() -> String {
            let id = (0..<4).map { _ in String(UInt32.random(in: .min ... .max), radix: 16).leftPadded(to: 8) }.joined()
            nextMethod.withLock { $0[id] = "Test01" }
            return id
        }

        func next(for client: String) -> String? {
            nextMethod.withLock { $0[client] }
        }

        func set(_ method: String, for client: String) {
            nextMethod.withLock { $0[client] = method }
        }

        func forget(_ client: String) {
            _ = nextMethod.withLock { $0.removeValue(forKey: client) }
        }
    }

    let clients = Clients()

    static var myType: JSONValue {
        [
            "object": [
                "method": "org.varlink.certification.Test09", "parameters": ["map": ["foo": "Foo", "bar": "Bar"]],
            ],
            "enum": "two",
            "struct": ["first": 1, "second": "2"],
            "array": ["one", "two", "three"],
            "dictionary": ["foo": "Foo", "bar": "Bar"],
            "stringset": ["one": [:], "two": [:], "three": [:]],
            "interface": [
                "foo": [nil, ["foo": "foo", "bar": "bar"], nil, ["one": "foo", "two": "bar"]],
                "anon": ["foo": true, "bar": false],
            ],
        ]
    }

    func handle(_ call: VarlinkCall, context: VarlinkCallContext, replies: VarlinkReplyWriter) async throws {
        let method = call.methodName
        let message = JSONValue.object(call.jsonObject)
        if method == "Start" {
            let client = clients.start()
            try expectMessage(message, ["method": "org.varlink.certification.Start"], client: client)
            try await replies.reply(["client_id": .string(client)])
            return
        }
        let client = call.parameters["client_id"]?.stringValue ?? ""
        try advance(client: client, from: method)
        func wants(_ parameters: [String: JSONValue], flags: [String: JSONValue] = [:]) -> JSONValue {
            var members: [String: JSONValue] = ["method": .string("org.varlink.certification.\(method)")]
            members["parameters"] = .object(parameters.merging(["client_id": .string(client)]) { _, new in new })
            return .object(members.merging(flags) { _, new in new })
        }
        switch method {
        case "Test01":
            try expectMessage(message, wants([:]), client: client)
            try await replies.reply(["bool": true])
        case "Test02":
            try expectMessage(message, wants(["bool": true]), client: client)
            try await replies.reply(["int": 1])
        case "Test03":
            try expectMessage(message, wants(["int": 1]), client: client)
            try await replies.reply(["float": 1.0])
        case "Test04":
            try expectMessage(message, wants(["float": 1.0]), client: client)
            try await replies.reply(["string": "ping"])
        case "Test05":
            try expectMessage(message, wants(["string": "ping"]), client: client)
            try await replies.reply(["bool": false, "int": 2, "float": Self.pi, "string": "a lot of string"])
        case "Test06":
            try expectMessage(
                message, wants(["bool": false, "int": 2, "float": Self.pi, "string": "a lot of string"]), client: client
            )
            try await replies.reply([
                "struct": ["bool": false, "int": 2, "float": Self.pi, "string": "a lot of string"]
            ])
        case "Test07":
            try expectMessage(
                message, wants(["struct": ["bool": false, "int": 2, "float": Self.pi, "string": "a lot of string"]]),
                client: client)
            try await replies.reply(["map": ["foo": "Foo", "bar": "Bar"]])
        case "Test08":
            try expectMessage(message, wants(["map": ["foo": "Foo", "bar": "Bar"]]), client: client)
            try await replies.reply(["set": ["one": [:], "two": [:], "three": [:]]])
        case "Test09":
            try expectMessage(message, wants(["set": ["one": [:], "two": [:], "three": [:]]]), client: client)
            try await replies.reply(["mytype": Self.myType])
        case "Test10":
            // Nullable members may be sent as null or left out.
            var mytype = call.parameters["mytype"]?.objectValue ?? [:]
            for nullable in ["nullable", "nullable_array_struct"] {
                if let value = mytype.removeValue(forKey: nullable) {
                    try check(
                        value.isNull, message, wants(["mytype": Self.myType], flags: ["more": true]), client: client)
                }
            }
            try check(
                looselyEqual(.object(mytype), Self.myType) && call.more, message,
                wants(["mytype": Self.myType], flags: ["more": true]), client: client)
            for number in 1...9 {
                try await replies.yield(["string": .string("Reply number \(number)")])
            }
            try await replies.reply(["string": "Reply number 10"])
        case "Test11":
            let expected = (1...10).map { JSONValue.string("Reply number \($0)") }
            try check(
                call.oneway && call.parameters["last_more_replies"] == .array(expected), message,
                wants(["last_more_replies": .array(expected)], flags: ["oneway": true]), client: client)
        case "End":
            try expectMessage(message, wants([:]), client: client)
            clients.forget(client)
            try await replies.reply(["all_ok": true])
        default:
            throw VarlinkError.methodNotImplemented(call.method)
        }
    }

    private static let order = [
        "Test01", "Test02", "Test03", "Test04", "Test05", "Test06", "Test07", "Test08", "Test09", "Test10", "Test11",
        "End",
    ]

    /// Checks that `method` is the client's next one and moves on (python's `assert_method`).
    private func advance(client: String, from method: String) throws {
        guard let expected = clients.next(for: client) else {
            throw certificationError(
                wants: ["method": "org.varlink.certification.Start+++"],
                got: ["method": .string("org.varlink.certification.\(method)")])
        }
        guard expected == method else {
            throw certificationError(
                wants: .string("Call to method org.varlink.certification.\(expected)"),
                got: .string("Call to method org.varlink.certification.\(method)"))
        }
        let position = Self.order.firstIndex(of: method) ?? Self.order.count - 1
        clients.set(position + 1 < Self.order.count ? Self.order[position + 1] : "Start", for: client)
    }

    private func expectMessage(_ message: JSONValue, _ wants: JSONValue, client: String) throws {
        try check(looselyEqual(message, wants), message, wants, client: client)
    }

    private func check(_ condition: Bool, _ message: JSONValue, _ wants: JSONValue, client: String) throws {
        guard condition else {
            clients.forget(client)
            throw certificationError(wants: wants, got: message)
        }
    }

    private func certificationError(wants: JSONValue, got: JSONValue) -> VarlinkError {
        VarlinkError(name: "org.varlink.certification.CertificationError", parameters: ["wants": wants, "got": got])
    }
}

/// Equality as python compares decoded JSON: numbers by value, whatever their spelling.
func looselyEqual(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.int, .double), (.double, .int), (.int, .int), (.double, .double):
        return lhs.numericValue == rhs.numericValue
    case (.array(let left), .array(let right)):
        return left.count == right.count && zip(left, right).allSatisfy { looselyEqual($0, $1) }
    case (.object(let left), .object(let right)):
        return left.count == right.count
            && left.allSatisfy { key, value in right[key].map { looselyEqual(value, $0) } ?? false }
    default:
        return lhs == rhs
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
