import MuluPDF

/// Removes speckle noise from a page image before its rules and cells are read.
public enum Despeckle {
    /// How many dark pixels (darker than `threshold`) have at most one dark neighbour: specks.
    /// Counted on every other row, so it is cheap.
    public static func specks(_ b: GreyBitmap, threshold: UInt8) -> Int {
        guard b.width > 2, b.height > 2 else { return 0 }
        var n = 0
        b.pixels.withUnsafeBufferPointer { p in
            let w = b.width
            for y in stride(from: 1, to: b.height - 1, by: 2) {
                for x in 1..<(w - 1) where p[y * w + x] < threshold {
                    var dark = 0
                    for dy in -1...1 {
                        let row = (y + dy) * w
                        for dx in -1...1 where (dx != 0 || dy != 0) && p[row + x + dx] < threshold { dark += 1 }
                    }
                    if dark <= 1 { n += 1 }
                }
            }
        }
        return n
    }

    /// `b` through a 3×3 median: specks up to 2×2 pixels go, strokes three pixels wide and
    /// rules two pixels thick stay. Edges are kept as they are. Pure.
    public static func median(_ b: GreyBitmap) -> GreyBitmap {
        guard b.width > 2, b.height > 2 else { return b }
        let w = b.width, h = b.height
        var out = b.pixels
        b.pixels.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { o in
                var v = [UInt8](repeating: 0, count: 9)
                for y in 1..<(h - 1) {
                    for x in 1..<(w - 1) {
                        var k = 0
                        for dy in -1...1 {
                            let row = (y + dy) * w + x
                            v[k] = p[row - 1]; v[k + 1] = p[row]; v[k + 2] = p[row + 1]
                            k += 3
                        }
                        // Insertion sort of nine: fast enough for a page, simple to check.
                        for i in 1..<9 {
                            let t = v[i]
                            var j = i - 1
                            while j >= 0 && v[j] > t { v[j + 1] = v[j]; j -= 1 }
                            v[j + 1] = t
                        }
                        o[y * w + x] = v[4]
                    }
                }
            }
        }
        return GreyBitmap(width: w, height: h, pixels: out, scale: b.scale)
    }
}
