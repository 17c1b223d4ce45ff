import FracttalModel
import Testing

/// The one "did you mean" engine that validate and plan share.
struct SuggestionTests {
    @Test func suggestsTheNearestWithinAThirdOfTheCandidate() {
        #expect(Suggestion.nearest(to: "permision_group", among: ["name", "permission_group"]) == "permission_group")
        #expect(Suggestion.nearest(to: "nam", among: ["description", "name"]) == "name")
        #expect(Suggestion.nearest(to: "desc", among: ["name", "description", "permissions"]) == nil)
        #expect(Suggestion.nearest(to: "colour", among: ["name", "description", "permissions"]) == nil)
        #expect(Suggestion.nearest(to: "ab", among: ["cd"]) == nil)
    }

    @Test func ignoresCase() {
        #expect(Suggestion.nearest(to: "Name", among: ["hub", "name"]) == "name")
        #expect(Suggestion.nearest(to: "técnicos", among: ["Técnicos", "tecnicos"]) == "Técnicos")
    }

    @Test func countsASwapOfNeighboursAsOneEdit() {
        #expect(Suggestion.nearest(to: "hbu", among: ["key", "hub"]) == "hub")
        #expect(Suggestion.nearest(to: "assets:veiw", among: ["assets:view", "assets:edit"]) == "assets:view")
    }

    @Test func tiesGoToTheFirstCandidate() {
        #expect(Suggestion.nearest(to: "meter", among: ["meters", "metes", "meter_readings"]) == "meters")
        #expect(Suggestion.nearest(to: "meter", among: ["metes", "meters"]) == "metes")
    }

    @Test func neverSuggestsTheWordItself() {
        #expect(Suggestion.nearest(to: "name", among: ["name"]) == nil)
        #expect(Suggestion.nearest(to: "name", among: ["name", "names"]) == "names")
        // Canonically equal but different scalars: a different name to the server, so a likely meant one.
        #expect(Suggestion.nearest(to: "Jose\u{301}", among: ["Jos\u{E9}"]) == "Jos\u{E9}")
    }

    @Test func aMaximumDistanceReplacesTheDefault() {
        #expect(Suggestion.nearest(to: "assets:modify", among: ["assets:view", "assets:edit"]) == nil)
        #expect(Suggestion.nearest(to: "assets:modify", among: ["assets:view", "assets:edit"], maximumDistance: .max) == "assets:edit")
        #expect(Suggestion.nearest(to: "permision_group", among: ["permission_group"], maximumDistance: 0) == nil)
    }
}
