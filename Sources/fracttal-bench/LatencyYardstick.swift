/// The yardstick of the latency benchmark: the same requests a plan's read sends, one after another
/// on one keep-alive connection (Python's `http.client`): the token, the catalog's page, then every
/// page of the groups and of the consumers, each list's total read from its first page. Process start
/// included.
///
/// It reads the target from the `FRACTTAL_*` variables, as `fracttal` does, prints the number of
/// requests it sent, and nothing but an HTTP status when something fails (never a secret).
enum LatencyYardstick {
    /// The command line.
    static var arguments: [String] {
        ["/usr/bin/env", "python3", "-c", script]
    }

    private static let script = """
        import base64, http.client, json, os, sys, urllib.parse
        api = urllib.parse.urlsplit(os.environ["FRACTTAL_BASE_URL"])
        token_url = urllib.parse.urlsplit(os.environ["FRACTTAL_TOKEN_URL"])
        connection = http.client.HTTPConnection(api.hostname, api.port)
        if (token_url.hostname, token_url.port) == (api.hostname, api.port):
            token_connection = connection
        else:
            token_connection = http.client.HTTPConnection(token_url.hostname, token_url.port)
        sent = 0

        def call(conn, method, path, body, headers):
            global sent
            conn.request(method, path, body, headers)
            answer = conn.getresponse()
            sent += 1
            data = answer.read()
            if answer.status != 200:
                sys.exit("%s %s: HTTP %d" % (method, path.split("?")[0], answer.status))
            return json.loads(data)

        pair = (os.environ["FRACTTAL_CLIENT_ID"] + ":" + os.environ["FRACTTAL_CLIENT_SECRET"]).encode()
        token = call(token_connection, "POST", token_url.path, b"grant_type=client_credentials", {
            "Authorization": "Basic " + base64.b64encode(pair).decode(),
            "Content-Type": "application/x-www-form-urlencoded"})
        bearer = {"Authorization": "Bearer " + token["access_token"]}
        for path in ("/permissions/", "/groups_permissions/", "/oauth_consumers/"):
            start, total = 0, 1
            while start < total:
                page = call(connection, "GET", "%s%s?start=%d&limit=100" % (api.path, path, start), None, bearer)
                total = page["total"]
                start += 100
        print(sent)
        """
}
