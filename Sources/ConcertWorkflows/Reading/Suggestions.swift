/// "Did you mean" guesses and short listings for messages.
enum Suggestions {
    /// The candidate closest to `text` by edit distance (a swap of two neighbours counts
    /// as one edit), when it is close enough to be a likely typo.
    static func nearest<C: Collection>(to text: String, among candidates: C) -> String?
    where C.Element == String {
        let source = Array(text.unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            let target = Array(candidate.unicodeScalars)
            let limit = max(source.count, target.count) >= 6 ? 2 : 1
            guard abs(source.count - target.count) <= limit else { continue }
            let distance = editDistance(source, target)
            guard distance <= limit, distance < target.count else { continue }
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        return best?.0
    }

    /// Optimal string alignment distance between two scalar arrays.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }

    /// `a, b, c, d, e, …` — at most `limit` names, with an ellipsis when there are more.
    static func shortList<C: Collection>(_ names: C, limit: Int = 5) -> String where C.Element == String {
        let shown = names.prefix(limit).joined(separator: ", ")
        return names.count > limit ? shown + ", …" : shown
    }

    /// `1-5, 7, 9-11` for a set of numbers.
    static func ranges<C: Collection>(_ numbers: C) -> String where C.Element == Int {
        let sorted = Set(numbers).sorted()
        guard var start = sorted.first else { return "none" }
        var parts: [String] = []
        var end = start
        for number in sorted.dropFirst() {
            if number == end + 1 {
                end = number
                continue
            }
            parts.append(start == end ? "\(start)" : "\(start)-\(end)")
            start = number
            end = number
        }
        parts.append(start == end ? "\(start)" : "\(start)-\(end)")
        return parts.joined(separator: ", ")
    }
}
