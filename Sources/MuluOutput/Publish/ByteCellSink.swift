/// A cell sink that writes every kind of cell as its bytes through one `cell(_:)`: the workbook's
/// sheet rows and the page's table rows share these conversions.
protocol ByteCellSink: CatalogueCellSink {
    /// Scratch room for an integer's digits.
    var number: OutputBuffer { get }
    /// Writes one cell from its bytes.
    mutating func cell(_ value: UnsafeRawBufferPointer)
}

extension ByteCellSink {
    mutating func integer(_ value: Int) {
        number.removeAll()
        number.appendDecimal(value)
        number.withUnsafeBytes { cell($0) }
    }

    mutating func text(_ value: String) {
        ByteScan.withUTF8(value) { cell(UnsafeRawBufferPointer($0)) }
    }

    mutating func plain(_ value: UnsafeRawBufferPointer) { cell(value) }

    mutating func boolean(_ value: Bool) {
        let text: StaticString = value ? "true" : "false"
        cell(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
