import ArgumentParser

/// concertctl: the control command of Concert.
await Concertctl.main()
