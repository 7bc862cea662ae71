"""Batch runs: the run itself, the worker pool, and the manifest that makes reruns cheap."""
