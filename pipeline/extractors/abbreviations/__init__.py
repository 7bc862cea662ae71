"""Abbreviations the article defines."""
