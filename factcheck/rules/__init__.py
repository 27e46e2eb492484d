"""The rule engine: rules from YAML, a registry of rule kinds, and running them over facts."""
