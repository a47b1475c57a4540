import Testing

@testable import Varlink

/// The example interface of the design notes.
let planInterfaceDescription = """
    # Plan measures and their progress.
    interface io.concert.Plan

    type Measure (
      id: string,
      title: string,
      status: (not_started, in_progress, completed),
      deadline: ?string,
      responsible: string,
      co_responsible: []string
    )

    # Lists measures, optionally only overdue ones.
    method ListMeasures(overdue: ?bool) -> (measures: []Measure)

    error NoSuchMeasure (id: string)

    """

@Suite("Interface definition language")
struct IDLTests {
    @Test("parses org.varlink.service and keeps the text verbatim")
    func parsesServiceInterface() throws {
        let interface = try VarlinkInterface(parsing: OrgVarlinkService.interfaceDescription)
        #expect(interface.name == "org.varlink.service")
        #expect(interface.description == OrgVarlinkService.interfaceDescription)
        #expect(interface.methods.map(\.name) == ["GetInfo", "GetInterfaceDescription"])
        #expect(
            interface.errors.map(\.name) == [
                "InterfaceNotFound", "MethodNotFound", "MethodNotImplemented", "InvalidParameter", "PermissionDenied",
                "ExpectedMore",
            ])
        #expect(
            interface.method(named: "GetInfo")?.output.last == VarlinkField(name: "interfaces", type: .array(.string)))
        #expect(
            interface.documentation
                == "The Varlink Service Interface is provided by every varlink service. It\ndescribes the service and the interfaces it implements."
        )
        #expect(
            interface.method(named: "GetInfo")?.documentation
                == "Get a list of all the interfaces a service provides and information\nabout the implementation.")
        #expect(OrgVarlinkService.interface != nil)
    }

    @Test("parses the certification interface")
    func parsesCertificationInterface() throws {
        let interface = try VarlinkInterface(parsing: certificationInterfaceDescription)
        #expect(interface.name == "org.varlink.certification")
        #expect(interface.types.map(\.name) == ["Interface", "MyType"])
        #expect(
            interface.type(named: "Interface")?.type
                == .structure([
                    VarlinkField(
                        name: "foo", type: .optional(.array(.optional(.map(.enumeration(["foo", "bar", "baz"])))))),
                    VarlinkField(
                        name: "anon",
                        type: .structure([
                            VarlinkField(name: "foo", type: .bool), VarlinkField(name: "bar", type: .bool),
                        ])),
                ]))
        let myType = try #require(interface.type(named: "MyType"))
        guard case .structure(let fields) = myType.type else {
            Issue.record("MyType is not a struct")
            return
        }
        #expect(fields.first { $0.name == "stringset" }?.type == .map(.structure([])))
        #expect(fields.first { $0.name == "object" }?.type == .object)
        #expect(fields.first { $0.name == "interface" }?.type == .reference("Interface"))
        #expect(
            fields.first { $0.name == "nullable_array_struct" }?.type
                == .optional(
                    .array(
                        .structure([
                            VarlinkField(name: "first", type: .int), VarlinkField(name: "second", type: .string),
                        ]))))
        #expect(interface.methods.count == 13)
        #expect(interface.method(named: "Test10")?.documentation == "returns more than one reply with \"continues\"")
        #expect(interface.error(named: "CertificationError")?.parameters.map(\.name) == ["wants", "got"])
    }

    @Test("parses the design example with documentation")
    func parsesPlanInterface() throws {
        let interface = try VarlinkInterface(parsing: planInterfaceDescription)
        #expect(interface.name == "io.concert.Plan")
        #expect(interface.documentation == "Plan measures and their progress.")
        #expect(
            interface.method(named: "ListMeasures")?.documentation == "Lists measures, optionally only overdue ones.")
        #expect(
            interface.method(named: "ListMeasures")?.input == [VarlinkField(name: "overdue", type: .optional(.bool))])
        #expect(interface.type(named: "Measure")?.documentation == "")
    }

    @Test("accepts compact and commented layouts")
    func compactLayout() throws {
        let interface = try VarlinkInterface(
            parsing:
                "interface a.b\nmethod F(x:int,y:[]?[string]float)->(z:object) # trailing comment\ntype T(a,b)\nerror E()"
        )
        #expect(interface.method(named: "F")?.input.last?.type == .array(.optional(.map(.float))))
        #expect(interface.type(named: "T")?.type == .enumeration(["a", "b"]))
    }

    @Test(
        "rejects invalid descriptions with the line of the problem",
        arguments: [
            ("method F() -> ()", 1, VarlinkIDLError.Code.syntax),
            ("interface Org.example", 1, .invalidName),
            ("interface org", 1, .invalidName),
            ("interface org..x", 1, .invalidName),
            ("interface org.-x", 1, .invalidName),
            ("interface org1.x", 1, .invalidName),
            ("interface org.Example.x", 1, .invalidName),
            ("interface a.b\n\ntype foo (a: int)", 3, .invalidName),
            ("interface a.b\nmethod get() -> ()", 2, .invalidName),
            ("interface a.b\nerror E (Field: int)", 2, .invalidName),
            ("interface a.b\nerror E (_field: int)", 2, .invalidName),
            ("interface a.b\nerror E (field_: int)", 2, .invalidName),
            ("interface a.b\nerror E (a__b: int)", 2, .invalidName),
            ("interface a.b\nerror E (camelCase: int)", 2, .invalidName),
            ("interface a.b\ntype T (A, b)", 2, .invalidName),
            ("interface a.b\ntype T (a: int)\nerror T ()", 3, .duplicateName),
            ("interface a.b\ntype T (a: int,\n  a: string)", 3, .duplicateName),
            ("interface a.b\ntype T (x, y, x)", 2, .duplicateName),
            ("interface a.b\n\n\nmethod F(a: Missing) -> ()", 4, .undefinedType),
            ("interface a.b\ntype T (a: ??int)", 2, .syntax),
            ("interface a.b\ntype T (a: int,)", 2, .syntax),
            ("interface a.b\ntype T (only)", 2, .unsupported),
            ("interface a.b\ntype T (a: any)", 2, .unsupported),
            ("interface a.b\r\ntype T (a: int)", 1, .unsupported),
            ("interface a.b\nmethod F(a, b) -> ()", 2, .syntax),
            ("interface a.b\nmethod F() ()", 2, .syntax),
            ("interface a.b\nstruct F ()", 2, .syntax),
            ("interface a.b\ntype T (a: int) $", 2, .syntax),
            ("interface a.b\ntype T []string", 2, .syntax),
            ("interface a.b\ntype T (a: [ ]int)", 2, .syntax),
            ("interface a.b\ntype T (a: int", 2, .syntax),
            ("interface a.b\ntype T (a int)", 2, .syntax),
            ("interface a.b\ntype T (a: integer)", 2, .syntax),
            ("", 1, .syntax),
        ])
    func rejectsInvalid(text: String, line: Int, code: VarlinkIDLError.Code) {
        do {
            let interface = try VarlinkInterface(parsing: text)
            Issue.record("accepted invalid description, parsed as \(interface.name)")
        } catch {
            #expect(error.code == code, "\(error)")
            #expect(error.line == line, "\(error)")
        }
    }

    @Test("name rules")
    func names() {
        for valid in [
            "org.varlink.service", "io.concert.Plan", "io.systemd.Resolve", "a.b", "org.example-1.x2",
            "org.varlink.certification",
        ] {
            #expect(VarlinkNames.isValidInterfaceName(valid), "\(valid)")
        }
        for invalid in ["org", "Org.x", "org.", ".org", "org.x-", "org.-x", "org.Var.x", "o1.x", "org.x.y_z"] {
            #expect(!VarlinkNames.isValidInterfaceName(invalid), "\(invalid)")
        }
        #expect(VarlinkNames.isValidMemberName("GetInfo2"))
        #expect(!VarlinkNames.isValidMemberName("getInfo"))
        #expect(!VarlinkNames.isValidMemberName("Get_Info"))
        for valid in ["a", "client_id", "a1", "a_1", "x_y_z"] {
            #expect(VarlinkNames.isValidFieldName(valid), "\(valid)")
        }
        for invalid in ["", "_a", "a_", "a__b", "A", "aB", "1a", "a-b"] {
            #expect(!VarlinkNames.isValidFieldName(invalid), "\(invalid)")
        }
    }
}
