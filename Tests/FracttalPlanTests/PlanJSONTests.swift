import Foundation
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

struct PlanJSONTests {
    let plan = OrderingTests.everything.plan().plan

    @Test func aSavedPlanReadsBackEqual() throws {
        let data = plan.encodedJSON()
        #expect(try Plan.decode(from: data) == plan)
        #expect(try Plan.decode(from: data).encodedJSON() == data)
    }

    @Test func aCreationTimeWithFractionsSurvivesToTheMillisecond() throws {
        var plan = plan
        plan.createdAt = now.addingTimeInterval(0.25)
        let decoded = try Plan.decode(from: plan.encodedJSON())
        #expect(decoded.createdAt == plan.createdAt)
    }

    @Test func theShapeUsesConfigurationNamesAndExplicitNulls() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: plan.encodedJSON()) as? [String: Any])
        #expect(Set(object.keys) == ["format_version", "target", "configuration_digest", "live_fingerprint", "created_at", "summary", "actions", "notes", "client_id", "delivery_checked", "store_digest", "withdrawn_intents", "rules", "actions_digest", "warnings", "undeclared", "targets", "depends_on"])
        #expect(object["format_version"] as? Int == 1)
        #expect(object["created_at"] as? String == "2026-05-01T12:00:00Z")
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["create": 2, "update": 2, "replace": 1, "delete": 2, "rotate_secret": 2, "unchanged": 1])
        let actions = try #require(object["actions"] as? [[String: Any]])
        for action in actions {
            #expect(Set(action.keys) == [
                "address", "kind", "action", "step", "before", "after", "changed_fields", "forces_replacement",
                "reason", "live_id", "live_key", "live_fingerprint", "group_ref",
            ])
        }
        let create = try #require(actions.first { $0["address"] as? String == #"consumer["erp-sync"]"# })
        #expect(create["before"] is NSNull)
        let after = try #require(create["after"] as? [String: Any])
        #expect(Set(after.keys) == ["key", "name", "description", "grant_type", "permission_group", "redirect_uri", "hub"])
        #expect(after["redirect_uri"] is NSNull)
        #expect(create["group_ref"] as? [String: Int] == ["id": 12])
        let replace = try #require(actions.first { $0["action"] as? String == "replace" })
        #expect(replace["group_ref"] as? [String: String] == ["planned": "Alpha"])
        #expect(replace["live_key"] as? String == "KEYBI000000000000A")
    }

    @Test func theSameInputGivesTheSameBytes() {
        #expect(OrderingTests.everything.plan().plan.encodedJSON() == plan.encodedJSON())
    }

    @Test func anotherFormatVersionIsRefused() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: plan.encodedJSON()) as? [String: Any])
        object["format_version"] = 2
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: PlanFileError.unsupportedFormatVersion(2)) { try Plan.decode(from: data) }
        #expect(PlanFileError.unsupportedFormatVersion(2).description == "this plan has format_version 2, but this fracttal reads only format_version 1; make the plan again with this version")
    }

    /// A plan saved before a field existed lacks its key: every optional field then reads as its default.
    @Test func aConsumerStateWithoutItsOptionalKeysReadsTheirDefaults() throws {
        let defaults: [String: Any] = ["description": NSNull(), "grant_type": "client_credentials", "redirect_uri": NSNull(), "hub": false]
        var object = try #require(try JSONSerialization.jsonObject(with: plan.encodedJSON()) as? [String: Any])
        var actions = try #require(object["actions"] as? [[String: Any]])
        var removed = 0
        for index in actions.indices where actions[index]["kind"] as? String == "consumer" {
            for side in ["before", "after"] {
                guard var state = actions[index][side] as? [String: Any] else { continue }
                for (key, value) in defaults where (state[key] as? NSObject)?.isEqual(value) == true {
                    state[key] = nil
                    removed += 1
                }
                actions[index][side] = state
            }
        }
        #expect(removed > 10)
        object["actions"] = actions
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(try Plan.decode(from: data) == plan)
    }

    @Test func somethingElseIsNotAPlan() {
        #expect(throws: PlanFileError.notAPlan) { try Plan.decode(from: Data("not json".utf8)) }
        #expect(throws: PlanFileError.notAPlan) { try Plan.decode(from: Data(#"{"actions": []}"#.utf8)) }
    }

    @Test func aDamagedPlanSaysWhere() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: plan.encodedJSON()) as? [String: Any])
        var actions = try #require(object["actions"] as? [[String: Any]])
        actions[0]["address"] = "nonsense"
        object["actions"] = actions
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: PlanFileError.malformed("`nonsense` is not a group address at actions[0].address")) { try Plan.decode(from: data) }
    }

    @Test func addressesWithQuotesAndBackslashesRoundTrip() throws {
        let plan = Scenario(groups: [declaredGroup(#"a "quoted" \ name"#, [], line: 10)]).plan().plan
        let decoded = try Plan.decode(from: plan.encodedJSON())
        #expect(decoded.actions.first?.address == ResourceAddress(.group, #"a "quoted" \ name"#))
    }

    @Test func theApplierGetsTheFieldsToSend() {
        let create = plan.actions.first { $0.address == ResourceAddress(.consumer, "erp-sync") }
        #expect(create?.consumerFields(groupID: 12) == ConsumerFields(
            name: "erp-sync", description: "SAP PM", grantType: .clientCredentials, permissionGroup: 12, redirectURI: nil, hub: true))
        let group = plan.actions.first { $0.address == ResourceAddress(.group, "Alpha") }
        #expect(group?.groupFields == GroupFields(name: "Alpha", description: nil, permissions: [PermissionCode("assets:view")!]))
        #expect(group?.consumerFields(groupID: 1) == nil)
    }
}
