import CPoppler

extension PDFDocument {
    /// Draws page `number` (1-based) at `scale` pixels per point into a grey bitmap (text and
    /// rules as printed, on white), for `RuleFinder`.
    ///
    /// Drawn by poppler into a cairo RGB image surface over this document's reusable buffer,
    /// then each pixel's luminance (0.30 R + 0.59 G + 0.11 B) taken; the surface is destroyed on
    /// return, the buffer kept for the next page. A page with `/Rotate` is drawn as displayed:
    /// `poppler_page_render` applies the rotation itself and `poppler_page_get_size` gives the
    /// displayed sides, the space of `textPages()`'s boxes.
    public func renderGrey(page number: Int, scale: Double) throws(PDFError) -> GreyBitmap {
        guard number >= 1, number <= pageCount else {
            throw PDFError(.io, path: path, message: "no page \(number): the document has \(pageCount) page(s)")
        }
        guard scale.isFinite, scale > 0 else {
            throw PDFError(.io, path: path, message: "cannot render at scale \(scale)")
        }
        guard let page = poppler_document_get_page(doc, Int32(number - 1)) else {
            throw PDFError(.damaged, path: path, message: "damaged PDF: page \(number) cannot be read")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        return try renderGrey(page, number: number, scale: scale)
    }

    /// Draws the open poppler page `page` (page `number`, 1-based), as `renderGrey(page:scale:)`.
    func renderGrey(_ page: OpaquePointer, number: Int, scale: Double) throws(PDFError) -> GreyBitmap {
        guard scale.isFinite, scale > 0 else {
            throw PDFError(.io, path: path, message: "cannot render at scale \(scale)")
        }
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        let w = Int((width * scale).rounded(.up)), h = Int((height * scale).rounded(.up))
        guard w >= 1, h >= 1, w <= 32767, h <= 32767 else {
            throw PDFError(.io, path: path, message: "cannot render page \(number) at scale \(scale): \(w)×\(h) pixels")
        }
        // Drawn into this document's own buffer, reused from page to page.
        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, Int32(w)))
        guard stride > 0 else { throw PDFError(.io, path: path, message: "cannot create a rendering surface") }
        if renderCapacity < stride * h {
            renderBuffer?.deallocate()
            renderBuffer = UnsafeMutableRawPointer.allocate(byteCount: stride * h, alignment: 16)
            renderCapacity = stride * h
        }
        let buffer = renderBuffer!.assumingMemoryBound(to: UInt8.self)
        guard let surface = cairo_image_surface_create_for_data(buffer, CAIRO_FORMAT_RGB24, Int32(w), Int32(h), Int32(stride)) else {
            throw PDFError(.io, path: path, message: "cannot create a rendering surface")
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else {
            throw PDFError(.io, path: path, message: "cannot create a rendering surface for page \(number)")
        }
        defer { CairoRenderLock.around { cairo_destroy(cr) } }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        CairoRenderLock.around { poppler_page_render(page, cr) }
        let status = cairo_status(cr)
        guard status == CAIRO_STATUS_SUCCESS else {
            let text = cairo_status_to_string(status).map { String(cString: $0) } ?? "cairo error \(status.rawValue)"
            throw PDFError(.io, path: path, message: "rendering page \(number) failed: \(text)")
        }
        cairo_surface_flush(surface)
        let data = buffer
        let perRow = stride / 4
        let pixels = [UInt8](unsafeUninitializedCapacity: w * h) { out, count in
            let words = UnsafeRawPointer(data).assumingMemoryBound(to: UInt32.self)
            for y in 0..<h {
                let row = UnsafeBufferPointer(start: words + y * perRow, count: w)
                let dst = UnsafeMutableBufferPointer(rebasing: out[(y * w)..<(y * w + w)])
                for x in 0..<w {
                    let p = row[x]  // xRGB, native endian
                    dst[x] = UInt8(truncatingIfNeeded: (((p >> 16) & 0xFF) &* 77 &+ ((p >> 8) & 0xFF) &* 151 &+ (p & 0xFF) &* 28) >> 8)
                }
            }
            count = w * h
        }
        return GreyBitmap(width: w, height: h, pixels: pixels, scale: scale)
    }
}
