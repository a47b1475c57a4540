/// An interface error to send back to the caller: its qualified name and its parameters.
///
/// Every `io.concert` error carries a `message` meant for people, beside its typed fields.
struct ControlError: Error, Sendable {
    var name: String
    var parameters: [String: ErrorField]

    init(_ name: String, message: String, _ fields: [String: ErrorField] = [:]) {
        self.name = name
        var parameters = fields
        parameters["message"] = .string(message)
        self.parameters = parameters
    }
}

/// A value in an error's parameters.
enum ErrorField: Sendable, Hashable {
    case string(String)
    case int(Int)
    case strings([String])
}
