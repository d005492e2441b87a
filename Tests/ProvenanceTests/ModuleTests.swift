import Provenance
import Testing

@Test func provenanceModuleHasAVersion() {
    #expect(!ProvenanceModule.version.isEmpty)
}
