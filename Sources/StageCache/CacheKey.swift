import Crypto
import ExtractCore
import Foundation

/// A cache key: the SHA-256 of a stage's identity (name, version, options) and its input's key material.
///
/// Two requests share a key exactly when the same stage version with the same options is given the same input,
/// so a stage's output can be reused. Keys are hex strings, safe as file names; they reveal nothing of the
/// inputs beyond equality.
public struct CacheKey: Sendable, Hashable, CustomStringConvertible {
    /// 64 lower-case hex digits.
    public let hex: String

    /// The key for `input` to the stage identified by `identity`.
    public init(identity: StageIdentity, input: some CacheKeyed) {
        self.init(material: Self.material(identity: identity, input: input.cacheKeyMaterial))
    }

    /// The text hashed for a stage identity and an input's key material.
    static func material(identity: StageIdentity, input: String) -> String {
        "docextract-cache-v1\n\(identity.description)\n\(input)"
    }

    /// The key of arbitrary key material.
    public init(material: String) {
        hex = Self.sha256Hex(Data(material.utf8))
    }

    /// The SHA-256 of `data` as lower-case hex.
    public static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    public var description: String { hex }
}
