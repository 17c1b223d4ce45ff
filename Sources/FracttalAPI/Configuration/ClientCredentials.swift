import FracttalModel

/// The OAuth client id (consumer key) and secret the client authenticates with: the model's
/// `ConsumerCredentials`, whose description never shows the secret.
///
/// The command line reads them from `FRACTTAL_CLIENT_ID` and `FRACTTAL_CLIENT_SECRET`; they are never flags.
public typealias ClientCredentials = ConsumerCredentials
