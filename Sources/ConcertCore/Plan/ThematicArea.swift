/// A grouping of objectives used by regional reviews; an objective may sit in several areas.
public struct ThematicArea: Hashable, Codable, Sendable {
    public var number: Int
    public var title: String
    public var objectives: [Int]

    public init(number: Int, title: String, objectives: [Int]) {
        self.number = number
        self.title = title
        self.objectives = objectives
    }
}
