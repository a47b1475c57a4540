/// The `org.varlink.service` interface every Varlink service provides.
public enum OrgVarlinkService {
    /// The interface name.
    public static let name = "org.varlink.service"

    /// The interface description, served verbatim by `GetInterfaceDescription`.
    ///
    /// This is the text of libvarlink's `org.varlink.service.varlink` (also shipped by the
    /// python `varlink` package) with the two errors later added by the specification and
    /// systemd, `PermissionDenied` and `ExpectedMore`, in the common wording.
    public static let interfaceDescription = """
        # The Varlink Service Interface is provided by every varlink service. It
        # describes the service and the interfaces it implements.
        interface org.varlink.service

        # Get a list of all the interfaces a service provides and information
        # about the implementation.
        method GetInfo() -> (
          vendor: string,
          product: string,
          version: string,
          url: string,
          interfaces: []string
        )

        # Get the description of an interface that is implemented by this service.
        method GetInterfaceDescription(interface: string) -> (description: string)

        # The requested interface was not found.
        error InterfaceNotFound (interface: string)

        # The requested method was not found
        error MethodNotFound (method: string)

        # The interface defines the requested method, but the service does not
        # implement it.
        error MethodNotImplemented (method: string)

        # One of the passed parameters is invalid.
        error InvalidParameter (parameter: string)

        # Client is denied access
        error PermissionDenied ()

        # Method is expected to be called with 'more' set to true, but wasn't
        error ExpectedMore ()

        """

    /// The parsed interface. The text is constant and covered by tests, so parsing cannot fail
    /// at run time; `nil` would mean a broken build.
    static let interface: VarlinkInterface? = try? VarlinkInterface(parsing: interfaceDescription)
}
