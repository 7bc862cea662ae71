"""For people: records as rows (CSV, Excel, JSON Lines), totals per organisation, category and
year, and a static HTML report that shows where every figure came from."""
