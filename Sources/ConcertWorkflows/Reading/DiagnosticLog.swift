/// Collects the diagnostics of one load; every reader and decoder writes into the same log.
///
/// A reference type so the small reader values can report without threading `inout`
/// through every call. Used by one load on one thread, never shared.
final class DiagnosticLog {
    private(set) var diagnostics: [WorkflowDiagnostic] = []

    var isEmpty: Bool { diagnostics.isEmpty }

    func report(_ code: WorkflowDiagnostic.Code, _ message: String, at location: SourceLocation) {
        diagnostics.append(
            WorkflowDiagnostic(
                code: code, file: location.file, line: location.line, column: location.column,
                message: message))
    }

    /// The diagnostics by file, line and column; ties keep the order they were found in.
    func sorted() -> [WorkflowDiagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let l = lhs.element
            let r = rhs.element
            if l.file != r.file { return l.file < r.file }
            if l.line != r.line { return l.line < r.line }
            if l.column != r.column { return l.column < r.column }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
