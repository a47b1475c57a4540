/// Entry point: lets the global options stand before the command too
/// (`concertctl --socket PATH --json status`), as users expect of a control command.
@main
enum ConcertctlMain {
    static func main() async {
        Output.ignoreBrokenPipeSignal()
        await Concertctl.main(GlobalOptions.hoistingLeadingOptions(Array(CommandLine.arguments.dropFirst())))
    }
}
