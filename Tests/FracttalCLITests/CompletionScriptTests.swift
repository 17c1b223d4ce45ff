import Foundation
import FracttalTestSupport
import Testing

/// `fracttal --generate-completion-script bash|zsh|fish`: the scripts offer file names where a command
/// takes files or folders, checked by running them in the shells themselves.
///
/// A shell that is not installed skips its test, except when `CI` is set: CI installs bash, zsh and fish.
struct CompletionScriptTests {
    /// The lines typed before pressing Tab, in a folder holding `plan.json`, `examples/` and `extra.yaml`,
    /// and what must (and must not) be offered.
    static let cases: [(line: String, offered: [String], notOffered: [String])] = [
        ("fracttal apply --plan pl", ["plan.json"], []),
        ("fracttal apply ex", ["examples", "extra.yaml"], []),
        ("fracttal validate ex", ["examples", "extra.yaml"], []),
        ("fracttal plan ex", ["examples", "extra.yaml"], []),
        ("fracttal plan --out pl", ["plan.json"], []),
        ("fracttal show pl", ["plan.json"], []),
        ("fracttal export --out ex", ["examples"], ["extra.yaml"]),
    ]

    @Test(.enabled(if: Shell.bash.isAvailable || Shell.required)) func bashOffersFileNames() async throws {
        try await Shell.withCompletionFolder(script: "bash") { folder, script in
            for example in Self.cases {
                let words = example.line.split(separator: " ").map(String.init)
                let program = """
                    source \(Shell.quoted(script))
                    COMP_LINE=\(Shell.quoted(example.line))
                    COMP_POINT=${#COMP_LINE}
                    COMP_WORDS=(\(words.map(Shell.quoted).joined(separator: " ")))
                    COMP_CWORD=\(words.count - 1)
                    COMPREPLY=()
                    completer=$(complete -p fracttal | sed -E 's/.* -F ([^ ]+) .*/\\1/')
                    "$completer" fracttal \(Shell.quoted(words.last!)) \(Shell.quoted(words[words.count - 2]))
                    printf '%s\\n' "${COMPREPLY[@]}"
                    """
                let result = try await Shell.bash.run(["-c", program], in: folder)

                #expect(result.status == 0, "\(example.line): \(result)")
                let offered = Set(result.stdout.split(separator: "\n").map { String($0).trimmingCharacters(in: ["/"]) })
                for name in example.offered {
                    #expect(offered.contains(name), "\(example.line) offers \(name): \(result)")
                }
                for name in example.notOffered {
                    #expect(!offered.contains(name), "\(example.line) does not offer \(name): \(result)")
                }
            }
        }
    }

    @Test(.enabled(if: Shell.fish.isAvailable || Shell.required)) func fishOffersFileNames() async throws {
        try await Shell.withCompletionFolder(script: "fish") { folder, script in
            for example in Self.cases {
                let program = "source \(Shell.quoted(script)); complete -C \(Shell.quoted(example.line))"
                let result = try await Shell.fish.run(["--no-config", "-c", program], in: folder)

                #expect(result.status == 0, "\(example.line): \(result)")
                let offered = Set(result.stdout.split(separator: "\n").map {
                    String($0.split(separator: "\t").first ?? "").trimmingCharacters(in: ["/"])
                })
                for name in example.offered {
                    #expect(offered.contains(name), "\(example.line) offers \(name): \(result)")
                }
                for name in example.notOffered {
                    #expect(!offered.contains(name), "\(example.line) does not offer \(name): \(result)")
                }
            }
        }
    }

    /// zsh completes only inside its line editor, so this checks that the script loads in zsh with
    /// the completion system, and that each of those arguments is completed by `_files`.
    @Test(.enabled(if: Shell.zsh.isAvailable || Shell.required)) func zshCompletesThoseArgumentsWithFiles() async throws {
        try await Shell.withCompletionFolder(script: "zsh") { folder, script in
            let program = """
                autoload -Uz compinit && compinit -u -D || exit 3
                source \(Shell.quoted(script)) || exit 4
                print -r -- ${_comps[fracttal]}
                """
            let loaded = try await Shell.zsh.run(["-f", "-c", program], in: folder)
            #expect(loaded.status == 0, "\(loaded)")
            #expect(loaded.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "_fracttal", "\(loaded)")
            #expect(loaded.stderr.isEmpty, "\(loaded)")

            let text = try String(contentsOfFile: script, encoding: .utf8)
            let specs: [(function: String, argument: String, action: String)] = [
                ("_fracttal_apply", "--plan", ":_files"),
                ("_fracttal_apply", ":paths:", ":_files"),
                ("_fracttal_validate", ":paths:", ":_files"),
                ("_fracttal_plan", ":paths:", ":_files"),
                ("_fracttal_plan", "--out", ":_files"),
                ("_fracttal_show", ":file:", ":_files"),
                ("_fracttal_export", "--out", ":_files -/"),
            ]
            for spec in specs {
                let body = Shell.function(spec.function, in: text)
                let line = body.split(separator: "\n").first { $0.contains(spec.argument) }
                #expect(line?.contains(spec.action) == true, "\(spec.function) \(spec.argument): \(line ?? "no such line")\n\(body)")
            }
        }
    }
}

/// A shell found on the PATH, run as a child process.
struct Shell {
    static let bash = Shell(name: "bash")
    static let zsh = Shell(name: "zsh")
    static let fish = Shell(name: "fish")

    /// CI must run every shell's test: it installs the shells.
    static var required: Bool {
        ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" && $0 != "0" } ?? false
    }

    let name: String

    /// The shell's executable, or nil when it is not installed.
    var path: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    var isAvailable: Bool { path != nil }

    /// Runs the shell with `arguments` in `folder` and waits for it, on a Dispatch thread: a shell that
    /// is slow to start must not hold a thread of the concurrency pool that in-process sandboxes need.
    func run(_ arguments: [String], in folder: String) async throws -> CommandResult {
        let executable = try #require(path, "\(name) is not installed; install it (apt-get install \(name))")
        return try await blocking { Result { try Self.runBlocking(executable, arguments, in: folder) } }.get()
    }

    private static func runBlocking(_ executable: String, _ arguments: [String], in folder: String) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": folder, "TERM": "dumb"]
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errors = Locked(Data())
        let reading = DispatchGroup()
        reading.enter()
        DispatchQueue.global().async {
            errors.withLock { $0 = error.fileHandleForReading.readDataToEndOfFile() }
            reading.leave()
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        reading.wait()
        return CommandResult(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: errors.value, as: UTF8.self))
    }

    /// `text` in single quotes, for any of the three shells.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// The body of the shell function `name` in a generated script, up to its closing brace.
    static func function(_ name: String, in script: String) -> String {
        guard let start = script.range(of: "\n\(name)() {\n") else { return "" }
        let rest = script[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n}\n")?.lowerBound ?? rest.endIndex)])
    }

    /// Generates the completion script for `shell` in-process, writes it into a fresh folder that holds
    /// `plan.json`, `extra.yaml` and `examples/`, and runs `body` with the folder and the script's path.
    static func withCompletionFolder(script shell: String, _ body: (String, String) async throws -> Void) async throws {
        let generated = await InProcessFracttal.run(["--generate-completion-script", shell])
        try #require(generated.status == 0, "\(generated)")
        try await TemporaryFolder.with { folder in
            try folder.write("{}", to: "plan.json")
            try folder.write("version: 1\n", to: "extra.yaml")
            try folder.write("version: 1\n", to: "examples/main.yaml")
            let script = try TemporaryFolder(prefix: "fracttal-completion")
            defer { script.remove() }
            let path = try script.write(generated.stdout, to: "fracttal.\(shell)")
            try await body(folder.path, path)
        }
    }
}
