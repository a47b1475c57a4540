import Yams

/// A place in a workflow file: the path as given, a 1-based line and column.
///
/// Line and column 0 stand for the whole file (or folder).
struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    var file: String
    var line: Int
    var column: Int

    init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    init(wholeFile file: String) {
        self.init(file: file, line: 0, column: 0)
    }

    init(file: String, mark: Mark?) {
        self.init(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0)
    }

    var description: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }
}
