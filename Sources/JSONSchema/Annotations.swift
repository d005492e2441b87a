/// What the schemas applied so far at one instance location have evaluated, for `unevaluatedItems` and
/// `unevaluatedProperties`.
struct Annotations {
    /// Object members evaluated by `properties`, `patternProperties` or `additionalProperties`.
    var properties: Set<PropertyName> = []
    /// Every member was evaluated (by `unevaluatedProperties`).
    var allProperties = false
    /// Length of the evaluated array prefix (`prefixItems`).
    var itemPrefix = 0
    /// Every element was evaluated (`items` or `unevaluatedItems`).
    var allItems = false
    /// Elements that matched `contains`.
    var itemIndices: Set<Int> = []

    mutating func merge(_ other: Annotations) {
        if other.allProperties {
            allProperties = true
        } else if !allProperties, !other.properties.isEmpty {
            properties.formUnion(other.properties)
        }
        if other.allItems {
            allItems = true
        } else if !allItems {
            itemPrefix = max(itemPrefix, other.itemPrefix)
            if !other.itemIndices.isEmpty { itemIndices.formUnion(other.itemIndices) }
        }
    }

    func isEvaluated(property name: String) -> Bool {
        allProperties || properties.contains(PropertyName(name))
    }

    func isEvaluated(item index: Int) -> Bool {
        allItems || index < itemPrefix || itemIndices.contains(index)
    }
}
