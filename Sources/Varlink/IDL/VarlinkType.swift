/// A type in the Varlink interface definition language.
public indirect enum VarlinkType: Sendable, Hashable {
    /// `bool`
    case bool
    /// `int`: a JSON number without fractional part, within `Int64`.
    case int
    /// `float`: any JSON number.
    case float
    /// `string`
    case string
    /// `object`: any JSON object, not described further.
    case object
    /// `[]T`
    case array(VarlinkType)
    /// `[string]T`: a JSON object whose member values are `T`. `[string]()` is a set of
    /// strings.
    case map(VarlinkType)
    /// `?T`: `T`, `null`, or (as a struct field) absent.
    case optional(VarlinkType)
    /// `(a, b, c)`: one of the listed strings.
    case enumeration([String])
    /// `(a: T, b: U)`: a JSON object with exactly these fields (nullable ones may be absent).
    case structure([VarlinkField])
    /// A named type defined with `type Name ...` in the same interface.
    case reference(String)
}

/// A named, typed field of a struct, a method's input or output, or an error's parameters.
public struct VarlinkField: Sendable, Hashable {
    /// The field name, `lower_snake_case`.
    public var name: String
    /// The field's type.
    public var type: VarlinkType

    /// Creates a field.
    public init(name: String, type: VarlinkType) {
        self.name = name
        self.type = type
    }
}
