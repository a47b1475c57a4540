import ConcertCore
import Yams

/// A YAML node and the file it came from: the unit the typed readers work on.
///
/// Each accessor returns the value in the asked-for type, or reports a diagnostic at the
/// node's position and returns nil. `what` names the value in messages, e.g.
/// `'axis' of measure M07`.
struct YAMLValue {
    let node: Node
    let file: String

    var location: SourceLocation { SourceLocation(file: file, mark: node.mark) }

    /// True for `~`, `null` and an absent value (`key:` with nothing after it).
    var isNull: Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any else {
            return false
        }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// The scalar's text, whatever its style; nil for collections.
    var scalarText: String? {
        if case let .scalar(scalar) = node { return scalar.string }
        return nil
    }

    private var isPlainScalar: Bool {
        if case let .scalar(scalar) = node { return scalar.style == .plain || scalar.style == .any }
        return false
    }

    /// How the node reads in a message: `'text'`, `a list`, `a mapping`, `nothing`.
    var shapeDescription: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case let .scalar(scalar):
            if isNull { return "nothing" }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return scalar.style == .plain ? "'\(text)'" : "the quoted string '\(text)'"
        }
    }

    private func wrongType(_ what: @autoclosure () -> String, expected: String, _ log: DiagnosticLog) {
        log.report(.wrongType, "\(what()) must be \(expected), found \(shapeDescription)", at: location)
    }

    // MARK: Scalars

    /// Any scalar as text (numbers and booleans keep their spelling); collections are refused.
    func string(_ what: @autoclosure () -> String, _ log: DiagnosticLog) -> String? {
        guard let text = scalarText, !isNull else {
            wrongType(what(), expected: "a string", log)
            return nil
        }
        return text
    }

    /// A plain (unquoted) integer.
    func int(_ what: @autoclosure () -> String, _ log: DiagnosticLog) -> Int? {
        guard isPlainScalar, let text = scalarText, let value = Int(text) else {
            wrongType(what(), expected: "an integer", log)
            return nil
        }
        return value
    }

    /// A plain (unquoted) finite number, integer or decimal.
    func number(_ what: @autoclosure () -> String, _ log: DiagnosticLog) -> Double? {
        guard isPlainScalar, let text = scalarText, let value = Double(text), value.isFinite else {
            wrongType(what(), expected: "a number", log)
            return nil
        }
        return value
    }

    /// A plain `true` or `false`.
    func bool(_ what: @autoclosure () -> String, _ log: DiagnosticLog) -> Bool? {
        if isPlainScalar, let text = scalarText {
            switch text {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        wrongType(what(), expected: "true or false", log)
        return nil
    }

    /// A day written `YYYY-MM-DD` (quoted or not) that exists in the Gregorian calendar.
    func date(_ what: @autoclosure () -> String, _ log: DiagnosticLog) -> CalendarDate? {
        guard let text = string(what(), log) else { return nil }
        guard let date = CalendarDate(iso: text) else {
            log.report(.invalidDate, "\(what()) '\(text)' is not a valid date (YYYY-MM-DD)", at: location)
            return nil
        }
        return date
    }

    /// A string that follows `syntax`.
    func identifier(_ what: @autoclosure () -> String, _ syntax: IdentifierSyntax, _ log: DiagnosticLog) -> String? {
        guard let text = string(what(), log) else { return nil }
        guard syntax.accepts(text) else {
            log.report(.invalidValue, "\(what()) '\(text)' must match \(syntax.pattern)", at: location)
            return nil
        }
        return text
    }

    /// A string that is the raw value of one of `Choice`'s cases.
    func choice<Choice: RawRepresentable & CaseIterable>(
        _ what: @autoclosure () -> String, _ type: Choice.Type, _ log: DiagnosticLog
    ) -> Choice? where Choice.RawValue == String {
        guard let text = string(what(), log) else { return nil }
        if let value = Choice(rawValue: text) { return value }
        let allowed = Choice.allCases.map(\.rawValue)
        var message = "\(what()) '\(text)' is not one of: \(allowed.joined(separator: ", "))"
        if let guess = Suggestions.nearest(to: text, among: allowed) { message += "; did you mean '\(guess)'?" }
        log.report(.invalidValue, message, at: location)
        return nil
    }

    // MARK: Collections

    /// The items of a list; a null value reads as an empty list.
    func list(_ what: @autoclosure () -> String, _ log: DiagnosticLog) -> [YAMLValue]? {
        if isNull { return [] }
        guard case let .sequence(sequence) = node else {
            wrongType(what(), expected: "a list", log)
            return nil
        }
        return sequence.map { YAMLValue(node: $0, file: file) }
    }

    /// A list whose every item is read by `read`; items that fail are dropped (and reported).
    func list<Item>(
        _ what: @autoclosure () -> String, _ log: DiagnosticLog, item read: (YAMLValue) -> Item?
    ) -> [Located<Item>]? {
        guard let items = list(what(), log) else { return nil }
        var result: [Located<Item>] = []
        result.reserveCapacity(items.count)
        for item in items {
            if let value = read(item) { result.append(Located(value: value, location: item.location)) }
        }
        return result
    }
}
