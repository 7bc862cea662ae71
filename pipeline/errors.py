"""The one error type the library raises for an input it cannot use."""

from __future__ import annotations


class ArticleError(ValueError):
    """An input that cannot become a record; `file` names it and `reason` says why."""

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason
