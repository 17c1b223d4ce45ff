/// The loading yardstick: Python's PyYAML loading a file with its libyaml loader, process start included.
enum Yardstick {
    /// The command line that loads `file`.
    static func arguments(_ file: String) -> [String] {
        [
            "/usr/bin/env", "python3", "-c",
            "import yaml,sys; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)", file,
        ]
    }
}
