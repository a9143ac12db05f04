import Foundation
import MSPDomain
import MSPStore
