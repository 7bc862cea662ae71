"""Inputs: decoding bytes, reading web pages and JSON Lines, and the documents they hold."""
