import Foundation
import Synchronization

@testable import Varlink

/// The interface the server tests talk to.
let testInterfaceDescription = """
    # An interface for exercising the server.
    interface org.example.test

    type Item (id: int, name: string)

    method Echo(value: ?object, text: ?string) -> (value: ?object, text: ?string)

    method Add(a: int, b: int) -> (sum: int)

    # Streams n = 1 ... upto; must be called with more.
    method Count(upto: int) -> (n: int)

    method Sleep(milliseconds: int) -> (slept: int)

    method Fail(kind: (varlink, internal, permission)) -> ()

    method Whoami() -> (uid: int, gid: int, pid: int, connection: int)

    method Record(note: string) -> ()

    method Notes() -> (notes: []string)

    method Blob(size: int) -> (data: string)

    # Returns without replying.
    method Silent() -> ()

    # Blocks until cancelled.
    method Wait() -> ()

    method Lookup(items: []Item, id: int) -> (item: ?Item)

    error Failed (reason: string)

    """

/// Shared state the test handler records into.
final class TestRecorder: Sendable {
    private struct State {
        var notes: [String] = []
        var cancellations = 0
        var waitStarted = 0
        var sleepStarted = 0
    }

    private let state = Mutex(State())

    var notes: [String] { state.withLock { $0.notes } }
    var cancellations: Int { state.withLock { $0.cancellations } }
    var waitStarted: Int { state.withLock { $0.waitStarted } }
    var sleepStarted: Int { state.withLock { $0.sleepStarted } }

    func record(_ note: String) {
        state.withLock { $0.notes.append(note) }
    }

    func recordCancellation() {
        state.withLock { $0.cancellations += 1 }
    }

    func recordSleepStarted() {
        state.withLock { $0.sleepStarted += 1 }
    }

    func recordWaitStarted() {
        state.withLock { $0.waitStarted += 1 }
    }

    /// Polls until `condition` holds or about five seconds pass.
    func eventually(_ condition: (TestRecorder) -> Bool) async -> Bool {
        for _ in 0..<500 {
            if condition(self) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition(self)
    }
}

struct UnexpectedFailure: Error {}

/// Handles `org.example.test`.
struct TestHandler: VarlinkInterfaceHandler {
    let recorder: TestRecorder

    func handle(_ call: VarlinkCall, context: VarlinkCallContext, replies: VarlinkReplyWriter) async throws {
        let parameters = call.parameters
        switch call.methodName {
        case "Echo":
            try await replies.reply(parameters)
        case "Add":
            let a = parameters["a"]?.intValue ?? 0
            let b = parameters["b"]?.intValue ?? 0
            try await replies.reply(["sum": .int(a + b)])
        case "Count":
            let upto = parameters["upto"]?.intValue ?? 0
            guard upto > 0 else {
                throw VarlinkError(name: "org.example.test.Failed", parameters: ["reason": "upto must be positive"])
            }
            for n in 1..<upto {
                try await replies.yield(["n": .int(n)])
            }
            try await replies.reply(["n": .int(upto)])
        case "Sleep":
            let milliseconds = parameters["milliseconds"]?.intValue ?? 0
            recorder.recordSleepStarted()
            try await Task.sleep(for: .milliseconds(milliseconds))
            try await replies.reply(["slept": .int(milliseconds)])
        case "Fail":
            switch parameters["kind"]?.stringValue {
            case "varlink":
                throw VarlinkError(name: "org.example.test.Failed", parameters: ["reason": "asked to"])
            case "permission":
                throw VarlinkError.permissionDenied()
            default:
                throw UnexpectedFailure()
            }
        case "Whoami":
            guard let peer = context.peer else {
                throw VarlinkError.permissionDenied()
            }
            try await replies.reply([
                "uid": .int(Int64(peer.uid)), "gid": .int(Int64(peer.gid)), "pid": .int(Int64(peer.pid)),
                "connection": .int(Int64(context.connectionID)),
            ])
        case "Record":
            recorder.record(parameters["note"]?.stringValue ?? "")
        case "Notes":
            try await replies.reply(["notes": .array(recorder.notes.map(JSONValue.string))])
        case "Blob":
            let size = Int(parameters["size"]?.intValue ?? 0)
            try await replies.reply(["data": .string(String(repeating: "x", count: size))])
        case "Silent":
            return
        case "Wait":
            recorder.recordWaitStarted()
            do {
                try await Task.sleep(for: .seconds(3600))
            } catch {
                recorder.recordCancellation()
                throw error
            }
        case "Lookup":
            let items = try parameters["items"]?.decode([TestItem].self) ?? []
            let id = parameters["id"]?.intValue ?? -1
            if let item = items.first(where: { $0.id == id }) {
                try await replies.reply(encoding: TestLookupReply(item: item))
            } else {
                try await replies.reply([:])
            }
        default:
            throw VarlinkError.methodNotImplemented(call.method)
        }
    }
}

struct TestItem: Codable, Equatable, Sendable {
    var id: Int
    var name: String
}

struct TestLookupReply: Codable, Equatable, Sendable {
    var item: TestItem?
}

/// A service with `org.example.test` registered.
func makeTestService(recorder: TestRecorder = TestRecorder()) throws -> VarlinkService {
    var service = VarlinkService(
        vendor: "Example", product: "varlink-tests", version: "1.0", url: "https://example.org")
    try service.register(interfaceDescription: testInterfaceDescription, handler: TestHandler(recorder: recorder))
    return service
}
