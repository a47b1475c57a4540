import Varlink

extension Optional where Wrapped == JSONValue {
    /// The value as text for a table cell: strings as they are, null and missing as "-".
    var text: String {
        switch self {
        case .none, .some(.null): return "-"
        case .some(.string(let s)): return s
        case .some(.int(let n)): return String(n)
        case .some(.double(let d)): return d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .some(.bool(let b)): return b ? "yes" : "no"
        case .some(.array(let items)): return items.map { Optional($0).text }.joined(separator: ",")
        case .some(.object): return String(describing: self!)
        }
    }
}

extension Optional where Wrapped == JSONValue {
    /// Looks into an object that may be missing: `reply["measure"]["id"]`.
    subscript(key: String) -> JSONValue? {
        guard case .some(let value) = self else { return nil }
        return value[key]
    }

    var items: [JSONValue] { self?.arrayValue ?? [] }
    var number: Double? { self?.numericValue }
}
