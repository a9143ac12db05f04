import Testing

@testable import MSPDocuments

/// The credentials report's one reading order: down the columns, in blocks a page holds.
@Suite struct ColumnOrderTests {
    @Test func namesAreReadDownEachColumnThenTheNext() {
        let names = ["Benin", "Chad", "Iraq", "Peru", "Zambia"]
        #expect(ColumnOrder.blocks(names) == [[["Benin", "Chad"], ["Iraq", "Peru"], ["Zambia"]]])
        #expect(ColumnOrder.blocks(["A", "B", "C"]) == [[["A"], ["B"], ["C"]]])
        #expect(ColumnOrder.blocks([]).isEmpty)
    }

    @Test func aLongListIsSetInBlocksOfRowsEachReadDownItsColumns() {
        let names = (1...100).map { "S\($0)" }
        let blocks = ColumnOrder.blocks(names, columns: 3, rowsPerBlock: 30)
        #expect(blocks.map { $0.map(\.count) } == [[30, 30, 30], [4, 4, 2]])
        #expect(blocks[0][1].first == "S31" && blocks[1][0].first == "S91")
        // Read block by block, column by column, the names come in their order.
        #expect(blocks.flatMap { $0.flatMap { $0 } } == names)
    }
}
