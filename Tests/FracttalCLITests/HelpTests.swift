@testable import FracttalCLI
import Testing

/// `--help` and `--version`: on standard output, exit status 0.
struct HelpTests {
    @Test(arguments: [
        ([], "fracttal plan config/ --out plan.json"),
        (["validate"], "fracttal validate --format github config/"),
        (["plan"], "fracttal plan examples/quickstart"),
        (["apply"], "fracttal apply config/ --secrets-out secrets.json"),
        (["show"], "fracttal show plan.json --format markdown"),
        (["export"], "fracttal export --out config/ && fracttal plan config/ --detailed-exitcode"),
        (["schema"], "fracttal schema > fracttal.schema.json"),
        (["sandbox", "serve"], "fracttal sandbox serve --faults error_before=0.1,lost=0.05 --seed 7"),
    ])
    func helpShowsTheCommandsExample(_ command: [String], _ example: String) async {
        let result = await InProcessFracttal.run(command + ["--help"])

        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("OVERVIEW: "), "\(result)")
        #expect(result.flatStdout.contains(example), "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
    }

    @Test func helpAsASubcommandIsTheSameAsTheFlag() async {
        let flag = await InProcessFracttal.run(["plan", "--help"])
        let subcommand = await InProcessFracttal.run(["help", "plan"])

        #expect(subcommand.status == 0, "\(subcommand)")
        #expect(subcommand.stdout == flag.stdout)
    }

    @Test func versionIsTheBuildsVersion() async {
        let result = await InProcessFracttal.run(["--version"])

        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == BuildVersion.text + "\n", "\(result)")
    }
}
