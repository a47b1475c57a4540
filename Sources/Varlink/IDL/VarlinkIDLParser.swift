/// Parses the classic Varlink interface definition language into a ``VarlinkInterface``.
///
/// Accepted: `interface name`, then any number of `type Name (struct|enum)`,
/// `method Name(struct) -> (struct)` and `error Name (struct)`; types `bool int float string
/// object`, `[]T`, `[string]T`, `?T` (not `??T`), enums `(a, b)`, inline structs and references
/// to named types. Rejected beyond the grammar, so that every common parser accepts what
/// this one does: CR line endings, `any`, single-value enums, trailing commas, invalid or
/// duplicate names and references to undefined types.
struct VarlinkIDLParser {
    private let tokens: [VarlinkIDLToken]
    private var position = 0
    /// Every type reference with where it appeared, checked once all types are known.
    private var references: [(name: String, token: VarlinkIDLToken)] = []

    init(tokens: [VarlinkIDLToken]) {
        self.tokens = tokens
    }

    /// Parses a complete description.
    static func parse(_ text: String) throws(VarlinkIDLError) -> VarlinkInterface {
        var lexer = VarlinkIDLLexer(text)
        var parser = VarlinkIDLParser(tokens: try lexer.tokenize())
        return try parser.parseInterface(description: text)
    }

    private var current: VarlinkIDLToken { tokens[min(position, tokens.count - 1)] }

    private mutating func advance() -> VarlinkIDLToken {
        let token = current
        if position < tokens.count - 1 {
            position += 1
        }
        return token
    }

    private func error(
        _ code: VarlinkIDLError.Code, _ message: String, at token: VarlinkIDLToken? = nil
    ) -> VarlinkIDLError {
        let token = token ?? current
        return VarlinkIDLError(code: code, line: token.line, column: token.column, message: message)
    }

    private func describe(_ token: VarlinkIDLToken) -> String {
        switch token.kind {
        case .word(let word): "'\(word)'"
        case .leftParenthesis: "'('"
        case .rightParenthesis: "')'"
        case .comma: "','"
        case .colon: "':'"
        case .questionMark: "'?'"
        case .arrow: "'->'"
        case .arrayPrefix: "'[]'"
        case .mapPrefix: "'[string]'"
        case .end: "end of input"
        }
    }

    private mutating func expect(_ kind: VarlinkIDLToken.Kind, _ what: String) throws(VarlinkIDLError) {
        guard current.kind == kind else {
            throw error(.syntax, "expected \(what), found \(describe(current))")
        }
        _ = advance()
    }

    private mutating func expectWord(_ what: String) throws(VarlinkIDLError) -> (String, VarlinkIDLToken) {
        let token = current
        guard case .word(let word) = token.kind else {
            throw error(.syntax, "expected \(what), found \(describe(token))")
        }
        _ = advance()
        return (word, token)
    }

    private mutating func parseInterface(description: String) throws(VarlinkIDLError) -> VarlinkInterface {
        let (keyword, keywordToken) = try expectWord("'interface'")
        guard keyword == "interface" else {
            throw error(.syntax, "expected 'interface', found '\(keyword)'", at: keywordToken)
        }
        let (name, nameToken) = try expectWord("an interface name")
        guard VarlinkNames.isValidInterfaceName(name) else {
            throw error(
                .invalidName,
                "'\(name)' is not a valid interface name (reverse-domain, lowercase domain components)",
                at: nameToken)
        }
        var types: [VarlinkTypeDefinition] = []
        var methods: [VarlinkMethod] = []
        var errors: [VarlinkErrorDefinition] = []
        var memberNames: Set<String> = []

        while current.kind != .end {
            let (keyword, keywordToken) = try expectWord("'type', 'method' or 'error'")
            guard ["type", "method", "error"].contains(keyword) else {
                throw error(.syntax, "expected 'type', 'method' or 'error', found '\(keyword)'", at: keywordToken)
            }
            let (memberName, memberToken) = try expectWord("a name after '\(keyword)'")
            guard VarlinkNames.isValidMemberName(memberName) else {
                throw error(
                    .invalidName, "'\(memberName)' is not a valid \(keyword) name (UpperCamelCase)", at: memberToken)
            }
            guard memberNames.insert(memberName).inserted else {
                throw error(.duplicateName, "'\(memberName)' is declared twice", at: memberToken)
            }
            let documentation = keywordToken.documentation
            switch keyword {
            case "type":
                let type = try parseStructOrEnum()
                types.append(VarlinkTypeDefinition(name: memberName, type: type, documentation: documentation))
            case "method":
                let inputToken = current
                guard case .structure(let input) = try parseStructOrEnum() else {
                    throw error(.syntax, "method input must be a struct", at: inputToken)
                }
                try expect(.arrow, "'->'")
                let outputToken = current
                guard case .structure(let output) = try parseStructOrEnum() else {
                    throw error(.syntax, "method output must be a struct", at: outputToken)
                }
                methods.append(
                    VarlinkMethod(name: memberName, input: input, output: output, documentation: documentation))
            default:
                let parametersToken = current
                guard case .structure(let parameters) = try parseStructOrEnum() else {
                    throw error(.syntax, "error parameters must be a struct", at: parametersToken)
                }
                errors.append(
                    VarlinkErrorDefinition(name: memberName, parameters: parameters, documentation: documentation))
            }
        }

        let typeNames = Set(types.map(\.name))
        for reference in references where !typeNames.contains(reference.name) {
            throw error(.undefinedType, "type '\(reference.name)' is not defined", at: reference.token)
        }

        return VarlinkInterface(
            name: name,
            description: description,
            documentation: keywordToken.documentation,
            types: types,
            methods: methods,
            errors: errors)
    }

    /// Parses `( ... )` as a struct (`name: type, ...`), an enum (`a, b, ...`) or `()`.
    private mutating func parseStructOrEnum() throws(VarlinkIDLError) -> VarlinkType {
        try expect(.leftParenthesis, "'('")
        if current.kind == .rightParenthesis {
            _ = advance()
            return .structure([])
        }
        let (firstName, firstToken) = try parseFieldName()
        if current.kind == .colon {
            _ = advance()
            var fields = [VarlinkField(name: firstName, type: try parseType())]
            var names: Set<String> = [firstName]
            while current.kind == .comma {
                _ = advance()
                if current.kind == .rightParenthesis {
                    throw error(.syntax, "trailing ',' before ')'")
                }
                let (name, nameToken) = try parseFieldName()
                guard names.insert(name).inserted else {
                    throw error(.duplicateName, "field '\(name)' is declared twice", at: nameToken)
                }
                try expect(.colon, "':' after field '\(name)'")
                fields.append(VarlinkField(name: name, type: try parseType()))
            }
            try expect(.rightParenthesis, "',' or ')'")
            return .structure(fields)
        }
        var values = [firstName]
        var seen: Set<String> = [firstName]
        while current.kind == .comma {
            _ = advance()
            if current.kind == .rightParenthesis {
                throw error(.syntax, "trailing ',' before ')'")
            }
            let (value, valueToken) = try parseFieldName()
            guard seen.insert(value).inserted else {
                throw error(.duplicateName, "enum value '\(value)' is listed twice", at: valueToken)
            }
            values.append(value)
        }
        try expect(.rightParenthesis, "':', ',' or ')'")
        guard values.count > 1 else {
            throw error(
                .unsupported, "single-value enum '(\(firstName))' is rejected by some parsers; add a value",
                at: firstToken)
        }
        return .enumeration(values)
    }

    private mutating func parseFieldName() throws(VarlinkIDLError) -> (String, VarlinkIDLToken) {
        let (name, token) = try expectWord("a field name")
        guard VarlinkNames.isValidFieldName(name) else {
            throw error(
                .invalidName,
                "'\(name)' is not a valid field name (lower_snake_case, no leading, trailing or double '_')",
                at: token)
        }
        return (name, token)
    }

    /// Parses a type; `??T` is rejected.
    private mutating func parseType(optionalAllowed: Bool = true) throws(VarlinkIDLError) -> VarlinkType {
        let token = current
        switch token.kind {
        case .questionMark:
            guard optionalAllowed else {
                throw error(.syntax, "'??' is not allowed")
            }
            _ = advance()
            return .optional(try parseType(optionalAllowed: false))
        case .arrayPrefix:
            _ = advance()
            return .array(try parseType())
        case .mapPrefix:
            _ = advance()
            return .map(try parseType())
        case .leftParenthesis:
            return try parseStructOrEnum()
        case .word(let word):
            _ = advance()
            switch word {
            case "bool": return .bool
            case "int": return .int
            case "float": return .float
            case "string": return .string
            case "object": return .object
            case "any":
                throw error(.unsupported, "'any' is not part of the classic grammar", at: token)
            default:
                guard VarlinkNames.isValidMemberName(word) else {
                    throw error(.syntax, "'\(word)' is not a type", at: token)
                }
                references.append((word, token))
                return .reference(word)
            }
        default:
            throw error(.syntax, "expected a type, found \(describe(token))")
        }
    }
}
