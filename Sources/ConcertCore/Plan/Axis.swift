/// One of the plan's axes of intervention, numbered from 1 (Portugal's plan has five).
public struct Axis: Hashable, Codable, Sendable {
    public var number: Int
    public var title: String

    public init(number: Int, title: String) {
        self.number = number
        self.title = title
    }
}
