import Yams

/// Renames a repeated mapping key in YAML text so the rest of the file can still be parsed.
///
/// Renamed keys start with `prefix`; `MappingReader` and the top-level reader skip them
/// silently because the duplicate was already reported.
enum DuplicateKeyMarker {
    static let prefix = "__concert_duplicate_key_"

    struct Repair {
        var text: String
        /// Where the renamed (second) occurrence starts, 1-based, columns in Unicode scalars.
        var line: Int
        var column: Int
    }

    static func isMarker(_ key: String) -> Bool { key.hasPrefix(prefix) }

    /// Finds the occurrence of `key` after its first occurrence at `first` in the same
    /// mapping and renames it.
    ///
    /// In block style, later keys of a mapping start on their own line at the first key's
    /// column, after nothing but spaces; in flow style (`{a: 1, a: 2}`) they follow a comma
    /// on the same line. Returns nil when neither is found.
    static func renameNextOccurrence(of key: String, after first: Mark, in text: String, serial: Int) -> Repair? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            Array(String($0).unicodeScalars)
        }
        let firstLine = first.line - 1
        let firstColumn = first.column - 1
        guard firstLine >= 0, firstLine < lines.count, firstColumn >= 0 else { return nil }
        let spellings = [key, "'\(key)'", "\"\(key)\""].map { Array($0.unicodeScalars) }
        let replacement = Array("\(prefix)\(serial)".unicodeScalars)

        func keyToken(in line: [Unicode.Scalar], at start: Int) -> Int? {
            for spelling in spellings where start + spelling.count <= line.count {
                guard Array(line[start..<start + spelling.count]) == spelling else { continue }
                var index = start + spelling.count
                while index < line.count, line[index] == " " { index += 1 }
                if index < line.count, line[index] == ":" { return spelling.count }
            }
            return nil
        }

        // Flow style: a later `, key:` on the first occurrence's line.
        let sameLine = lines[firstLine]
        var index = firstColumn + 1
        while index < sameLine.count {
            if sameLine[index] == "," {
                var start = index + 1
                while start < sameLine.count, sameLine[start] == " " { start += 1 }
                if let length = keyToken(in: sameLine, at: start) {
                    lines[firstLine].replaceSubrange(start..<start + length, with: replacement)
                    return Repair(text: join(lines), line: first.line, column: start + 1)
                }
            }
            index += 1
        }
        // Block style: a later line indented exactly to the first key's column.
        for lineIndex in (firstLine + 1)..<max(lines.count, firstLine + 1) {
            let line = lines[lineIndex]
            guard line.count > firstColumn, line[0..<firstColumn].allSatisfy({ $0 == " " }),
                let length = keyToken(in: line, at: firstColumn)
            else { continue }
            lines[lineIndex].replaceSubrange(firstColumn..<firstColumn + length, with: replacement)
            return Repair(text: join(lines), line: lineIndex + 1, column: firstColumn + 1)
        }
        return nil
    }

    private static func join(_ lines: [[Unicode.Scalar]]) -> String {
        var result = String.UnicodeScalarView()
        for (index, line) in lines.enumerated() {
            if index > 0 { result.append("\n") }
            result.append(contentsOf: line)
        }
        return String(result)
    }
}
