import Foundation
import ModelClients
import Synchronization

/// A language model that is only built — for the local model: started — when the first request is sent.
///
/// Its descriptor is known up front, so the synthesis stage's cache key can be computed and a cached answer
/// served without starting a model server at all.
final class DeferredModel: LanguageModel {
    let descriptor: ModelDescriptor
    private let choice: ModelChoice
    private let configuration: ModelClientConfiguration
    private let resolved = Mutex<Task<any LanguageModel, any Error>?>(nil)

    init(_ choice: ModelChoice, configuration: ModelClientConfiguration) {
        self.choice = choice
        self.configuration = configuration
        descriptor = choice.descriptor
    }

    func complete(_ request: ChatRequest) async throws -> ChatResponse {
        let task = resolved.withLock { task in
            if let task { return task }
            let (choice, configuration) = (self.choice, self.configuration)
            let created = Task<any LanguageModel, any Error> { try await choice.resolve(configuration) }
            task = created
            return created
        }
        return try await task.value.complete(request)
    }
}
