extension VarlinkInterface {
    /// Checks `parameters` against a method's input (or any field list of this interface).
    ///
    /// Rules: every non-nullable field must be present and not `null`; nullable (`?T`) fields
    /// may be absent or `null`; fields not declared are rejected; every value must match its
    /// type, recursively through structs, arrays, maps, enums and named types. An `int` must be
    /// a number without fractional part within `Int64` (`2.0` is accepted, `2.5` is not); a
    /// `float` accepts any number; `object` accepts any JSON object.
    ///
    /// - Parameters:
    ///   - parameters: The values to check.
    ///   - fields: The declared fields, e.g. ``VarlinkMethod/input``.
    /// - Throws: ``VarlinkValidationError`` naming the first offending field.
    public func validate(_ parameters: [String: JSONValue], against fields: [VarlinkField])
        throws(VarlinkValidationError)
    {
        var path = ValidationPath()
        try validateStruct(parameters, fields: fields, path: &path)
    }

    /// Checks a single value against a type of this interface.
    ///
    /// - Parameters:
    ///   - value: The value to check.
    ///   - type: The declared type.
    ///   - name: The name reported as the top-level parameter.
    public func validate(_ value: JSONValue, against type: VarlinkType, named name: String)
        throws(VarlinkValidationError)
    {
        var path = ValidationPath()
        path.components.append(.field(name))
        try validateValue(value, type: type, path: &path)
    }

    private func validateStruct(
        _ members: [String: JSONValue], fields: [VarlinkField], path: inout ValidationPath
    ) throws(VarlinkValidationError) {
        var matched = 0
        for field in fields {
            path.components.append(.field(field.name))
            switch members[field.name] {
            case nil:
                if !field.type.isOptional {
                    throw path.error("missing required field")
                }
            case let value?:
                matched += 1
                try validateValue(value, type: field.type, path: &path)
            }
            path.components.removeLast()
        }
        guard members.count > matched else { return }
        for key in members.keys.sorted() where !fields.contains(where: { $0.name == key }) {
            path.components.append(.field(key))
            throw path.error("unknown field")
        }
    }

    private func validateValue(_ value: JSONValue, type: VarlinkType, path: inout ValidationPath)
        throws(VarlinkValidationError)
    {
        switch type {
        case .optional(let wrapped):
            if value.isNull { return }
            try validateValue(value, type: wrapped, path: &path)
        case .bool:
            guard case .bool = value else { throw path.error("expected bool, found \(value.kindName)") }
        case .int:
            switch value {
            case .int:
                return
            case .double(let double):
                guard Int64(exactly: double) != nil else {
                    throw path.error("expected int, found a number with a fractional part or out of range")
                }
            default:
                throw path.error("expected int, found \(value.kindName)")
            }
        case .float:
            switch value {
            case .int, .double: return
            default: throw path.error("expected float, found \(value.kindName)")
            }
        case .string:
            guard case .string = value else { throw path.error("expected string, found \(value.kindName)") }
        case .object:
            guard case .object = value else { throw path.error("expected object, found \(value.kindName)") }
        case .array(let element):
            guard case .array(let elements) = value else {
                throw path.error("expected array, found \(value.kindName)")
            }
            for (position, item) in elements.enumerated() {
                path.components.append(.index(position))
                try validateValue(item, type: element, path: &path)
                path.components.removeLast()
            }
        case .map(let element):
            guard case .object(let members) = value else {
                throw path.error("expected map (object), found \(value.kindName)")
            }
            for key in members.keys.sorted() {
                path.components.append(.key(key))
                if let member = members[key] {
                    try validateValue(member, type: element, path: &path)
                }
                path.components.removeLast()
            }
        case .enumeration(let values):
            guard case .string(let string) = value else {
                throw path.error("expected one of \(values.joined(separator: ", ")), found \(value.kindName)")
            }
            guard values.contains(string) else {
                throw path.error("'\(string)' is not one of \(values.joined(separator: ", "))")
            }
        case .structure(let fields):
            guard case .object(let members) = value else {
                throw path.error("expected struct (object), found \(value.kindName)")
            }
            try validateStruct(members, fields: fields, path: &path)
        case .reference(let name):
            guard let definition = self.type(named: name) else {
                throw path.error("type '\(name)' is not defined")
            }
            try validateValue(value, type: definition.type, path: &path)
        }
    }
}

extension VarlinkType {
    /// Whether the type is `?T`.
    public var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }
}

extension JSONValue {
    /// A short name of the value's JSON kind, for messages.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .double: "float"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// Where in a parameter tree validation is.
struct ValidationPath {
    enum Component {
        case field(String)
        case index(Int)
        case key(String)
    }

    var components: [Component] = []

    func error(_ reason: String) -> VarlinkValidationError {
        var parameter = ""
        var text = ""
        for component in components {
            switch component {
            case .field(let name):
                if parameter.isEmpty && text.isEmpty {
                    parameter = name
                    text = name
                } else {
                    text += ".\(name)"
                }
            case .index(let position):
                text += "[\(position)]"
            case .key(let key):
                text += "[\(key)]"
            }
        }
        return VarlinkValidationError(parameter: parameter, path: text, reason: reason)
    }
}
