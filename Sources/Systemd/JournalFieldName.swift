/// Journal field names made from free-form metadata keys.
///
/// The journal accepts names of upper-case letters, digits and underscores, not starting with
/// a digit; a leading underscore marks trusted fields that only journald may set. At most 64
/// characters.
public enum JournalFieldName {
    public static let maximumLength = 64

    /// The key upper-cased, every other character replaced by `_`, leading underscores and
    /// digits dropped; nil when nothing is left.
    public static func sanitised(_ key: String) -> String? {
        var name = String(
            key.uppercased().unicodeScalars.map { scalar -> Character in
                switch scalar {
                case "A"..."Z", "0"..."9", "_": Character(scalar)
                default: "_"
                }
            })
        while let first = name.first, first == "_" || first.isNumber { name.removeFirst() }
        guard !name.isEmpty else { return nil }
        return String(name.prefix(maximumLength))
    }
}
