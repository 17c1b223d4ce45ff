import FracttalModel
import Testing

struct ExactNameTests {
    @Test func canonicallyEquivalentNamesDiffer() {
        let composed = ExactName("Jos\u{E9}")
        let decomposed = ExactName("Jose\u{301}")
        // The premise: Swift's String equality does not tell them apart.
        #expect("Jos\u{E9}" == "Jose\u{301}")
        #expect(composed != decomposed)
        #expect(Set([composed, decomposed]).count == 2)
        #expect([composed: 1, decomposed: 2][ExactName("Jose\u{301}")] == 2)
    }

    @Test func sameScalarsAreEqual() {
        #expect(ExactName("Jos\u{E9}") == ExactName("José"))
        #expect(Set([ExactName("a"), ExactName("a")]).count == 1)
        #expect(ExactName("erp-sync") != ExactName("ERP-sync"))
    }

    @Test func looksLikeOnlyWhenCanonicallyEquivalentButDifferent() {
        #expect(ExactName("Jos\u{E9}").looksLike(ExactName("Jose\u{301}")))
        #expect(!ExactName("Jos\u{E9}").looksLike(ExactName("Jos\u{E9}")))
        #expect(!ExactName("Jos\u{E9}").looksLike(ExactName("Jose")))
    }

    @Test func escapedShowsEveryCodePointOutsidePrintableASCII() {
        #expect(ExactName("Jos\u{E9} svc").escaped == #"Jos\u{E9} svc"#)
        #expect(ExactName("Jose\u{301}").escaped == #"Jose\u{301}"#)
        #expect(ExactName("tab\there 🔧").escaped == #"tab\u{9}here \u{1F527}"#)
    }

    @Test func addressesCompareNamesExactly() {
        let composed = ResourceAddress(.consumer, "Jos\u{E9}")
        let decomposed = ResourceAddress(.consumer, "Jose\u{301}")
        #expect(composed != decomposed)
        #expect(Set([composed, decomposed]).count == 2)
        #expect(composed == ResourceAddress(.consumer, "José"))
        // Canonically equivalent names still sort in a fixed order.
        #expect((composed < decomposed) != (decomposed < composed))
    }
}
