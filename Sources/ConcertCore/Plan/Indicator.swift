/// A named quantity by which a measure's progress is judged, with its unit and target.
public struct Indicator: Hashable, Codable, Sendable {
    public var name: String
    public var unit: String
    public var target: Double?

    public init(name: String, unit: String, target: Double?) {
        self.name = name
        self.unit = unit
        self.target = target
    }
}
