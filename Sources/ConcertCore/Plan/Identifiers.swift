/// A string identifier of one kind of thing in a plan (a measure, an entity, a focal point, a body).
///
/// Each kind gets its own type so a measure id cannot be passed where an entity id is expected.
public protocol PlanIdentifier: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible, CodingKeyRepresentable
where RawValue == String {
    init(_ rawValue: String)
}

extension PlanIdentifier {
    public init(rawValue: String) { self.init(rawValue) }
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var codingKey: any CodingKey { IdentifierKey(stringValue: rawValue) }

    public init?<T: CodingKey>(codingKey: T) { self.init(codingKey.stringValue) }
}

/// A dictionary key made from an identifier, so maps keyed by id encode as JSON objects.
struct IdentifierKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Identifies a measure of the plan, e.g. `M01`.
public struct MeasureID: PlanIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies an entity: an area of government, an institute, a municipality, an organisation.
public struct EntityID: PlanIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies one focal point (a person in the network).
public struct FocalPointID: PlanIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a body: the committee, a working group, the monitoring body.
public struct BodyID: PlanIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
