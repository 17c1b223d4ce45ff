import Foundation
import FracttalCLI

// The command line lives in FracttalCLI, so that tests run it in-process; this process only lends it
// its arguments, environment, standard streams and signals, and exits with its status.
let status = await FracttalCLI.run(
    arguments: Array(CommandLine.arguments.dropFirst()),
    environment: ProcessInfo.processInfo.environment,
    streams: .standard,
    handlesSignals: true
)
exit(status)
