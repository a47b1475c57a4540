import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads the terminal width from `COLUMNS` or the tty.
enum ProcessInfoColumns {
    static var value: Int? {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(text), n > 20 { return n }
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 {
            return Int(size.ws_col)
        }
        return nil
    }
}
