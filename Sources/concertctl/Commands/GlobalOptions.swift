import ArgumentParser
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The daemon's control socket.", valueName: "path"))
    var socket: String?

    @Flag(name: .long, help: "Print JSON for scripts instead of tables.")
    var json = false

    /// The socket path: --socket, then $CONCERT_SOCKET, then the system default.
    var socketPath: String {
        if let socket { return socket }
        if let env = ProcessInfo.processInfo.environment["CONCERT_SOCKET"], !env.isEmpty { return env }
        return "/run/concert/io.concert.sock"
    }
}
