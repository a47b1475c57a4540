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

extension GlobalOptions {
    /// Moves `--socket PATH`, `--socket=PATH` and `--json` given before the command name to
    /// the end, where the command's own parser reads them.
    static func hoistingLeadingOptions(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--json" || argument.hasPrefix("--socket=") {
                leading.append(argument)
                index += 1
            } else if argument == "--socket", index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else {
                break
            }
        }
        guard !leading.isEmpty, index < arguments.count else { return arguments }
        return Array(arguments[index...]) + leading
    }
}
