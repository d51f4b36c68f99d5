import CPoppler
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PDFDocument {
    /// Renders page `number` (1-based) at `scale` (1 = 72 dpi) with `overlays` to a PNG at `path`.
    ///
    /// The page is drawn on white, the overlays (page points, origin top left) over it; the PNG is
    /// written to a temporary file in the same folder and renamed into place, so `path` is either
    /// the complete new image or left as it was. A page with `/Rotate` is drawn upright, as
    /// displayed (see `renderGrey`).
    public func renderPNG(page number: Int, scale: Double, overlays: [PDFOverlay], to path: String) throws(PDFError) {
        guard number >= 1, number <= pageCount else {
            throw PDFError(.io, path: self.path, message: "no page \(number): the document has \(pageCount) page(s)")
        }
        guard scale.isFinite, scale > 0 else {
            throw PDFError(.io, path: self.path, message: "cannot render at scale \(scale)")
        }
        guard let page = poppler_document_get_page(doc, Int32(number - 1)) else {
            throw PDFError(.damaged, path: self.path, message: "damaged PDF: page \(number) cannot be read")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        let pixelWidth = (width * scale).rounded(.up)
        let pixelHeight = (height * scale).rounded(.up)
        guard pixelWidth >= 1, pixelHeight >= 1, pixelWidth <= 32767, pixelHeight <= 32767 else {
            throw PDFError(.io, path: self.path, message:
                "cannot render page \(number) at scale \(scale): \(pixelWidth)×\(pixelHeight) pixels")
        }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixelWidth), Int32(pixelHeight)) else {
            throw PDFError(.io, path: path, message: "cannot create a rendering surface")
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw PDFError(.io, path: path, message: "cannot create a rendering surface: \(Self.cairoMessage(cairo_surface_status(surface)))")
        }
        guard let cr = cairo_create(surface) else {
            throw PDFError(.io, path: path, message: "cannot create a cairo context")
        }
        defer { CairoRenderLock.around { cairo_destroy(cr) } }

        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        CairoRenderLock.around { poppler_page_render(page, cr) }
        for overlay in overlays {
            Self.draw(overlay, on: cr)
        }
        let drawStatus = cairo_status(cr)
        guard drawStatus == CAIRO_STATUS_SUCCESS else {
            throw PDFError(.io, path: path, message: "rendering failed: \(Self.cairoMessage(drawStatus))")
        }
        cairo_surface_flush(surface)

        let temporary = Self.temporaryPath(next: path)
        let writeStatus = cairo_surface_write_to_png(surface, temporary)
        guard writeStatus == CAIRO_STATUS_SUCCESS else {
            unlink(temporary)
            throw PDFError(.io, path: path, message: "cannot write PNG: \(Self.cairoMessage(writeStatus))")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw PDFError(.io, path: path, message: "cannot write PNG: \(reason)")
        }
    }

    /// Draws one overlay rectangle (and its label) in page coordinates.
    private static func draw(_ overlay: PDFOverlay, on cr: OpaquePointer) {
        let x = min(overlay.x0, overlay.x1)
        let y = min(overlay.y0, overlay.y1)
        let w = abs(overlay.x1 - overlay.x0)
        let h = abs(overlay.y1 - overlay.y0)
        cairo_set_source_rgba(cr, overlay.red, overlay.green, overlay.blue, overlay.alpha)
        cairo_rectangle(cr, x, y, w, h)
        if overlay.filled {
            cairo_fill(cr)
        } else {
            cairo_set_line_width(cr, max(overlay.lineWidth, 0.01))
            cairo_stroke(cr)
        }
        if let label = overlay.label, !label.isEmpty {
            // Text drawn with cairo's fonts: under the render lock too (see `CairoRenderLock`).
            CairoRenderLock.around {
                cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
                cairo_set_font_size(cr, 6)
                cairo_move_to(cr, x, max(y - 1, 6))
                cairo_show_text(cr, label)
                cairo_new_path(cr)
            }
        }
    }

    /// A unique temporary file name in the same folder as `path`.
    private static func temporaryPath(next path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(folder).\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    /// Cairo's text for a status.
    private static func cairoMessage(_ status: cairo_status_t) -> String {
        cairo_status_to_string(status).map { String(cString: $0) } ?? "cairo error \(status.rawValue)"
    }
}
