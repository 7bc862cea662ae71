"""Dates, months, years and periods; relative and named days; the lunar calendar."""
