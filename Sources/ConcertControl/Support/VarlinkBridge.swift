import Foundation
import Varlink

/// Moves typed parameters and replies to and from Varlink's JSON values.
enum VarlinkBridge {
    /// Decodes a call's parameters; they were already validated against the interface.
    static func parameters<T: Decodable>(_ call: VarlinkCall, as type: T.Type = T.self) throws -> T {
        do {
            return try JSONValue.object(call.parameters).decode(T.self)
        } catch {
            throw VarlinkError.invalidParameter(firstKey(of: error) ?? "parameters")
        }
    }

    /// Encodes a reply as a parameters object.
    static func reply(_ value: some Encodable) throws -> [String: JSONValue] {
        try [String: JSONValue](encodingObject: value)
    }

    static func error(_ error: ControlError) -> VarlinkError {
        VarlinkError(name: error.name, parameters: error.parameters.mapValues { field in
            switch field {
            case .string(let s): return .string(s)
            case .int(let n): return .int(Int64(n))
            case .strings(let list): return .array(list.map { .string($0) })
            }
        })
    }

    /// Runs a handler body, sending any `ControlError` as its interface error.
    static func answer(_ body: () async throws -> [String: JSONValue]) async throws -> [String: JSONValue] {
        do {
            return try await body()
        } catch let error as ControlError {
            throw Self.error(error)
        }
    }

    private static func firstKey(of error: any Error) -> String? {
        guard let decoding = error as? DecodingError else { return nil }
        switch decoding {
        case .keyNotFound(let key, _): return key.stringValue
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return context.codingPath.first?.stringValue
        @unknown default: return nil
        }
    }
}
