#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension JSONValue {
    /// Converts any `Encodable` value to a ``JSONValue`` by encoding it with `JSONEncoder` and
    /// parsing the result with ``JSONParser``.
    ///
    /// `nil` optionals in keyed containers are omitted, as `JSONEncoder` does, which is what
    /// Varlink expects for absent nullable fields.
    ///
    /// - Parameters:
    ///   - value: The value to convert.
    ///   - encoder: The encoder to use; pass one configured for dates, keys and so on.
    public init(encoding value: some Encodable, encoder: JSONEncoder = JSONEncoder()) throws {
        let data = try encoder.encode(value)
        self = try JSONParser.parse(data)
    }

    /// Converts this value to any `Decodable` type by serializing it and decoding it with
    /// `JSONDecoder`.
    ///
    /// - Parameters:
    ///   - type: The type to decode.
    ///   - decoder: The decoder to use.
    public func decode<T: Decodable>(_ type: T.Type = T.self, decoder: JSONDecoder = JSONDecoder()) throws -> T {
        try decoder.decode(type, from: Data(JSONSerializer.serialize(self)))
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// Decodes these object members (for example a call's or reply's parameters) as `T`.
    public func decode<T: Decodable>(_ type: T.Type = T.self, decoder: JSONDecoder = JSONDecoder()) throws -> T {
        try JSONValue.object(self).decode(type, decoder: decoder)
    }

    /// Encodes `value`, which must encode as a JSON object, into object members.
    ///
    /// - Throws: ``JSONConversionError`` when `value` does not encode as an object.
    public init(encodingObject value: some Encodable, encoder: JSONEncoder = JSONEncoder()) throws {
        guard case .object(let members) = try JSONValue(encoding: value, encoder: encoder) else {
            throw JSONConversionError(message: "\(type(of: value)) does not encode as a JSON object")
        }
        self = members
    }
}
