/// The text of one workflow file and the path to report it under.
public struct WorkflowSource: Hashable, Sendable {
    /// The path used in diagnostics, e.g. `Workflows/pnipgm/measures.yaml`.
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
