import ConcertCore

extension WorkflowLinker {
    /// Checks that every body an escalation ladder puts on the agenda has a cadence: a body
    /// that never meets would hold the matter forever.
    ///
    /// Unknown bodies are reported with the other references, and a body with a problem of
    /// its own is not in the draft; both are skipped here.
    func checkAgendaBodies(_ draft: WorkflowDraft) {
        guard !draft.agendaSteps.isEmpty else { return }
        var meets: [BodyID: Bool] = [:]
        for body in draft.bodies { meets[body.id] = body.cadence != nil }
        for check in draft.agendaSteps where meets[check.body.value] == false {
            log.report(
                .invalidValue,
                "\(check.subject) puts matters on the agenda of body \(check.body.value), which has no 'cadence' "
                    + "(it never meets)",
                at: check.body.location)
        }
    }
}
