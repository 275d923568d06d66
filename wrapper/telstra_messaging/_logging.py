"""The `telstra_messaging` logger: silent unless the application or TELSTRA_LOG asks.

Records carry the method, the path template, the status, the attempt and the
delay; never a token, secret, phone number, message body or full URL.
"""

from __future__ import annotations

import logging
import os

LOGGER_NAME = "telstra_messaging"
_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING}


def setup_logging() -> None:
    """Add a NullHandler, and a stderr handler when TELSTRA_LOG names a level."""
    logger = logging.getLogger(LOGGER_NAME)
    logger.addHandler(logging.NullHandler())
    level = _LEVELS.get(os.environ.get("TELSTRA_LOG", "").strip().lower())
    if level is None:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s")
    )
    logger.addHandler(handler)
    logger.setLevel(level)
