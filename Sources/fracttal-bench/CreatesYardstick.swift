/// The yardstick of the creates benchmark: a plain keep-alive HTTP client (Python's `http.client`, one
/// connection) that takes a token with the bootstrap credentials, looks the group up by name, and sends
/// the same create bodies one after another, reading each answer. Process start included.
///
/// It reads the target from the `FRACTTAL_*` variables, as `fracttal` does, and prints nothing but an
/// HTTP status when something fails (never a secret).
enum CreatesYardstick {
    /// The command line that sends `count` creates, the bodies read from `bodies` (one JSON object a line)
    /// with the id of the group named `group`.
    static func arguments(count: Int, group: String, bodies: String) -> [String] {
        ["/usr/bin/env", "python3", "-c", script, String(count), group, bodies]
    }

    private static let script = """
        import base64, http.client, json, os, sys, urllib.parse
        count, group, bodies = int(sys.argv[1]), sys.argv[2], sys.argv[3]
        api = urllib.parse.urlsplit(os.environ["FRACTTAL_BASE_URL"])
        token_url = urllib.parse.urlsplit(os.environ["FRACTTAL_TOKEN_URL"])
        connection = http.client.HTTPConnection(api.hostname, api.port)
        if (token_url.hostname, token_url.port) == (api.hostname, api.port):
            token_connection = connection
        else:
            token_connection = http.client.HTTPConnection(token_url.hostname, token_url.port)

        def call(conn, method, path, body, headers):
            conn.request(method, path, body, headers)
            answer = conn.getresponse()
            return answer.status, answer.read()

        pair = (os.environ["FRACTTAL_CLIENT_ID"] + ":" + os.environ["FRACTTAL_CLIENT_SECRET"]).encode()
        status, data = call(token_connection, "POST", token_url.path, b"grant_type=client_credentials", {
            "Authorization": "Basic " + base64.b64encode(pair).decode(),
            "Content-Type": "application/x-www-form-urlencoded"})
        if status != 200:
            sys.exit("token request: HTTP %d" % status)
        bearer = {"Authorization": "Bearer " + json.loads(data)["access_token"]}
        status, data = call(connection, "GET", api.path + "/groups_permissions/?start=0&limit=100", None, bearer)
        ids = [g["id"] for g in json.loads(data)["data"] if g["name"] == group] if status == 200 else []
        if not ids:
            sys.exit("group lookup: HTTP %d, %d matches" % (status, len(ids)))
        headers = dict(bearer, **{"Content-Type": "application/json"})
        path = api.path + "/oauth_consumers/"
        made = 0
        with open(bodies) as lines:
            for line in lines:
                body = json.loads(line)
                body["id_group_permission"] = ids[0]
                status, data = call(connection, "POST", path, json.dumps(body).encode(), headers)
                if status != 201 or not json.loads(data)["data"].get("secret"):
                    sys.exit("create %d: HTTP %d" % (made, status))
                made += 1
        if made != count:
            sys.exit("sent %d creates, expected %d" % (made, count))
        """
}
