/// Shared reading of the numbered lists (`axes`, `objectives`, `thematic_areas`).
enum NumberedItems {
    /// Reads a list of mappings numbered by `number`, declaring each number in `table`.
    ///
    /// - Parameters:
    ///   - read: Reads the rest of one item; gets the reader and the declared number, or nil
    ///     when the number was missing, invalid or a duplicate.
    static func decode(
        _ value: YAMLValue, section: String, noun: String, schema: KeySchema,
        table: inout SymbolTable<Int>, log: DiagnosticLog,
        read: (MappingReader, Int?) -> Void
    ) {
        guard let items = value.list("section '\(section)'", log) else { return }
        for (index, item) in items.enumerated() {
            guard
                let reader = MappingReader(
                    item, schema: schema, noun: noun, fallback: "\(noun) #\(index + 1)", log: log)
            else { continue }
            var declared: Int?
            if let number = reader.requiredInt("number") {
                if number.value < 1 {
                    log.report(.outOfRange, "\(reader.what("number")) must be 1 or more", at: number.location)
                } else if table.declare(
                    number.value, display: "\(noun) number \(number.value)", at: number.location, log: log)
                {
                    declared = number.value
                }
            }
            read(reader, declared)
        }
    }
}
