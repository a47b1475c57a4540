import ArgumentParser
import Foundation
import Varlink

/// A failure to report to the user: a message on stderr and an exit code scripts can test.
struct CLIError: Error {
    var message: String
    var code: Int32
    /// The Varlink error name, when the daemon sent one.
    var errorName: String?
    var parameters: [String: JSONValue] = [:]

    static let refused: Int32 = 1
    static let notFound: Int32 = 2
    static let permissionDenied: Int32 = 3
    static let usage: Int32 = 64
    static let unavailable: Int32 = 69
    static let software: Int32 = 70
    static let temporary: Int32 = 75

    /// Translates an error reply from the daemon.
    init(_ error: VarlinkError) {
        let name = error.name
        let short = name.split(separator: ".").last.map(String.init) ?? name
        errorName = name
        parameters = error.parameters
        if case .string(let text)? = error.parameters["message"] {
            message = text
        } else {
            message = Self.describe(short: short, parameters: error.parameters)
        }
        switch short {
        case "NoSuchMeasure", "NoSuchFilterValue", "NoSuchEntity", "NoSuchFocalPoint", "NoSuchBody", "NoSuchMeeting",
            "NoSuchTask", "NoSuchAgendaItem", "NoSuchEscalation", "NoSuchNotice":
            code = Self.notFound
        case "NotVirtual", "NotActive", "NoReportingCycle":
            code = Self.refused
        case "RoleRequired", "PermissionDenied":
            code = Self.permissionDenied
        case "NotRecorded":
            code = Self.temporary
        case "InvalidParameter", "MethodNotFound", "MethodNotImplemented", "InterfaceNotFound", "ExpectedMore",
            "InternalError":
            code = Self.software
        default:
            code = Self.refused
        }
    }

    init(message: String, code: Int32) {
        self.message = message
        self.code = code
    }

    private static func describe(short: String, parameters: [String: JSONValue]) -> String {
        let details = parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        return details.isEmpty ? "the daemon answered \(short)" : "the daemon answered \(short) (\(details))"
    }

    /// Prints the failure and returns the exit code to end with.
    func report(json: Bool) -> ExitCode {
        if json {
            var object: [String: JSONValue] = ["message": .string(message), "exit_code": .int(Int64(code))]
            if let errorName { object["error"] = .string(errorName) }
            if !parameters.isEmpty { object["parameters"] = .object(parameters) }
            Output.error(Output.json(.object(object), pretty: false))
        } else {
            Output.error("concertctl: " + TerminalText.line(message))
        }
        return ExitCode(code)
    }
}

extension AsyncParsableCommand {
    /// Runs `body`, turning every failure into a message and an exit code.
    func reporting(json: Bool, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as CLIError {
            throw error.report(json: json)
        } catch let error as VarlinkError {
            throw CLIError(error).report(json: json)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw CLIError(message: "\(error)", code: CLIError.software).report(json: json)
        }
    }
}
