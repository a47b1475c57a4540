/// The identifiers of one kind declared so far, with where each was first declared.
///
/// Declaring reports a duplicate at the second place, naming the first. Lookups are
/// dictionary lookups, so checking a hundred thousand references stays linear.
struct SymbolTable<Key: Hashable> {
    /// How messages name one identifier of this kind, e.g. `entity`.
    let noun: String
    private(set) var locations: [Key: SourceLocation] = [:]
    /// The identifiers in declaration order.
    private(set) var order: [Key] = []

    init(noun: String) {
        self.noun = noun
    }

    /// Declares `key`; returns false (and reports) when it was declared before.
    ///
    /// - Parameters:
    ///   - display: How the duplicate reads in the message, e.g. `measure id 'M07'`.
    @discardableResult
    mutating func declare(_ key: Key, display: String, at location: SourceLocation, log: DiagnosticLog) -> Bool {
        if let first = locations[key] {
            log.report(.duplicateID, "duplicate \(display); first declared at \(first)", at: location)
            return false
        }
        locations[key] = location
        order.append(key)
        return true
    }

    func contains(_ key: Key) -> Bool { locations[key] != nil }

    var count: Int { order.count }
}
