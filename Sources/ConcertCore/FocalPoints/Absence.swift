/// A period a focal point is away, and who stands in.
public struct Absence: Hashable, Codable, Sendable {
    public var focalPoint: FocalPointID
    /// First and last day away, in the plan's time zone.
    public var from: CalendarDate
    public var to: CalendarDate
    /// Who stands in; nil for the deputy the plan declares.
    public var deputy: FocalPointID?

    enum CodingKeys: String, CodingKey {
        case from, to, deputy
        case focalPoint = "focal_point"
    }

    public init(focalPoint: FocalPointID, from: CalendarDate, to: CalendarDate, deputy: FocalPointID? = nil) {
        self.focalPoint = focalPoint
        self.from = from
        self.to = to
        self.deputy = deputy
    }

    public func covers(_ day: CalendarDate) -> Bool { from <= day && day <= to }
}
