"""Union achievements from Vietnamese trade-union news, as validated JSON records.

from pipeline import extract
record = extract(text, source="corpus/a.txt", published="2017-02-02")
record.model_dump(mode="json")
"""

__version__ = "0.3.0"

from .api import extract, extract_file, extract_paths
from .errors import ArticleError
from .output.models import ArticleRecord, ErrorResult
from .parse import Parsed, parse

__all__ = [
    "ArticleError",
    "ArticleRecord",
    "ErrorResult",
    "Parsed",
    "__version__",
    "extract",
    "extract_file",
    "extract_paths",
    "parse",
]
