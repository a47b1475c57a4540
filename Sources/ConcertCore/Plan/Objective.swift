/// One of the Global Compact's 23 objectives, which the plan's measures serve.
public struct Objective: Hashable, Codable, Sendable {
    public var number: Int
    public var title: String

    public init(number: Int, title: String) {
        self.number = number
        self.title = title
    }
}
