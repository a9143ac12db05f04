/// The one reading order of a list set in columns, for every document that sets one (the credentials report in
/// HTML and in PDF): down the first column, then down the next, as a printed list reads. A long list is set in
/// blocks of at most `rowsPerBlock` rows, each read down its columns before the next, so that a block fits on a
/// page and the order survives a page break.
package enum ColumnOrder {
    /// The columns of the credentials report's lists.
    package static let columns = 3
    /// The most rows a block has: 30 lines of 11-point names fit on an A4 page under a heading.
    package static let rowsPerBlock = 30

    /// `names` in blocks, each a list of columns, each column the names read down it: the first column holds the
    /// first names, and every column but the last of a block as many as the first.
    package static func blocks(_ names: [String], columns: Int = columns, rowsPerBlock: Int = rowsPerBlock)
        -> [[[String]]]
    {
        let perBlock = columns * rowsPerBlock
        return stride(from: 0, to: names.count, by: perBlock).map { start in
            let block = Array(names[start..<min(start + perBlock, names.count)])
            let rows = (block.count + columns - 1) / columns
            return stride(from: 0, to: block.count, by: rows).map { Array(block[$0..<min($0 + rows, block.count)]) }
        }
    }
}
