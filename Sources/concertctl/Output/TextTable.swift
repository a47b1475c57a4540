import Foundation

/// A plain table for terminals: a header row, aligned columns, the last column may be
/// shortened to fit the width.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: String...) {
        self.header = header
    }

    mutating func add(_ cells: String...) {
        rows.append(cells.map(TerminalText.line))
    }

    func render(width: Int = TerminalWidth.columns) -> String {
        let columns = header.count
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < columns { widths[i] = max(widths[i], cell.count) }
        }
        let fixed = widths.dropLast().reduce(0, +) + 2 * (columns - 1)
        if let last = widths.indices.last { widths[last] = max(12, min(widths[last], width - fixed)) }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() where i < columns {
                if i == columns - 1 {
                    parts.append(cell.count > widths[i] ? String(cell.prefix(widths[i] - 1)) + "…" : cell)
                } else {
                    parts.append(cell.padding(toLength: widths[i], withPad: " ", startingAt: 0))
                }
            }
            return parts.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }
}

/// The terminal's width; unlimited when output is not a terminal (nothing is cut for pipes).
enum TerminalWidth {
    static var columns: Int {
        ProcessInfoColumns.value ?? Int.max / 2
    }
}
