import FracttalModel
import Testing

struct ResourceAddressTests {
    @Test func printsKindAndQuotedName() {
        #expect(ResourceAddress(.consumer, "erp-sync").description == #"consumer["erp-sync"]"#)
        #expect(ResourceAddress(.group, "PERMISO 1 TECNICO").description == #"group["PERMISO 1 TECNICO"]"#)
    }

    @Test func escapesQuotesAndBackslashes() {
        #expect(ResourceAddress(.consumer, #"a"b\c"#).description == #"consumer["a\"b\\c"]"#)
    }

    @Test func ordersGroupsFirst() {
        #expect(ResourceAddress(.group, "z") < ResourceAddress(.consumer, "a"))
    }
}
