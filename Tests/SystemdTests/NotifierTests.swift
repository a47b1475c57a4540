import Testing

@testable import Systemd

@Suite("service notifier")
struct NotifierTests {
    @Test func outsideSystemdEverythingIsANoOp() {
        let notifier = ServiceNotifier(environment: [:])
        #expect(!notifier.isSupervised)
        #expect(notifier.watchdogInterval == nil)
        notifier.ready(status: "x")
        notifier.watchdog()
        notifier.reloading()
        notifier.stopping()
    }

    @Test func statusIsOneLine() {
        #expect(ServiceNotifier.oneLine("a\nb\r\nc") == "a b c")
    }

    @Test func serverSocketPrefersTheNamedOne() {
        let sockets = ListenedSockets(sockets: [
            .init(descriptor: 3, name: "other", isListeningStream: true),
            .init(descriptor: 4, name: "varlink", isListeningStream: true),
        ])
        #expect(sockets.serverSocket(named: "varlink")?.descriptor == 4)
        let unnamed = ListenedSockets(sockets: [
            .init(descriptor: 3, name: "unknown", isListeningStream: false),
            .init(descriptor: 4, name: "unknown", isListeningStream: true),
        ])
        #expect(unnamed.serverSocket(named: "varlink")?.descriptor == 4)
        #expect(ListenedSockets(sockets: []).serverSocket(named: "varlink") == nil)
    }
}
