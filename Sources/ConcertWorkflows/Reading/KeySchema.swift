/// The keys a mapping may hold, in the order they are listed in messages.
struct KeySchema: Sendable {
    let keys: [String]
    /// The key whose value names the item in messages (`id`, `number`), if any.
    let nameKey: String?
    private let positions: [String: Int]

    init(_ keys: [String], nameKey: String? = nil) {
        self.keys = keys
        self.nameKey = nameKey
        var positions: [String: Int] = [:]
        for (index, key) in keys.enumerated() { positions[key] = index }
        self.positions = positions
    }

    func position(of key: String) -> Int? { positions[key] }
}
