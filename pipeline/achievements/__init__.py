"""Achievement records: figures tied to category, unit, target, time and who achieved them."""
