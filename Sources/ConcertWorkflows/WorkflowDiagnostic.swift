/// One problem found in a plan folder, with the place it was found.
///
/// `description` is `FILE:LINE:COLUMN: message`, the form compilers use, so editors and
/// terminals can jump to the spot. A diagnostic about the folder or a whole file (the folder
/// is missing, no file declares `plan`) has no position: its `line` and `column` are 0 and
/// its description is `FILE: message`.
public struct WorkflowDiagnostic: Hashable, Codable, Sendable, CustomStringConvertible {
    /// What kind of problem this is; stable across wording changes of `message`.
    public struct Code: Hashable, Codable, Sendable, CustomStringConvertible {
        public let rawValue: String

        public init(_ rawValue: String) { self.rawValue = rawValue }

        public init(from decoder: any Decoder) throws {
            rawValue = try decoder.singleValueContainer().decode(String.self)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }

        public var description: String { rawValue }

        /// The folder does not exist or is not a directory.
        public static let missingDirectory = Code("missing-directory")
        /// The folder holds no `*.yaml` or `*.yml` file.
        public static let noWorkflowFiles = Code("no-workflow-files")
        /// A file could not be read or is not UTF-8.
        public static let unreadableFile = Code("unreadable-file")
        /// The YAML parser rejected the text.
        public static let yamlSyntax = Code("yaml-syntax")
        /// The same key appears twice in one YAML mapping.
        public static let duplicateKey = Code("duplicate-key")
        /// A key the schema does not know, at the top level or inside an item.
        public static let unknownKey = Code("unknown-key")
        /// A required key is absent or has no value.
        public static let missingKey = Code("missing-key")
        /// A value of the wrong shape: a string where a number is expected, a list for a mapping.
        public static let wrongType = Code("wrong-type")
        /// A value of the right type that the schema still refuses (bad id syntax, unknown kind).
        public static let invalidValue = Code("invalid-value")
        /// A date that is not `YYYY-MM-DD` or not a real day.
        public static let invalidDate = Code("invalid-date")
        /// A value outside its allowed range (a deadline after the plan ends).
        public static let outOfRange = Code("out-of-range")
        /// An identifier or number declared twice.
        public static let duplicateID = Code("duplicate-id")
        /// A reference to something never declared.
        public static let unknownReference = Code("unknown-reference")
        /// A section that may appear only once appears in a second place.
        public static let duplicateSection = Code("duplicate-section")
        /// A section the plan cannot do without is absent from every file.
        public static let missingSection = Code("missing-section")
    }

    public var code: Code
    /// The file's path, as joined from the folder given to the loader.
    public var file: String
    /// 1-based line; 0 when the diagnostic is about the whole file or folder.
    public var line: Int
    /// 1-based column, counted in Unicode scalars; 0 when there is no position.
    public var column: Int
    public var message: String

    public init(code: Code, file: String, line: Int, column: Int, message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }
}
