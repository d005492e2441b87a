import Testing

@Test func popplerStageBuilds() {
    #expect(Bool(true))
}
