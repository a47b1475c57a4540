import Foundation

/// A fresh folder under the temporary directory, removed by ``remove()``.
struct TemporaryFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("mail-tests-\(UUID())", isDirectory: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// The names in `url/sub`, sorted; empty when the folder does not exist.
    func names(in sub: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent(sub).path)) ?? []).sorted()
    }

    /// The permission bits of the item at `url/sub`.
    func mode(_ sub: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(sub).path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
