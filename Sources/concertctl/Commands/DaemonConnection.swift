import ArgumentParser
import Foundation
import Varlink

/// A connection to concertd's control socket.
struct DaemonConnection {
    let client: VarlinkClient

    /// Calls a method and returns the reply's parameters.
    func call(_ method: String, _ parameters: [String: JSONValue] = [:]) async throws -> JSONValue {
        .object(try await client.call(method, parameters: parameters))
    }

    /// Calls a method with `more`; each element is one reply's parameters.
    func stream(_ method: String, _ parameters: [String: JSONValue] = [:]) async throws -> VarlinkReplyStream {
        try await client.callMore(method, parameters: parameters)
    }
}

extension AsyncParsableCommand {
    /// Connects to the daemon, runs `body`, and reports any failure with its exit code.
    func withDaemon(_ options: GlobalOptions, _ body: (DaemonConnection) async throws -> Void) async throws {
        try await reporting(json: options.json) {
            var connected = false
            do {
                try await VarlinkClient.withConnection(to: options.socketPath) { client in
                    connected = true
                    try await body(DaemonConnection(client: client))
                }
            } catch {
                guard connected else {
                    throw CLIError(
                        message: "cannot reach concertd at \(options.socketPath) (\(error)); is it running? "
                            + "Point --socket or CONCERT_SOCKET at its control socket.",
                        code: CLIError.unavailable)
                }
                throw error
            }
        }
    }
}
