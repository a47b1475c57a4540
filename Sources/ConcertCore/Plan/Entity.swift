/// An organisation that takes part in the plan.
public struct Entity: Hashable, Codable, Sendable {
    public enum Kind: String, Hashable, Codable, Sendable, CaseIterable {
        case areaOfGovernment = "area_of_government"
        case institute
        case municipality
        case civilSociety = "civil_society"
        case international
    }

    public var id: EntityID
    public var name: String
    public var kind: Kind
    /// The area of government an institute answers to, when there is one.
    public var parent: EntityID?

    public init(id: EntityID, name: String, kind: Kind, parent: EntityID? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parent = parent
    }
}
