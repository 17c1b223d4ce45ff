import Foundation
import FracttalSandbox
import Testing

@testable import FracttalConsole

/// The table's links carry its filter, sort and page, and read back as the same query.
struct ConsoleTableQueryTests {
    private func readBack(_ href: String) -> ConsumerTableQuery {
        let query = href.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        return ConsumerTableQuery(ConsoleVisit(session: nil, form: FormBody(query)))
    }

    @Test(arguments: ["C++ & co", "a=b", "100% Imè", "  spaced  ", "#x?y/z", ""])
    func aFilterSurvivesItsLink(_ filter: String) {
        let query = ConsumerTableQuery(filter: filter, sort: .group, descending: true, page: 3)
        let read = readBack(query.href)
        #expect(read.filter == filter.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(read.sort == .group)
        #expect(read.descending)
        #expect(read.page == 3)
    }

    @Test func theDefaultQueryIsThePlainAddress() {
        #expect(ConsumerTableQuery().href == "/console/consumers")
        #expect(readBack("/console/consumers") == ConsumerTableQuery())
    }

    @Test func brokenValuesFallBackToTheDefaults() {
        let read = readBack("/console/consumers?sort=secret&order=desc&page=-4")
        #expect(read == ConsumerTableQuery())
        #expect(readBack("/console/consumers?page=x").page == 1)
    }

    @Test func aHeadingSortsAscendingThenDescending() {
        let byName = ConsumerTableQuery(filter: "alex", page: 2).sorted(by: .name)
        #expect(byName == ConsumerTableQuery(filter: "alex", sort: .name, descending: false, page: 1))
        #expect(byName.sorted(by: .name).descending)
        #expect(!byName.sorted(by: .name).sorted(by: .name).descending)
        #expect(!byName.sorted(by: .key).descending)
    }
}
