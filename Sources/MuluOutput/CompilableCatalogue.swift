import MuluModel

/// What the compiler needs of a loaded catalogue: the catalogue and its folder's metadata.
///
/// The pipeline's loaded input conforms, so that `CatalogueCompiler.write` can take the last
/// reference to it and let the whole load (the parsed notice included) go on another core.
public protocol CompilableCatalogue: Sendable {
    var catalogue: Catalogue { get }
    /// `inputs/<id>/metadata.json`, when the catalogue came from a catalogue folder.
    var metadata: CatalogueMetadata? { get }
}
