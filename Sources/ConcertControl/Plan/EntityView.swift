import ConcertCore

/// `io.concert.Plan.Entity` on the wire, with its focal points.
struct EntityView: Codable, Sendable {
    struct FocalPointView: Codable, Sendable {
        var id: String
        var level: FocalPoint.Level
        var name: String
        var language: String
        var email: String?
        var deputy: String?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(level, forKey: .level)
            try c.encode(name, forKey: .name)
            try c.encode(language, forKey: .language)
            try c.encode(email, forKey: .email)
            try c.encode(deputy, forKey: .deputy)
        }
    }

    var id: String
    var name: String
    var kind: Entity.Kind
    var parent: String?
    var focalPoints: [FocalPointView]

    enum CodingKeys: String, CodingKey {
        case id, name, kind, parent
        case focalPoints = "focal_points"
    }

    init(_ entity: Entity, focalPoints: [FocalPoint]) {
        id = entity.id.rawValue
        name = entity.name
        kind = entity.kind
        parent = entity.parent?.rawValue
        self.focalPoints = focalPoints.map {
            FocalPointView(
                id: $0.id.rawValue, level: $0.level, name: $0.name, language: $0.language,
                email: $0.channels.first(where: { $0.kind == .email })?.address, deputy: $0.deputy?.rawValue)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encode(parent, forKey: .parent)
        try c.encode(focalPoints, forKey: .focalPoints)
    }
}
