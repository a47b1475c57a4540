/// One item on a meeting's agenda.
public struct AgendaItem: Hashable, Codable, Sendable {
    /// Where an item comes from.
    public enum Source: String, Hashable, Codable, Sendable, CaseIterable {
        /// The body's standing agenda, on every meeting.
        case standing
        /// Left unresolved by the body's previous meeting.
        case carriedOver = "carried_over"
        /// Added by a coordinator.
        case added
        /// Placed by an escalation about an overdue measure.
        case escalation
    }

    /// The item's number on the frozen agenda (1, 2, ...); 0 until the meeting is convened.
    public var number: Int
    public var title: String
    public var source: Source
    /// The measure the item is about, if any.
    public var measure: MeasureID?
    /// The meeting that left the item unresolved, for a carried-over item.
    public var carriedFrom: String?

    enum CodingKeys: String, CodingKey {
        case number, title, source, measure
        case carriedFrom = "carried_from"
    }

    public init(
        number: Int = 0, title: String, source: Source, measure: MeasureID? = nil, carriedFrom: String? = nil
    ) {
        self.number = number
        self.title = title
        self.source = source
        self.measure = measure
        self.carriedFrom = carriedFrom
    }

    /// Reads an item; an agenda recorded as plain titles reads as standing items numbered 0,
    /// which `numbered()` then numbers by position.
    public init(from decoder: any Decoder) throws {
        if let title = try? decoder.singleValueContainer().decode(String.self) {
            self.init(title: title, source: .standing)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            number: try c.decode(Int.self, forKey: .number), title: try c.decode(String.self, forKey: .title),
            source: try c.decode(Source.self, forKey: .source),
            measure: try c.decodeIfPresent(MeasureID.self, forKey: .measure),
            carriedFrom: try c.decodeIfPresent(String.self, forKey: .carriedFrom))
    }
}

extension Array where Element == AgendaItem {
    /// The items numbered 1, 2, ... in order.
    public func numbered() -> [AgendaItem] {
        enumerated().map { index, item in
            var item = item
            item.number = index + 1
            return item
        }
    }
}
