/// The reason a plan folder could not be loaded: every problem found, not just the first.
///
/// Diagnostics are sorted by file, line and column. `description` prints one per line.
public struct WorkflowValidationError: Error, Hashable, Codable, Sendable, CustomStringConvertible {
    public var diagnostics: [WorkflowDiagnostic]

    public init(diagnostics: [WorkflowDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
