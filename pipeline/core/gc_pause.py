"""The cyclic garbage collector paused while an article is extracted.

An article makes hundreds of thousands of small objects (matches, spans, mentions) and no
reference cycles worth collecting while it is worked on; each collection of the older
generations walks all of them, so the collector's share grows with the article (about a twentieth
of the time of a megabyte of news). Reference counting still frees everything as it goes; the
collector runs again as soon as the last extraction in the process ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_active = 0  # extractions under way in this process (threads may extract side by side)
_was_enabled = False


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block; the collector's state is restored when the last
    block that paused it ends, whatever the order in which threads leave."""
    global _active, _was_enabled
    with _lock:
        if _active == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _was_enabled:
                gc.enable()
