import Testing

@Test func extractCLIBuilds() {
    #expect(Bool(true))
}
