/// An input whose identity can be written as text for a cache key: what makes two inputs the same.
///
/// The material must name the content, not where it lives (a PDF's SHA-256, not its path), and must never
/// contain secrets (passwords, API keys): it is hashed into file names that anyone may list.
public protocol CacheKeyed: Sendable {
    /// A canonical description of the input, e.g. `pdf:3f2a…/page:2`.
    var cacheKeyMaterial: String { get }
}
