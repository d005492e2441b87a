import Testing

@Test func modelClientsBuilds() {
    #expect(Bool(true))
}
