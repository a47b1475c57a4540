import ConcertCore

/// Reads one YAML mapping against a `KeySchema`.
///
/// On creation it reports a value that is not a mapping and every key the schema does not
/// know (with a guess when it looks like a typo). Its accessors fetch keys by name and read
/// them with `YAMLValue`'s typed readers, naming the value in messages as
/// `'key' of <subject>`, e.g. `'axis' of measure M07`.
struct MappingReader {
    let value: YAMLValue
    /// The item as messages name it: `measure M07`, or `measure #3` when it has no usable id.
    let subject: String
    let log: DiagnosticLog
    private let schema: KeySchema
    private var entries: [(key: YAMLValue, value: YAMLValue)?]

    /// - Parameters:
    ///   - noun: What the item is, e.g. `measure`; with the schema's `nameKey` it makes the subject.
    ///   - fallback: The subject when the item has no name, e.g. `measure #3`.
    ///   - owner: Appended as `of <owner>` to a named subject, for items named only within
    ///     their parent (an indicator within its measure).
    init?(
        _ value: YAMLValue, schema: KeySchema, noun: String, fallback: String, owner: String? = nil,
        log: DiagnosticLog
    ) {
        guard case let .mapping(mapping) = value.node else {
            log.report(.wrongType, "\(fallback) must be a mapping, found \(value.shapeDescription)", at: value.location)
            return nil
        }
        self.value = value
        self.schema = schema
        self.log = log
        var entries = [(key: YAMLValue, value: YAMLValue)?](repeating: nil, count: schema.keys.count)
        var unknown: [(String, YAMLValue)] = []
        var name: String?
        for (keyNode, valueNode) in mapping {
            let key = YAMLValue(node: keyNode, file: value.file)
            guard let text = key.scalarText else {
                unknown.append(("?", key))
                continue
            }
            if DuplicateKeyMarker.isMarker(text) { continue }
            guard let position = schema.position(of: text) else {
                unknown.append((text, key))
                continue
            }
            let item = YAMLValue(node: valueNode, file: value.file)
            entries[position] = (key, item)
            if text == schema.nameKey, let scalar = item.scalarText, !item.isNull, !scalar.isEmpty,
                !scalar.utf8.contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
            {
                name = scalar
            }
        }
        self.entries = entries
        let suffix = owner.map { " of \($0)" } ?? ""
        self.subject = name.map { "\(noun) \($0)\(suffix)" } ?? fallback
        for (text, key) in unknown {
            var message = "unknown key '\(text)' in \(subject)"
            if let guess = Suggestions.nearest(to: text, among: schema.keys) {
                message += "; did you mean '\(guess)'?"
            }
            message += " (allowed: \(schema.keys.joined(separator: ", ")))"
            log.report(.unknownKey, message, at: key.location)
        }
    }

    var location: SourceLocation { value.location }

    private func entry(_ key: String) -> (key: YAMLValue, value: YAMLValue)? {
        guard let position = schema.position(of: key) else {
            preconditionFailure("'\(key)' is not in the schema")
        }
        return entries[position]
    }

    /// Whether the key is written at all (even with a null value).
    func contains(_ key: String) -> Bool { entry(key) != nil }

    /// Where the key itself is written.
    func keyLocation(_ key: String) -> SourceLocation? { entry(key)?.key.location }

    /// The key's value; nil when absent or null.
    func optional(_ key: String) -> YAMLValue? {
        guard let found = entry(key), !found.value.isNull else { return nil }
        return found.value
    }

    /// The key's value; reports it missing when absent or null.
    func required(_ key: String) -> YAMLValue? {
        guard let found = entry(key) else {
            log.report(.missingKey, "\(subject) is missing required key '\(key)'", at: location)
            return nil
        }
        guard !found.value.isNull else {
            log.report(.missingKey, "'\(key)' of \(subject) has no value", at: found.key.location)
            return nil
        }
        return found.value
    }

    /// How messages name the key's value.
    func what(_ key: String) -> String { "'\(key)' of \(subject)" }

    // MARK: Typed shortcuts

    func requiredString(_ key: String) -> String? { required(key)?.string(what(key), log) }

    func optionalString(_ key: String) -> String? { optional(key)?.string(what(key), log) }

    func requiredInt(_ key: String) -> Located<Int>? { located(required(key)) { $0.int(what(key), log) } }

    func requiredDate(_ key: String) -> Located<CalendarDate>? {
        located(required(key)) { $0.date(what(key), log) }
    }

    func optionalBool(_ key: String, default fallback: Bool) -> Bool {
        guard let value = optional(key) else { return fallback }
        return value.bool(what(key), log) ?? fallback
    }

    func requiredIdentifier(_ key: String, _ syntax: IdentifierSyntax) -> Located<String>? {
        located(required(key)) { $0.identifier(what(key), syntax, log) }
    }

    func optionalIdentifier(_ key: String, _ syntax: IdentifierSyntax) -> Located<String>? {
        located(optional(key)) { $0.identifier(what(key), syntax, log) }
    }

    private func located<T>(_ value: YAMLValue?, _ read: (YAMLValue) -> T?) -> Located<T>? {
        guard let value, let result = read(value) else { return nil }
        return Located(value: result, location: value.location)
    }
}
