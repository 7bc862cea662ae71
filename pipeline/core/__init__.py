"""What every stage shares: the article and its layers, the stage protocol, spans, pattern
helpers, the rule-file loader and the one lexicon of names."""
