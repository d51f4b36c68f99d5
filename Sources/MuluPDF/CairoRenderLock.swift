import Foundation

/// One lock around every `poppler_page_render` of the process.
///
/// cairo 1.16's glyph caches are not safe when two threads draw text with scaled fonts that
/// cairo's font map shares between them: a test run that rendered pages of several PDFs at once
/// aborted in `cairo_scaled_font_destroy` (`! scaled_font->cache_frozen`). Text extraction
/// and rule finding stay parallel; only the drawing of a page into its surface is serialised.
enum CairoRenderLock {
    static let lock = NSLock()

    /// Runs `body` holding the lock.
    @inline(__always)
    static func around<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
