"""Python SDK for the Telstra Messaging API v2: send SMS and MMS, track their
delivery, and read replies.

```python
from telstra_messaging import TelstraMessaging

with TelstraMessaging(client_id="...", client_secret="...") as client:
    sent = client.send_sms(to="0400 000 000", body="Your table is ready")
    status = client.wait_for_delivery(sent.message_id)
```
"""

from . import _logging
from ._async_client import AsyncTelstraMessaging
from ._callbacks import parse_callback
from ._client import TelstraMessaging
from ._core import DEFAULT_AUTH_URL, DEFAULT_BASE_URL, DEFAULT_TIMEOUT
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    DeliveryTimeoutError,
    InternalServerError,
    InvalidInputError,
    MethodNotAllowedError,
    MethodNotImplementedError,
    NotFoundError,
    PermissionDeniedError,
    QuotaExceededError,
    RateLimitError,
    ResponseValidationError,
    ServiceUnavailableError,
    TelstraError,
    UnprocessableEntityError,
    UnsupportedMediaTypeError,
)
from ._mms import DEFAULT_MAX_MMS_BYTES, MMS_CONTENT_TYPES, MmsContent
from ._models import (
    DeliveryReceipt,
    DeliveryStatus,
    MessageStatus,
    Reply,
    SendResult,
    SentMessage,
)
from ._segments import SegmentEstimate, estimate_segments

__all__ = [
    "DEFAULT_AUTH_URL",
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_MMS_BYTES",
    "DEFAULT_TIMEOUT",
    "MMS_CONTENT_TYPES",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncTelstraMessaging",
    "AuthenticationError",
    "BadRequestError",
    "DeliveryReceipt",
    "DeliveryStatus",
    "DeliveryTimeoutError",
    "InternalServerError",
    "InvalidInputError",
    "MessageStatus",
    "MethodNotAllowedError",
    "MethodNotImplementedError",
    "MmsContent",
    "NotFoundError",
    "PermissionDeniedError",
    "QuotaExceededError",
    "RateLimitError",
    "Reply",
    "ResponseValidationError",
    "SegmentEstimate",
    "SendResult",
    "SentMessage",
    "ServiceUnavailableError",
    "TelstraError",
    "TelstraMessaging",
    "UnprocessableEntityError",
    "UnsupportedMediaTypeError",
    "estimate_segments",
    "parse_callback",
]

_logging.setup_logging()
