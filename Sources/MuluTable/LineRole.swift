import MuluSupport
import MuluModel
import MuluExtract
/// What a line of the notice is, once classified: every line gets exactly one role.
public enum LineRole: Hashable, Sendable {
    /// Nothing but blanks.
    case blank
    /// The attachment label, `附件2` / `附件 2`.
    case attachmentLabel
    /// The catalogue's title.
    case title
    /// Part of the table header (first page or repeated).
    case header
    /// A page number (`— 3 —`, `- 3 -`, `第3页`, `3/10`), or a line saying the table goes on
    /// (`续表`, `附件2（续）`).
    case pageMark
    /// A line numbering the columns just under a header (`（1） （2） （3）…`, `甲 乙 1 2`; the
    /// ``ColumnNumbers`` rule): furniture.
    case columnNumbers
    /// Table body: it belongs to a row, or is reported.
    case body
    /// Text before the table that is not the label or the title: reported.
    case preamble
    /// A section heading among the rows (`一、制造业`, a table row of one cell across the table):
    /// the industry of the rows below it (`RowRecord.section`).
    case sectionHeading
    /// A later attachment that is no catalogue table (附件3, a list of training institutions: its
    /// header names no code and no subsidy), its label to its end: reported, not read.
    case otherAttachment

}
