import Foundation
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

struct FingerprintTests {
    let state = OrderingTests.everything.live

    @Test func theOrderOfTheListsDoesNotMatter() {
        var shuffled = state
        shuffled.groups.reverse()
        shuffled.consumers.reverse()
        shuffled.catalog.codes.reverse()
        #expect(Fingerprint.of(shuffled) == Fingerprint.of(state))
    }

    @Test func everyFieldAnUpdateChangesChangesTheFingerprint() {
        let base = Fingerprint.of(state)
        var changes: [LiveState] = []
        func change(_ edit: (inout LiveState) -> Void) {
            var copy = state
            edit(&copy)
            changes.append(copy)
        }
        change { $0.groups[1].name = "Other" }
        change { $0.groups[1].description = nil }
        change { $0.groups[1].permissions.insert(PermissionCode("meters:view")!) }
        change { $0.groups[1].accountsCount = 1 }
        change { $0.consumers[0].name = "x" }
        change { $0.consumers[0].description = "" }
        change { $0.consumers[0].permissionGroup = 1 }
        change { $0.consumers[0].redirectURI = "https://x.example.com" }
        change { $0.consumers[0].hub = true }
        change { $0.consumers.removeLast() }
        change { $0.catalog.codes.removeLast() }
        let prints = changes.map { Fingerprint.of($0) }
        #expect(!prints.contains(base))
        #expect(Set(prints).count == prints.count)
    }

    @Test func aSecretIssuedElsewhereChangesTheConsumerButNotTheState() {
        var rotated = state
        rotated.consumers[0].secretCreatedAt += 1
        #expect(Fingerprint.of(rotated) == Fingerprint.of(state))
        #expect(Fingerprint.of(rotated.consumers[0], for: .rotateSecret) != Fingerprint.of(state.consumers[0], for: .rotateSecret))
        #expect(Fingerprint.of(rotated.consumers[0], for: .update) == Fingerprint.of(state.consumers[0], for: .update))
        #expect(Fingerprint.of(rotated.consumers[0], for: .delete) == Fingerprint.of(state.consumers[0], for: .delete))
    }

    @Test func timestampsOfTheServerDoNotCount() {
        var touched = state
        touched.consumers[0].updatedAt = now
        touched.groups[0].updatedAt = now
        #expect(Fingerprint.of(touched) == Fingerprint.of(state))
        #expect(Fingerprint.of(touched.consumers[0], for: .rotateSecret) == Fingerprint.of(state.consumers[0], for: .rotateSecret))
    }

    @Test func objectFingerprintsDifferByObject() {
        #expect(Fingerprint.of(state.consumers[0], for: .rotateSecret) != Fingerprint.of(state.consumers[1], for: .rotateSecret))
        #expect(Fingerprint.of(state.groups[0]) != Fingerprint.of(state.groups[1]))
        // Fields are delimited: moving text from the name to the description changes the digest.
        #expect(Fingerprint.of(liveGroup(1, "ab", description: "c")) != Fingerprint.of(liveGroup(1, "a", description: "bc")))
    }

    @Test func bytesHashAsFNV1a64() {
        #expect(Fingerprint.of(data: Data()) == "cbf29ce484222325")
        #expect(Fingerprint.of(data: Data("a".utf8)) == "af63dc4c8601ec8c")
        #expect(Fingerprint.of(data: Data("foobar".utf8)) == "85944171f73967e8")
    }
}
