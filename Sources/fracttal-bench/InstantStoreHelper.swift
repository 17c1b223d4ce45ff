/// The store helper of the creates benchmark: speaks the helper protocol and answers every request at once,
/// keeping entries in memory, so the measurement shows what the protocol itself costs `apply` against the
/// file store.
///
/// On `bye` it writes to its one argument how many entries hold a key and a secret (never a secret), so the
/// benchmark can check that every consumer was delivered.
enum InstantStoreHelper {
    /// The `exec:` store that runs the helper, writing its count to `countPath`.
    static func store(countPath: String) -> String {
        "exec:python3 -c '\(script)' '\(countPath)'"
    }

    // No single quote may appear in the script: it travels inside one on the shell's command line.
    private static let script = """
        import json, sys
        entries, lock = {}, "bench-lock"
        def answer(value):
            sys.stdout.write(json.dumps(value) + "\\n")
            sys.stdout.flush()
        for line in sys.stdin:
            request = json.loads(line)
            op = request.get("op")
            if op == "hello":
                answer({"ok": True, "protocol": 1, "capabilities": ["lock"]})
            elif op == "list":
                answer({"ok": True, "entries": [
                    {"name": n, "key": e.get("key"), "secret_created_at": e.get("secret_created_at"), "pending": None}
                    for n, e in entries.items()]})
            elif op == "lock":
                answer({"ok": True, "lock_id": lock, "ttl_seconds": request.get("ttl_seconds", 900)})
            elif op == "lock_status":
                answer({"ok": True, "held": False})
            elif op == "intend":
                answer({"ok": True, "results": [{"ok": True} for _ in request.get("intents", [])]})
            elif op == "put":
                for entry in request.get("entries", []):
                    entries[entry["name"]] = entry
                answer({"ok": True, "results": [{"ok": True} for _ in request.get("entries", [])]})
            elif op in ("rename", "forget"):
                answer({"ok": True, "results": [{"ok": True} for _ in request.get("entries", [])]})
            elif op in ("renew", "unlock", "withdraw"):
                answer({"ok": True})
            elif op == "bye":
                complete = sum(1 for e in entries.values() if e.get("key") and e.get("secret"))
                with open(sys.argv[1], "w") as out:
                    out.write(str(complete))
                answer({"ok": True})
                break
            else:
                answer({"ok": False, "error": "unknown op"})
        """
}
