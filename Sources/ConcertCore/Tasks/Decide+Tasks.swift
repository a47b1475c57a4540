extension PlanState {
    /// The longest absence one declaration may cover, in days.
    static let maximumAbsenceDays = 366

    /// Acknowledging, completing and reassigning tasks; declaring a focal point away.
    func decideTasks(_ command: PlanCommand, role: Role, today: CalendarDate) throws(CommandRejection) -> [PlanEvent] {
        switch command {
        case .acknowledgeTask(let id):
            try requireFocalPointOrCoordinator(role)
            let task = try task(id)
            guard task.status == .open else { throw CommandRejection(.taskNotOpen(task: id, status: task.status)) }
            return [.taskAcknowledged(TaskAcknowledged(task: id))]

        case .completeTask(let completion):
            try requireFocalPointOrCoordinator(role)
            let task = try task(completion.task)
            guard task.status != .completed else {
                throw CommandRejection(.taskNotOpen(task: task.id, status: task.status))
            }
            try checkText(completion.note, field: "note", limit: TextLimits.note)
            return [.taskCompleted(TaskCompleted(task: task.id, note: completion.note))]

        case .reassignTask(let change):
            try require(.coordinator, role)
            let task = try task(change.task)
            guard task.status != .completed else {
                throw CommandRejection(.taskNotOpen(task: task.id, status: task.status))
            }
            try checkReason(change.reason)
            let owner: EntityID
            let routing: Routing
            if let id = change.focalPoint {
                guard let point = focalPoint(id) else { throw CommandRejection(.noSuchFocalPoint(id)) }
                if let named = change.owner, named != point.entity {
                    throw CommandRejection(
                        .invalidArgument(field: "owner", message: "focal point \(id) works for \(point.entity), not \(named)"))
                }
                owner = point.entity
                let stand = standIn(for: id, on: today)
                let first = "reassigned to \(id)"
                routing = Routing(focalPoint: stand.focalPoint, reason: stand.reason.isEmpty ? first : "\(first); \(stand.reason)")
            } else if let named = change.owner {
                guard plan.entities.contains(where: { $0.id == named }) else {
                    throw CommandRejection(.noSuchEntity(named))
                }
                owner = named
                routing = route(to: named, level: .technical, on: today)
            } else {
                throw CommandRejection(.invalidArgument(field: "to", message: "name an entity or a focal point"))
            }
            guard owner != task.owner || routing.focalPoint != task.assignee else {
                throw CommandRejection(.invalidArgument(field: "to", message: "the task is already there"))
            }
            return [
                .taskReassigned(
                    TaskReassigned(
                        task: task.id, owner: owner, assignee: routing.focalPoint, routing: routing.reason,
                        reason: change.reason))
            ]

        case .setAway(let absence):
            try requireFocalPointOrCoordinator(role)
            guard focalPoint(absence.focalPoint) != nil else {
                throw CommandRejection(.noSuchFocalPoint(absence.focalPoint))
            }
            guard absence.from <= absence.to else {
                throw CommandRejection(.invalidArgument(field: "to", message: "the last day away comes before the first"))
            }
            guard absence.to >= today else {
                throw CommandRejection(.invalidArgument(field: "to", message: "the absence is over already"))
            }
            guard absence.from.days(to: absence.to) < Self.maximumAbsenceDays else {
                throw CommandRejection(
                    .invalidArgument(field: "to", message: "one absence covers at most \(Self.maximumAbsenceDays) days"))
            }
            if let deputy = absence.deputy {
                guard focalPoint(deputy) != nil else { throw CommandRejection(.noSuchFocalPoint(deputy)) }
                guard deputy != absence.focalPoint else {
                    throw CommandRejection(.invalidArgument(field: "deputy", message: "a focal point cannot stand in for itself"))
                }
            }
            return [.focalPointAway(FocalPointAway(absence: absence))]

        default:
            return []
        }
    }

    private func requireFocalPointOrCoordinator(_ role: Role) throws(CommandRejection) {
        guard role == .focalPoint || role == .coordinator else {
            throw CommandRejection(.permissionDenied(required: .focalPoint, actual: role))
        }
    }

    private func task(_ id: String) throws(CommandRejection) -> TaskRecord {
        guard let task = tasks[id] else { throw CommandRejection(.noSuchTask(id)) }
        return task
    }
}
