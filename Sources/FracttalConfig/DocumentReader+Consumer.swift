import Foundation
import FracttalModel

extension DocumentReader {
    /// Reads one item of `consumers`; nil when it has no usable name or permission group.
    mutating func consumer(_ node: YAMLNode) -> DesiredConsumer? {
        guard let fields = fields(of: node, shape: .consumer, field: "each item of `consumers`") else { return nil }
        let here = location(of: node)

        var locations = ConsumerFieldLocations(default: here)

        var name: Located<String>?
        if let field = fields["name"] {
            name = self.name(field.value, field: "`name`")
        } else {
            report(.missingField("name", in: "consumer", hint: "add its name", at: here))
        }
        let description = description(fields["description"], default: here)
        locations[.description] = description.location

        var grantType = Located(GrantType.clientCredentials, at: here)
        var grantTypeKnown = true
        if let field = fields["grant_type"] {
            grantTypeKnown = false
            if let text = text(field.value, field: "`grant_type`", expected: "`client_credentials` or `authorization_code`") {
                if let value = GrantType(rawValue: text.value) {
                    grantType = Located(value, at: text.location)
                    grantTypeKnown = true
                } else {
                    let suggestion = Suggestion.nearest(to: text.value, among: GrantType.allCases.map(\.rawValue))
                    report(.unknownGrantType(Self.shorten(text.value), suggestion: suggestion, at: text.location))
                }
            }
        }
        locations[.grantType] = grantType.location

        var permissionGroup: Located<String>?
        if let field = fields["permission_group"] {
            permissionGroup = self.name(field.value, field: "`permission_group`")
        } else {
            report(.missingField(
                "permission_group", in: "consumer", hint: "add the name of the permission group it uses", at: here
            ))
        }

        let redirectURI = redirectURI(fields["redirect_uri"], grantType: grantTypeKnown ? grantType : nil, default: here)
        locations[.redirectURI] = redirectURI.location
        let hub = fields["hub"].flatMap { bool($0.value, field: "`hub`") } ?? Located(false, at: here)
        locations[.hub] = hub.location

        var key: Located<String>?
        if let field = fields["key"], let text = string(field.value, field: "`key`") {
            if NameRules.isConsumerKey(text.value) {
                key = text
            } else {
                report(.invalidKey(Self.shorten(text.value), at: text.location))
            }
        }
        let previousNames = fields["previous_names"].map { names($0.value, field: "previous_names") } ?? []
        let rotateSecretBefore = fields["rotate_secret_before"].flatMap { instant($0.value) }
        let maxSecretAge = fields["max_secret_age"].flatMap { secretAge($0.value) }

        guard let name, let permissionGroup else { return nil }
        locations[.name] = name.location
        locations[.permissionGroup] = permissionGroup.location
        return DesiredConsumer(
            fields: ConsumerFields(
                name: name.value, description: description.value, grantType: grantType.value,
                permissionGroup: permissionGroup.value, redirectURI: redirectURI.value, hub: hub.value),
            fieldLocations: locations, key: key, previousNames: previousNames,
            rotateSecretBefore: rotateSecretBefore, maxSecretAge: maxSecretAge, location: here
        )
    }

    /// `redirect_uri`: required for authorization code, forbidden for client credentials, https or loopback http.
    /// `grantType` is nil when the written grant type was unusable (then only the form is checked).
    private mutating func redirectURI(
        _ field: Field?, grantType: Located<GrantType>?, default location: SourceLocation
    ) -> Located<String?> {
        guard let field else {
            if let grantType, grantType.value == .authorizationCode {
                report(.redirectURIRequired(at: grantType.location))
            }
            return Located(nil, at: location)
        }
        if let grantType, grantType.value == .clientCredentials {
            report(.redirectURIForbidden(at: self.location(of: field.key)))
            return Located(nil, at: location)
        }
        guard let text = string(field.value, field: "`redirect_uri`") else { return Located(nil, at: location) }
        switch RedirectURI.problem(with: text.value) {
        case nil:
            return Located(text.value, at: text.location)
        case .invalid:
            report(.redirectURIInvalid(Self.shorten(text.value), at: text.location))
        case .insecure(let host):
            report(.redirectURIInsecure(host: Self.shorten(host), at: text.location))
        }
        return Located(nil, at: location)
    }

    /// `rotate_secret_before`: an RFC 3339 instant with time and offset.
    private mutating func instant(_ node: YAMLNode) -> Located<Date>? {
        guard let text = text(node, field: "`rotate_secret_before`", expected: "an instant such as 2026-11-01T00:00:00Z") else {
            return nil
        }
        switch RFC3339.parse(text.value) {
        case .success(let date):
            return Located(date, at: text.location)
        case .failure(.dateOnly):
            report(.instantIsDate(text.value, at: text.location))
        case .failure(.noOffset):
            report(.instantWithoutOffset(text.value, at: text.location))
        case .failure(.invalid):
            report(.invalidInstant(Self.shorten(text.value), at: text.location))
        }
        return nil
    }

    /// `max_secret_age`: `<N>d` or `<N>h`, N at least 1.
    private mutating func secretAge(_ node: YAMLNode) -> Located<SecretAge>? {
        guard let text = text(node, field: "`max_secret_age`", expected: "an age such as `90d` or `12h`") else { return nil }
        guard let age = SecretAge(text.value) else {
            report(.invalidSecretAge(Self.shorten(text.value), at: text.location))
            return nil
        }
        return Located(age, at: text.location)
    }
}
