"""The output contract (pydantic models) and the record built from an article's output layers."""
