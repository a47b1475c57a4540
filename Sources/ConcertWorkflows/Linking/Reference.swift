import ConcertCore

/// A name used in one place that must be declared somewhere in the plan folder.
///
/// Decoders record references as they read; the linker checks them all once every file is
/// read, because a measure may name an entity declared in a later file.
struct Reference {
    enum Target {
        case entity(EntityID)
        case focalPoint(FocalPointID)
        case axis(Int)
        case objective(Int)
        case body(BodyID)
        case measure(MeasureID)
    }

    var target: Target
    /// The item that holds the reference, as messages name it (`measure M07`).
    var subject: String
    var location: SourceLocation
}
