import Yams

/// Turns a workflow file's text into a YAML node tree, reporting syntax errors and
/// duplicate keys with their positions.
///
/// Yams refuses a mapping with a repeated key and names only the key and its first
/// occurrence. To report every duplicate and still check the rest of the file, the parser
/// finds the repeated key's next occurrence, reports it there, renames it in a private
/// copy of the text to a marker that readers skip (`DuplicateKeyMarker`), and parses again.
enum YAMLDocument {
    /// How many duplicate keys one file may have before the parser gives up on it.
    static let maximumRepairs = 100

    /// The root node of `source`, or nil when the file cannot be parsed (reported) or is empty.
    static func parse(_ source: WorkflowSource, log: DiagnosticLog) -> YAMLValue? {
        var text = source.text
        var repairs = 0
        while true {
            do {
                // The basic resolver leaves every scalar untyped: readers decide types from the
                // text and style themselves, and Yams' duplicate-key check (which hashes each
                // key with its resolved tag) skips the regular expressions of the default one.
                guard let node = try Yams.compose(yaml: text, .basic) else { return nil }
                return YAMLValue(node: node, file: source.path)
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                let key = duplicates.first ?? "?"
                let first = context.mark
                guard repairs < maximumRepairs,
                    let repair = DuplicateKeyMarker.renameNextOccurrence(
                        of: key, after: first, in: text, serial: repairs)
                else {
                    log.report(
                        .duplicateKey,
                        "duplicate key '\(key)' in this mapping; the file was not checked further",
                        at: SourceLocation(file: source.path, mark: first))
                    return nil
                }
                log.report(
                    .duplicateKey,
                    "duplicate key '\(key)' in this mapping; first at line \(first.line), column \(first.column)",
                    at: SourceLocation(file: source.path, line: repair.line, column: repair.column))
                text = repair.text
                repairs += 1
            } catch let error as YamlError {
                let (message, location) = describe(error, file: source.path)
                log.report(.yamlSyntax, message, at: location)
                return nil
            } catch {
                log.report(.yamlSyntax, "invalid YAML: \(error)", at: SourceLocation(wholeFile: source.path))
                return nil
            }
        }
    }

    /// A one-line message and the position of a Yams error.
    static func describe(_ error: YamlError, file: String) -> (String, SourceLocation) {
        func detail(_ problem: String, _ context: YamlError.Context?) -> String {
            guard let context else { return "invalid YAML: \(problem)" }
            return
                "invalid YAML: \(problem) (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        switch error {
        case let .scanner(context, problem, mark, _),
            let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            return (detail(problem, context), SourceLocation(file: file, mark: mark))
        case let .reader(problem, offset, _, yaml):
            let location = offset.map { position(ofCharacterOffset: $0, in: yaml, file: file) }
            return ("invalid YAML: \(problem)", location ?? SourceLocation(wholeFile: file))
        case let .duplicatedKeysInMapping(duplicates, context):
            return (
                "duplicate key(s) \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in this mapping",
                SourceLocation(file: file, mark: context.mark)
            )
        default:
            return ("invalid YAML: \(error)", SourceLocation(wholeFile: file))
        }
    }

    private static func position(ofCharacterOffset offset: Int, in text: String, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
