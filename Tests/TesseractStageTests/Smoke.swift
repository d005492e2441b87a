import Testing

@Test func tesseractStageBuilds() {
    #expect(Bool(true))
}
