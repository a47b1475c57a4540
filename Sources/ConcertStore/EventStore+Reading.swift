extension EventStore {
    /// Every event about `subject`, in order.
    public func events(subject: String) async throws -> [RecordedEvent] {
        try await events(subject: subject, after: 0, limit: Int.max)
    }

    /// Streams every event with a sequence number above `sequence`, in order,
    /// to `body`, without holding more than one page of events in memory.
    ///
    /// Events are read in pages of `pageSize`, each page in one read
    /// transaction, off the cooperative pool; `body` runs in the caller's
    /// isolation, so it may fold into the caller's state:
    ///
    /// ```swift
    /// var state = State.initial
    /// try await store.replay(after: snapshot.sequence) { event in
    ///     state = try evolve(state, decode(event))
    /// }
    /// ```
    ///
    /// The log is append-only, so the pages join into one consistent prefix
    /// of it. Events appended while the replay runs may or may not be
    /// delivered; the replay ends at the first page that is not full.
    ///
    /// - Parameters:
    ///   - sequence: Exclusive lower bound; 0 to replay the whole log.
    ///   - pageSize: How many events to read at a time (at least 1).
    ///   - body: Called once per event, in order. An error it throws stops the
    ///     replay and is rethrown.
    /// - Returns: The sequence number of the last event delivered, or
    ///   `sequence` when there was none.
    @discardableResult
    public func replay(
        after sequence: Int64,
        pageSize: Int = 2048,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (RecordedEvent) throws -> Void
    ) async throws -> Int64 {
        let pageSize = max(1, pageSize)
        var position = sequence
        while true {
            let page = try await events(after: position, limit: pageSize)
            for event in page {
                try body(event)
            }
            guard let last = page.last, page.count == pageSize else {
                return page.last?.sequence ?? position
            }
            position = last.sequence
        }
    }
}
