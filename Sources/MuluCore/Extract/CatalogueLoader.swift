import Foundation

/// Reads any input `mulu` accepts — a notice (PDF or text), a catalogue folder, or a
/// `catalogue.json` — into a catalogue.
public enum CatalogueLoader {
    /// Loads the catalogue at `path`. Throws `MuluError` naming the file and the problem.
    public static func load(path: String, password: String? = nil) throws -> Catalogue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MuluError(file: path, problem: "no such file")
        }
        do {
            return try JSONDecoder().decode(Catalogue.self, from: data)
        } catch {
            throw MuluError(file: path, problem: "not a catalogue.json: \(error)")
        }
    }
}
