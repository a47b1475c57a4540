/// A value written as fixed ISO 8601 text (`YYYY-MM-DD`, `HH:MM`, `YYYY-MM-DDTHH:MM`), and
/// coded as that text: decoding anything else is an error that names the expected form.
public protocol ISOText: Codable, CustomStringConvertible {
    /// Parses exactly the ISO form; nil for anything else.
    init?(iso text: String)
    /// The form, for error messages: "a date in YYYY-MM-DD form".
    static var isoForm: String { get }
}

extension ISOText {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not \(Self.isoForm)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
