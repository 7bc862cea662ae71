"""Counts, money and percentages with their qualifier and counted noun."""
