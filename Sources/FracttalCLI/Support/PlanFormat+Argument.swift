import ArgumentParser
import FracttalPlan

extension PlanFormat: ExpressibleByArgument {}
