import Foundation
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

struct ReplacementTests {
    @Test func aDifferentGrantTypeReplacesTheConsumer() {
        let live = liveConsumer("KEY1", "bi-portal", group: 12, secretAgeDays: 400)
        let result = Scenario(
            consumers: [declaredConsumer(
                "bi-portal", group: "Techs", line: 20, grantType: .authorizationCode,
                redirectURI: "https://bi.example.com/cb", maxSecretAge: "90d")],
            liveGroups: [liveGroup(12, "Techs")], liveConsumers: [live]
        ).plan()
        #expect(result.messages.isEmpty)
        // Replaced, so not also rotated, although the secret is old.
        #expect(result.outline == [#"1 replace consumer["bi-portal"]"#])
        let action = result.plan.actions[0]
        #expect(action.changedFields == ["grant_type", "redirect_uri"])
        #expect(action.forcesReplacement == ["grant_type"])
        #expect(action.liveKey == "KEY1")
        #expect(action.after?.consumer?.key == nil)
        #expect(action.groupRef == .live(id: 12))
        #expect(action.reason == "grant_type changes from client_credentials to authorization_code, which the server cannot change in place: the consumer is deleted and created again")
        #expect(result.plan.summary == PlanSummary(replace: 1))
    }

    @Test func replacingAConsumerBoundByKeyWarnsThatTheKeyRetires() {
        let result = Scenario(
            consumers: [declaredConsumer(
                "bi-portal", group: "Techs", line: 20, grantType: .authorizationCode,
                redirectURI: "https://bi.example.com/cb", key: "KEY1")],
            liveGroups: [liveGroup(12, "Techs")], liveConsumers: [liveConsumer("KEY1", "bi-portal", group: 12)]
        ).plan()
        #expect(result.findings == [
            "warning FRC215 at fracttal.yaml:26:20",
        ])
    }
}

struct RotationTests {
    let techs = liveGroup(12, "Techs")

    func plan(secretAgeDays: Double, rotateSecretBefore: Date? = nil, maxSecretAge: String? = nil, description: String? = nil) -> PlanningResult {
        Scenario(
            consumers: [declaredConsumer(
                "erp-sync", group: "Techs", line: 20, description: description,
                rotateSecretBefore: rotateSecretBefore, maxSecretAge: maxSecretAge)],
            liveGroups: [techs], liveConsumers: [liveConsumer("KEY1", "erp-sync", group: 12, secretAgeDays: secretAgeDays)]
        ).plan()
    }

    @Test func rotatesWhenTheSecretWasIssuedBeforeTheInstant() {
        let result = plan(secretAgeDays: 10, rotateSecretBefore: now.addingTimeInterval(-5 * day))
        #expect(result.messages.isEmpty)
        #expect(result.outline == [#"1 rotate_secret consumer["erp-sync"]"#])
        let action = result.plan.actions[0]
        #expect(action.reason == "the secret was issued 2026-04-21T12:00:00Z, before rotate_secret_before 2026-04-26T12:00:00Z")
        #expect(action.liveKey == "KEY1")
        #expect(action.changedFields.isEmpty)
        #expect(action.groupRef == nil)
        #expect(result.plan.summary == PlanSummary(rotateSecret: 1))
    }

    @Test func doesNotRotateASecretIssuedAfterTheInstant() {
        let result = plan(secretAgeDays: 3, rotateSecretBefore: now.addingTimeInterval(-5 * day))
        #expect(result.messages.isEmpty)
        #expect(result.plan.actions.isEmpty)
        #expect(result.plan.summary.unchanged == 1)
    }

    @Test func anInstantLaterThanThePlanIsAnError() {
        let result = plan(secretAgeDays: 3, rotateSecretBefore: now.addingTimeInterval(day))
        #expect(result.findings == [
            "error FRC209 at fracttal.yaml:28:20",
        ])
    }

    @Test func rotatesWhenTheSecretIsOlderThanTheMaximumAge() {
        let result = plan(secretAgeDays: 120.5, maxSecretAge: "90d")
        #expect(result.outline == [#"1 rotate_secret consumer["erp-sync"]"#])
        #expect(result.plan.actions[0].reason == "the secret is 120 days old, older than max_secret_age 90d")
        let hours = plan(secretAgeDays: 2, maxSecretAge: "36h")
        #expect(hours.plan.actions.map(\.reason) == ["the secret is 48 hours old, older than max_secret_age 36h"])
    }

    @Test func doesNotRotateAYoungerSecret() {
        #expect(plan(secretAgeDays: 89, maxSecretAge: "90d").plan.actions.isEmpty)
        #expect(plan(secretAgeDays: 90, maxSecretAge: "90d").plan.actions.isEmpty)
    }

    @Test func bothReasonsMakeOneRotation() {
        let result = plan(secretAgeDays: 100, rotateSecretBefore: now.addingTimeInterval(-day), maxSecretAge: "90d")
        #expect(result.plan.actions.map(\.reason) == [
            "the secret was issued 2026-01-21T12:00:00Z, before rotate_secret_before 2026-04-30T12:00:00Z; the secret is 100 days old, older than max_secret_age 90d",
        ])
    }

    @Test func aRotationIsItsOwnActionAfterTheUpdate() {
        let result = plan(secretAgeDays: 100, maxSecretAge: "90d", description: "changed")
        #expect(result.outline == [#"1 update consumer["erp-sync"]"#, #"2 rotate_secret consumer["erp-sync"]"#])
        #expect(result.plan.actions[1].before?.consumer?.description == "changed")
        #expect(result.plan.summary == PlanSummary(update: 1, rotateSecret: 1))
    }

    @Test func aCreatedConsumerIsNotRotated() {
        let result = Scenario(
            consumers: [declaredConsumer("erp-sync", group: "Techs", line: 20, rotateSecretBefore: now.addingTimeInterval(-day), maxSecretAge: "1h")],
            liveGroups: [techs]
        ).plan()
        #expect(result.outline == [#"1 create consumer["erp-sync"]"#])
    }
}
