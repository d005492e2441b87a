/// How the rows of one `line-items` array matched.
public struct RowScore: Sendable, Codable, Hashable {
    /// The array's pointer.
    public var pointer: String
    /// Rows in the ground truth.
    public var expectedRows: Int
    /// Rows in the prediction.
    public var predictedRows: Int
    /// Predicted rows paired one-to-one with an expected row.
    public var pairedRows: Int
    /// Paired rows whose every scored field is right.
    public var correctRows: Int

    /// Correct rows / predicted rows (nil without predicted rows).
    public var precision: Double? { predictedRows == 0 ? nil : Double(correctRows) / Double(predictedRows) }
    /// Correct rows / expected rows (nil without expected rows).
    public var recall: Double? { expectedRows == 0 ? nil : Double(correctRows) / Double(expectedRows) }
}
