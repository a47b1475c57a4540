import ConcertCore
import Foundation

/// Loads a plan folder of YAML into a `Plan`, or reports everything wrong with it.
///
/// A plan folder is every `*.yaml` and `*.yml` file directly inside it, read in name order.
/// Each file is a mapping of top-level sections (`plan`, `axes`, `objectives`,
/// `thematic_areas`, `entities`, `measures`, `bodies`, `calendar`, `monitoring`); `entities`,
/// `measures` and `bodies` may be split over several files and are concatenated in file
/// order, the others appear in one file only. Loading runs in two passes: each section's decoder
/// reads and checks its own items and declares their identifiers, then the linker checks
/// every reference against what all files declared. Nothing stops at the first problem:
/// the error carries every diagnostic, each with its file, line and column.
///
/// Loading reads files and blocks: from async code, run it where blocking is acceptable
/// (a plan of 100,000 measures takes seconds, most of it in the YAML parser).
///
/// ```swift
/// do {
///     let plan = try WorkflowLoader.load(directory: "Workflows/pnipgm")
/// } catch {
///     for diagnostic in error.diagnostics { print(diagnostic) }
/// }
/// ```
public enum WorkflowLoader {
    /// Reads and validates the plan folder at `directory`.
    ///
    /// - Parameters:
    ///   - directory: The folder's path; diagnostics name files as `directory/name.yaml`.
    /// - Returns: The plan, when no diagnostic was found.
    /// - Throws: `WorkflowValidationError` with every diagnostic, sorted by file and position.
    public static func load(directory: String) throws(WorkflowValidationError) -> Plan {
        let sources = try readSources(directory: directory)
        return try load(sources: sources, origin: directory)
    }

    /// Validates workflow files already in memory, as if they were one plan folder.
    ///
    /// - Parameters:
    ///   - sources: The files, in the order their lists are concatenated.
    ///   - origin: The name used for diagnostics about the set as a whole (no `plan` section).
    /// - Returns: The plan, when no diagnostic was found.
    /// - Throws: `WorkflowValidationError` with every diagnostic, sorted by file and position.
    public static func load(sources: [WorkflowSource], origin: String) throws(WorkflowValidationError)
        -> Plan
    {
        let log = DiagnosticLog()
        guard !sources.isEmpty else {
            log.report(
                .noWorkflowFiles, "no workflow files (*.yaml, *.yml) to load",
                at: SourceLocation(wholeFile: origin))
            throw WorkflowValidationError(diagnostics: log.sorted())
        }
        var draft = WorkflowDraft()
        let assembler = SectionAssembler(log: log)
        for source in sources {
            guard let root = YAMLDocument.parse(source, log: log) else { continue }
            assembler.decodeFile(root, into: &draft)
        }
        WorkflowLinker(log: log, origin: origin).link(&draft)
        if log.isEmpty, let plan = draft.makePlan() {
            return plan
        }
        throw WorkflowValidationError(diagnostics: log.sorted())
    }

    /// Reads every `*.yaml` / `*.yml` file directly in `directory`, sorted by name.
    static func readSources(directory: String) throws(WorkflowValidationError) -> [WorkflowSource] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw single(.missingDirectory, "no such directory", file: directory)
        }
        guard isDirectory.boolValue else {
            throw single(.missingDirectory, "not a directory", file: directory)
        }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory)
        } catch {
            throw single(.missingDirectory, "cannot list the directory: \(error.localizedDescription)", file: directory)
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let log = DiagnosticLog()
        var sources: [WorkflowSource] = []
        for name in names.sorted() where !name.hasPrefix(".") && (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) {
            let path = prefix + name
            var isSubdirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isSubdirectory), !isSubdirectory.boolValue else {
                continue
            }
            guard let data = manager.contents(atPath: path) else {
                log.report(.unreadableFile, "cannot read the file", at: SourceLocation(wholeFile: path))
                continue
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                log.report(.unreadableFile, "the file is not valid UTF-8", at: SourceLocation(wholeFile: path))
                continue
            }
            sources.append(WorkflowSource(path: path, text: text))
        }
        guard log.isEmpty else { throw WorkflowValidationError(diagnostics: log.sorted()) }
        guard !sources.isEmpty else {
            throw single(.noWorkflowFiles, "no workflow files (*.yaml, *.yml) in the directory", file: directory)
        }
        return sources
    }

    private static func single(
        _ code: WorkflowDiagnostic.Code, _ message: String, file: String
    ) -> WorkflowValidationError {
        WorkflowValidationError(diagnostics: [
            WorkflowDiagnostic(code: code, file: file, line: 0, column: 0, message: message)
        ])
    }
}
