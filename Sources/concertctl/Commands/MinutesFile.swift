import Foundation
import Varlink
import Yams

/// A minutes document in YAML or JSON, read into `RecordMinutes` parameters. Every mistake is
/// reported as `PATH:LINE:COLUMN: message`.
///
/// ```yaml
/// present: [pcm, mne, mai]
/// resolved: [1, 2]
/// note: Quorum reached.
/// decisions:
///   - text: Approve the quarterly report
///     item: 1
///     tasks:
///       - title: Publish the report
///         owner: aima
///         due: 2027-05-31
///         measure: M01
/// ```
struct MinutesFile {
    var present: [String] = []
    var resolved: [Int] = []
    var decisions: [JSONValue] = []
    var note: String?

    /// The largest file read.
    static let maximumBytes = 1 << 20

    static func read(path: String) throws -> MinutesFile {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CLIError(message: "\(path): cannot open the minutes file", code: CLIError.refused)
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maximumBytes + 1)) ?? Data()
        guard data.count <= maximumBytes else {
            throw CLIError(message: "\(path): larger than \(maximumBytes) bytes", code: CLIError.refused)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError(message: "\(path): not UTF-8 text", code: CLIError.refused)
        }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws -> MinutesFile {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw CLIError(message: "\(path):\(firstLine(of: error))", code: CLIError.refused)
        }
        let reader = Reader(path: path)
        guard let root else { return MinutesFile() }
        return try reader.document(root)
    }

    /// `3:5: did not find expected ',' or ']' (while parsing a flow sequence ...)`, without the
    /// snippet Yams adds.
    private static func firstLine(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let during = context.map { " (\(String(describing: $0).trimmingCharacters(in: .whitespacesAndNewlines)))" } ?? ""
            return "\(mark.line):\(mark.column): \(problem)\(during)"
        default:
            return " " + (String(describing: error).split(separator: "\n", maxSplits: 1).first.map(String.init) ?? "")
        }
    }

    private struct Reader {
        let path: String

        func fail(_ node: Node, _ message: String) -> CLIError {
            let place = node.mark.map { "\(path):\($0.line):\($0.column)" } ?? path
            return CLIError(message: "\(place): \(message)", code: CLIError.refused)
        }

        func mapping(_ node: Node, _ what: String, keys: Set<String>) throws -> Node.Mapping {
            guard let mapping = node.mapping else { throw fail(node, "\(what) must be a mapping") }
            for (key, _) in mapping {
                guard let name = key.scalar?.string, keys.contains(name) else {
                    let known = keys.sorted().joined(separator: ", ")
                    throw fail(key, "unknown key '\(key.scalar?.string ?? "?")' in \(what); known: \(known)")
                }
            }
            return mapping
        }

        func string(_ node: Node, _ what: String) throws -> String {
            guard let scalar = node.scalar, !scalar.string.isEmpty else { throw fail(node, "\(what) must be text") }
            return scalar.string
        }

        func int(_ node: Node, _ what: String) throws -> Int {
            guard let value = node.scalar.flatMap({ Int($0.string) }) else { throw fail(node, "\(what) must be a whole number") }
            return value
        }

        func list(_ node: Node, _ what: String) throws -> [Node] {
            if let sequence = node.sequence { return Array(sequence) }
            throw fail(node, "\(what) must be a list")
        }

        func document(_ root: Node) throws -> MinutesFile {
            let m = try mapping(root, "the minutes", keys: ["present", "resolved", "decisions", "note"])
            var file = MinutesFile()
            if let node = m["present"] { file.present = try list(node, "present").map { try string($0, "an entity") } }
            if let node = m["resolved"] { file.resolved = try list(node, "resolved").map { try int($0, "an agenda item") } }
            if let node = m["note"] { file.note = try string(node, "note") }
            if let node = m["decisions"] { file.decisions = try list(node, "decisions").map(decision) }
            return file
        }

        func decision(_ node: Node) throws -> JSONValue {
            let m = try mapping(node, "a decision", keys: ["text", "item", "tasks"])
            guard let text = m["text"] else { throw fail(node, "a decision needs its text") }
            var object: [String: JSONValue] = ["text": .string(try string(text, "text"))]
            if let item = m["item"] { object["item"] = .int(Int64(try int(item, "item"))) }
            if let tasks = m["tasks"] { object["tasks"] = .array(try list(tasks, "tasks").map(task)) }
            return .object(object)
        }

        func task(_ node: Node) throws -> JSONValue {
            let m = try mapping(node, "a task", keys: ["title", "owner", "due", "measure"])
            var object: [String: JSONValue] = [:]
            for key in ["title", "owner", "due"] {
                guard let value = m[key] else { throw fail(node, "a task needs its \(key)") }
                object[key] = .string(try string(value, key))
            }
            if let measure = m["measure"] { object["measure"] = .string(try string(measure, "measure")) }
            return .object(object)
        }
    }
}
