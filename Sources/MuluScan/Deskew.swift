import Foundation
import MuluPDF

/// Turns a page image upright: the page leaning by `angle` is drawn turned back by it.
public enum Deskew {
    /// `bitmap` turned by `-angle` radians about its top-left corner (as `GridBuilder.rotate`
    /// turns points, so the turned image's pixels are in the frame of the deskewed grid), by
    /// bilinear interpolation; pixels from outside the image are white. Pure.
    public static func rotated(_ bitmap: GreyBitmap, by angle: Double) -> GreyBitmap {
        guard angle != 0 else { return bitmap }
        let w = bitmap.width, h = bitmap.height
        let c = cos(angle), s = sin(angle)
        var out = [UInt8](repeating: 255, count: w * h)
        bitmap.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let fy = Double(y) + 0.5
                    // Source of pixel (x, y): the point turned forward by the angle.
                    var sx = (0.5 * c - fy * s) - 0.5
                    var sy = (0.5 * s + fy * c) - 0.5
                    for x in 0..<w {
                        defer { sx += c; sy += s }
                        let ix = Int(sx.rounded(.down)), iy = Int(sy.rounded(.down))
                        guard ix >= 0, iy >= 0, ix + 1 < w, iy + 1 < h else { continue }
                        let ax = sx - Double(ix), ay = sy - Double(iy)
                        let p = iy * w + ix
                        let top = Double(src[p]) * (1 - ax) + Double(src[p + 1]) * ax
                        let bottom = Double(src[p + w]) * (1 - ax) + Double(src[p + w + 1]) * ax
                        dst[y * w + x] = UInt8((top * (1 - ay) + bottom * ay).rounded())
                    }
                }
            }
        }
        return GreyBitmap(width: w, height: h, pixels: out, scale: bitmap.scale)
    }
}
