"""Organisations, people and places, with canonical names and the article's main organisation."""
