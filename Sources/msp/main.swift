import Foundation
import MSPCommands

exit(MSP.run(arguments: Array(CommandLine.arguments.dropFirst())))
