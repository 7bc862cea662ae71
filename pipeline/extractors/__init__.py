"""Rule-based extractors, one folder each with its rules, its data and its corpus of examples."""
