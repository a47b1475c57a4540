import Foundation
import Logging
import NIOCore
import NIOPosix
import Testing

@testable import Varlink

/// A logger that discards everything unless `VARLINK_TEST_LOG` is set.
let testLogger: Logger = {
    if ProcessInfo.processInfo.environment["VARLINK_TEST_LOG"] != nil {
        var logger = Logger(label: "varlink.test")
        logger.logLevel = .trace
        return logger
    }
    return Logger(label: "varlink.test", factory: { _ in SwiftLogNoOpLogHandler() })
}()

/// A fresh directory under /tmp (short, so socket paths fit in `sun_path`), removed on deinit.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        var template = Array("/tmp/vl-XXXXXX".utf8) + [0]
        let created = template.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { mkdtemp($0.baseAddress!) != nil }
        }
        guard created else {
            throw POSIXError(.EIO)
        }
        path = String(decoding: template.dropLast(), as: UTF8.self)
    }

    func file(_ name: String) -> String {
        path + "/" + name
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Fails the test with `message` when `body` has not finished within `seconds`, instead of
/// hanging the whole test run.
func withTimeout<Result: Sendable>(
    seconds: Double = 60, _ body: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Result?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let result = first else {
            throw TestTimeout(seconds: seconds)
        }
        return result
    }
}

struct TestTimeout: Error, CustomStringConvertible {
    let seconds: Double
    var description: String { "test body did not finish within \(seconds) s" }
}

/// Runs a server on a socket in a temporary directory for the duration of `body`.
func withServer<Result: Sendable>(
    service: VarlinkService,
    configure: (inout VarlinkServerConfiguration) -> Void = { _ in },
    _ body: @escaping @Sendable (_ path: String, _ server: VarlinkServer) async throws -> Result
) async throws -> Result {
    let directory = try TemporaryDirectory()
    let path = directory.file("s.sock")
    var configuration = VarlinkServerConfiguration(listener: .unixSocket(path: path))
    configure(&configuration)
    let server = VarlinkServer(configuration: configuration, service: service, logger: testLogger)
    return try await withTimeout {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            try await server.listening()
            do {
                let result = try await body(path, server)
                group.cancelAll()
                try await group.waitForAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }
}

/// A plain socket connection that sends raw bytes and reads NUL-separated messages, for
/// testing the server at the byte level.
final class RawConnection: Sendable {
    private let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>

    private init(channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>) {
        self.channel = channel
    }

    static func with<Result: Sendable>(
        path: String, _ body: (RawSession) async throws -> Result
    ) async throws -> Result {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(unixDomainSocketPath: path) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            let session = RawSession(iterator: inbound.makeAsyncIterator(), outbound: outbound)
            return try await body(session)
        }
    }
}

/// The open side of a ``RawConnection``.
final class RawSession: @unchecked Sendable {
    private var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var pending: [UInt8] = []
    private(set) var closed = false

    init(
        iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) {
        self.iterator = iterator
        self.outbound = outbound
    }

    func send(_ bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    func send(_ text: String) async throws {
        try await send(Array(text.utf8))
    }

    /// Sends `json` followed by a NUL.
    func sendMessage(_ json: String) async throws {
        try await send(Array(json.utf8) + [0])
    }

    /// The next message (without NUL), or `nil` when the connection closed first.
    func receive() async throws -> [UInt8]? {
        while true {
            if let nul = pending.firstIndex(of: 0) {
                let message = Array(pending[..<nul])
                pending.removeFirst(nul + 1)
                return message
            }
            let chunk: ByteBuffer?
            do {
                chunk = try await iterator.next()
            } catch {
                closed = true
                return nil
            }
            guard let chunk else {
                closed = true
                return nil
            }
            pending.append(contentsOf: chunk.readableBytesView)
        }
    }

    /// The next message parsed as a reply.
    func receiveReply() async throws -> VarlinkReply? {
        guard let bytes = try await receive() else { return nil }
        return try VarlinkReply(parsing: bytes)
    }

    /// Reads until the server closes the connection; returns the messages received meanwhile.
    func receiveUntilClosed() async throws -> [[UInt8]] {
        var messages: [[UInt8]] = []
        while let message = try await receive() {
            messages.append(message)
        }
        return messages
    }
}

/// Locates the Python interpreter with the `varlink` package: `CONCERT_PYTHON`, else
/// `.venv/bin/python3` at the package root.
enum Python {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // VarlinkTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
    }

    static var interpreter: String {
        if let configured = ProcessInfo.processInfo.environment["CONCERT_PYTHON"], !configured.isEmpty {
            return configured
        }
        return packageRoot.appendingPathComponent(".venv/bin/python3").path
    }

    /// The interpreter, after checking it can import `varlink`; records a clear failure if not.
    static func requireVarlink() async throws -> String {
        let python = interpreter
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record(
                """
                Python not found at \(python). Set CONCERT_PYTHON to a python3 that has the \
                'varlink' package (pip install varlink==31.0.0), or create .venv at the package root.
                """)
            throw PythonUnavailable()
        }
        let result = try await run(python, ["-c", "import varlink"])
        guard result.status == 0 else {
            Issue.record(
                """
                \(python) cannot import the 'varlink' package (pip install varlink==31.0.0): \
                \(result.output)
                """)
            throw PythonUnavailable()
        }
        return python
    }

    struct PythonUnavailable: Error {}

    struct Result {
        let status: Int32
        let output: String
    }

    /// Runs a program to completion; stdout and stderr go to a temporary file, not a pipe, so
    /// a chatty program cannot block.
    static func run(_ executable: String, _ arguments: [String]) async throws -> Result {
        let process = try Launched(executable, arguments)
        let status = await process.wait()
        return Result(status: status, output: process.output())
    }

    /// A started process whose output is collected in a file.
    final class Launched: @unchecked Sendable {
        let process = Process()
        private let outputDirectory: TemporaryDirectory
        private let outputPath: String
        private let exit = AsyncStream<Int32>.makeStream()

        init(_ executable: String, _ arguments: [String]) throws {
            outputDirectory = try TemporaryDirectory()
            outputPath = outputDirectory.file("output")
            _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.standardOutput = handle
            process.standardError = handle
            process.standardInput = FileHandle.nullDevice
            let continuation = exit.continuation
            process.terminationHandler = { process in
                continuation.yield(process.terminationStatus)
                continuation.finish()
            }
            try process.run()
            try handle.close()
        }

        /// Waits for the process to exit and returns its status.
        func wait() async -> Int32 {
            for await status in exit.stream {
                return status
            }
            return process.terminationStatus
        }

        /// Kills the process. SIGKILL, because children started from the test process inherit
        /// a signal mask that blocks SIGTERM.
        func terminate() {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
            }
        }

        func output() -> String {
            (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        }
    }
}
