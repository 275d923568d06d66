"""The `telstra_messaging` logger: silent unless the application or TELSTRA_LOG
enables it.

Records carry the method, the path template, the status, the attempt and the
delay; never a token, secret, phone number, message body or full URL.
"""

from __future__ import annotations

import logging
import os
import warnings

LOGGER_NAME = "telstra_messaging"
_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING}


def setup_logging() -> None:
    """Add a NullHandler, and a stderr handler when TELSTRA_LOG names a level."""
    logger = logging.getLogger(LOGGER_NAME)
    logger.addHandler(logging.NullHandler())
    requested = os.environ.get("TELSTRA_LOG", "").strip().lower()
    level = _LEVELS.get(requested)
    if level is None:
        if requested:
            warnings.warn(
                f"TELSTRA_LOG={requested!r} is not one of {', '.join(_LEVELS)}; "
                "the SDK's logging stays off",
                stacklevel=2,
            )
        return
    handler = logging.StreamHandler()
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s")
    )
    logger.addHandler(handler)
    logger.setLevel(level)
