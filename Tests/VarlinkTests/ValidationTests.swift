import Testing

@testable import Varlink

@Suite("Parameter validation")
struct ValidationTests {
    let interface: VarlinkInterface

    init() throws {
        interface = try VarlinkInterface(
            parsing: """
                interface org.example.validation

                type Filter (
                  status: (open, closed),
                  owner: ?string,
                  limits: ?(low: int, high: float)
                )

                method Find(
                  filter: Filter,
                  ids: []int,
                  labels: [string]string,
                  tags: [string](),
                  ratio: float,
                  note: ?string,
                  payload: ?object,
                  flag: ?bool
                ) -> ()
                """)
    }

    private var fields: [VarlinkField] {
        interface.method(named: "Find")?.input ?? []
    }

    private var valid: [String: JSONValue] {
        [
            "filter": ["status": "open", "owner": "ann", "limits": ["low": 1, "high": 2.5]],
            "ids": [1, 2, 3],
            "labels": ["k": "v"],
            "tags": ["a": [:], "b": [:]],
            "ratio": 0.5,
        ]
    }

    private func failure(_ parameters: [String: JSONValue]) -> VarlinkValidationError? {
        do {
            try interface.validate(parameters, against: fields)
            return nil
        } catch {
            return error
        }
    }

    private func changing(_ change: (inout [String: JSONValue]) -> Void) -> [String: JSONValue] {
        var parameters = valid
        change(&parameters)
        return parameters
    }

    @Test("accepts valid parameters, with optional fields absent or null")
    func acceptsValid() {
        #expect(failure(valid) == nil)
        #expect(
            failure(
                changing {
                    $0["note"] = nil; $0["payload"] = .null; $0["flag"] = .null
                }) == nil)
        #expect(
            failure(
                changing {
                    $0["payload"] = ["anything": [1, "x"]]; $0["flag"] = true
                }) == nil)
        #expect(failure(changing { $0["filter"] = ["status": "closed"] }) == nil)
        #expect(failure(changing { $0["filter"] = ["status": "closed", "owner": nil, "limits": nil] }) == nil)
    }

    @Test("int is accepted where float is expected, integral doubles where int is")
    func numbers() {
        #expect(failure(changing { $0["ratio"] = 2 }) == nil)
        #expect(failure(changing { $0["ids"] = [1.0, 2] }) == nil)
        let fractional = failure(changing { $0["ids"] = [1, 2.5] })
        #expect(fractional?.parameter == "ids")
        #expect(fractional?.path == "ids[1]")
        #expect(failure(changing { $0["ids"] = [1e30] })?.parameter == "ids")
    }

    @Test("missing required field")
    func missing() {
        let error = failure(changing { $0["ratio"] = nil })
        #expect(error?.parameter == "ratio")
        #expect(error?.varlinkError == .invalidParameter("ratio"))
        #expect(failure(changing { $0["ratio"] = .null })?.parameter == "ratio")
        let nested = failure(changing { $0["filter"] = ["owner": "x"] })
        #expect(nested?.parameter == "filter")
        #expect(nested?.path == "filter.status")
    }

    @Test("extra field, top level and nested")
    func extra() {
        #expect(failure(changing { $0["surprise"] = 1 })?.parameter == "surprise")
        let nested = failure(changing { $0["filter"] = ["status": "open", "colour": "red"] })
        #expect(nested?.parameter == "filter")
        #expect(nested?.path == "filter.colour")
    }

    @Test("wrong types")
    func wrongTypes() {
        let cases: [(String, JSONValue, String)] = [
            ("ratio", "0.5", "ratio"),
            ("ratio", true, "ratio"),
            ("ids", [true], "ids[0]"),
            ("ids", ["1"], "ids[0]"),
            ("ids", ["a": 1], "ids"),
            ("labels", ["k": 1], "labels[k]"),
            ("labels", ["x"], "labels"),
            ("tags", ["a": ["b": 1]], "tags[a].b"),
            ("tags", ["a": true], "tags[a]"),
            ("flag", 1, "flag"),
            ("flag", 0, "flag"),
            ("payload", [1], "payload"),
            ("note", 5, "note"),
            ("filter", "open", "filter"),
        ]
        for (field, value, path) in cases {
            let error = failure(changing { $0[field] = value })
            #expect(error?.parameter == field, "\(field) = \(value)")
            #expect(error?.path == path, "\(field) = \(value)")
        }
    }

    @Test("enums and nested structs")
    func enumsAndNested() {
        let badEnum = failure(changing { $0["filter"] = ["status": "pending"] })
        #expect(badEnum?.path == "filter.status")
        #expect(failure(changing { $0["filter"] = ["status": 1] })?.path == "filter.status")
        let badNested = failure(changing { $0["filter"] = ["status": "open", "limits": ["low": 1.5, "high": 2]] })
        #expect(badNested?.parameter == "filter")
        #expect(badNested?.path == "filter.limits.low")
        #expect(
            failure(changing { $0["filter"] = ["status": "open", "limits": ["low": 1]] })?.path == "filter.limits.high")
    }
}
