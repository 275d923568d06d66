"""Local server that implements openapi.yaml, for trying and testing the SDK.

The sandbox is a Starlette application served by uvicorn. openapi-core validates
every request against openapi.yaml. It keeps tokens, messages and replies in
memory, and it never sends a message or calls a `notifyURL`.

One port serves both servers of the spec under their real paths:

- token server: `http://127.0.0.1:PORT/v1/oauth` (`POST /v1/oauth/token`)
- messaging API: `http://127.0.0.1:PORT/v2` (`/v2/messages/sms` and so on)

Run it from a shell with `python -m telstra_messaging.sandbox --port 8080`, or
from Python:

```python
with SandboxServer() as server:  # 127.0.0.1, free port
    token = httpx.post(
        server.auth_url + "/token",
        data={
            "client_id": server.client_id,
            "client_secret": server.client_secret,
            "grant_type": "client_credentials",
            "scope": "NSMS",
        },
    ).json()["access_token"]
```

## Request handling

The module docstring of `telstra_messaging.sandbox._app` lists the order in which
the sandbox checks a request, and the first failed check sets the response.

Error bodies follow the spec's Error schema, `{"status": <int>, "code": <str>,
"message": <str>}`, except that the token operation sends OAuth 2 errors,
`{"error": ..., "error_description": ...}`. The messaging operations send these
codes:

- 400 `INVALID-REQUEST`: body not JSON, missing, wrong type or enum, payload not
  base64, empty path parameter.
- 400 `TO-MSISDN-NOT-VALID`: `to` not 1 to 10 comma-separated numbers, each E.164
  or Australian mobile `04xxxxxxxx`.
- 400 `TOO-MANY-DESTINATIONS`: `replyRequest: true` with several recipients.
- 400 `VALIDITY-NOT-VALID`: SMS `validity` outside 1 to 10080 minutes.
- 400 `FROM-MSISDN-TOO-LONG`: alphanumeric `from` longer than 11 characters.
- 400 `FROM-MSISDN-NOT-VALID`: numeric or empty `from` that is not a valid number.
- 400 `SUBJECT-TOO-LONG`: MMS `subject` longer than 64 characters.
- 400 `MMS-CONTENT-NOT-VALID`: empty `MMSContent`.
- 401 `INVALID-ACCESS-TOKEN`: bearer token missing, malformed, unknown or expired.
- 404 `RESOURCE-NOT-FOUND`: unknown path, or unknown message id on the status path
  of its kind.
- 405 `METHOD-NOT-ALLOWED`: known path, method not in openapi.yaml.
- 415 `UNSUPPORTED-MEDIA-TYPE`: Content-Type other than application/json.
- 422 `MISSING-REQUIRED-PROPERTY`: required properties missing, nothing else wrong.
- 500 `TECH-ERR`: unexpected error inside the sandbox.

The token operation sends these OAuth 2 errors:

- 400 `invalid_request`: a parameter is missing or repeated, or the body is not
  form-encoded.
- 400 `unsupported_grant_type`: `grant_type` is not client_credentials.
- 400 `invalid_scope`: `scope` is present and not NSMS.
- 401 `invalid_client`: the client id or secret is wrong.

## Messages, delivery status and replies

Sending stores one message per recipient. SMS message ids are 32 hex digits. MMS
ids look like the live service's, `/<32 hex digits>/<13 digits>`, so the
status path needs them percent-encoded (`%2F`). `numberSegments` follows the
GSM-7 and UCS-2 segment sizes described in `count_sms_segments`.

Delivery status follows the state's clock: PEND when sent, SENT after
`status_interval` seconds, and the final status after twice that. The final
status is DELIVRD, except for the recipients in `SPECIAL_RECIPIENTS`:

| recipient    | statuses                                       |
|--------------|------------------------------------------------|
| +61491570156 | PEND, SENT, UNDVBL                             |
| +61491570157 | PEND, SENT, EXPIRED                            |
| +61491570158 | PEND, SENT, REJECTED                           |
| +61491570159 | PEND, SENT, DELETED                            |
| +61491570110 | PEND, SENT, DELIVRD, READ (one interval later) |

These are mobile numbers that ACMA reserves for use in fiction, as is
`SANDBOX_NUMBER` (+61491570006), the sandbox's own number. The national forms
(`0491570156`) work too. `scheduledDelivery`, `validity` and `notifyURL` do
not change the timing.

A message sent with `replyRequest: true` that ends DELIVRD or READ gets one
reply, queued when it is delivered: from the recipient, to `SANDBOX_NUMBER`,
with `messageId` equal to the message's id. `GET /v2/messages/sms` returns the
oldest queued reply in a one-element array, with `moreMessages` set to the number
still queued after it, and `[]` when none is queued. Each reply is returned once.

## Fault injection

`SandboxState.inject(operation_id, fault, *, times=1)` queues a fault for an
operation id of openapi.yaml (`OPERATION_IDS`):

```python
state = SandboxState()
state.inject("send_sms", RespondWith.spike_arrest())       # 403 SpikeArrest
state.inject("send_sms", RespondWith.too_many_requests(retry_after=2))
state.inject("send_sms", RespondWith(503), times=2)       # Error body for 503
state.inject("send_sms", RespondWith.gateway_html(502))   # HTML, not JSON
state.inject("send_sms", AcceptThenFail(500))              # stored, then 500
state.inject("send_sms", AcceptThenDrop())    # stored, connection cut mid-body
state.inject("send_sms", AcceptThenDelay(5))  # stored, response after 5 s
state.inject("send_sms", DelayThenProcess(5))  # wait 5 s, then process
```

Faults of one operation apply in the order they were queued. `RespondWith` and
`DelayThenProcess` apply to the next request to the operation, before the token
check. The `AcceptThen...` faults apply to the next request that the sandbox
accepts with 2xx, and a fault queued behind one waits until it has applied.
`accepted_count()` is the number of messages really stored, and
`request_count(operation_id)` the number of requests that matched the
operation, whatever their outcome.

Logging goes to the `telstra_messaging.sandbox` logger: method, path template
and status of each request, and each injected fault. It never logs tokens,
secrets, phone numbers or message bodies.
"""

import importlib.util

# Fail with the install command, not a bare ModuleNotFoundError, when the
# sandbox extra is missing; this covers `python -m telstra_messaging.sandbox` too.
_MISSING = [
    name
    for name in ("starlette", "uvicorn", "openapi_core", "yaml")
    if importlib.util.find_spec(name) is None
]
if _MISSING:
    raise ImportError(
        f"the sandbox needs {', '.join(_MISSING)}; install its extra with "
        "pip install 'telstra-messaging-v2[sandbox]'",
        name=_MISSING[0],
    )

from telstra_messaging.sandbox._app import create_app  # noqa: E402
from telstra_messaging.sandbox._cli import main  # noqa: E402
from telstra_messaging.sandbox._errors import ErrorCode  # noqa: E402
from telstra_messaging.sandbox._faults import (  # noqa: E402
    AcceptThenDelay,
    AcceptThenDrop,
    AcceptThenFail,
    DelayThenProcess,
    Fault,
    RespondWith,
)
from telstra_messaging.sandbox._rules import count_sms_segments  # noqa: E402
from telstra_messaging.sandbox._server import SandboxServer  # noqa: E402
from telstra_messaging.sandbox._state import (  # noqa: E402
    OPERATION_IDS,
    SANDBOX_NUMBER,
    SPECIAL_RECIPIENTS,
    IssuedToken,
    MessageKind,
    QueuedReply,
    SandboxState,
    StatusSnapshot,
    StoredMessage,
    TokenCheck,
)

__all__ = [
    "OPERATION_IDS",
    "SANDBOX_NUMBER",
    "SPECIAL_RECIPIENTS",
    "AcceptThenDelay",
    "AcceptThenDrop",
    "AcceptThenFail",
    "DelayThenProcess",
    "ErrorCode",
    "Fault",
    "IssuedToken",
    "MessageKind",
    "QueuedReply",
    "RespondWith",
    "SandboxServer",
    "SandboxState",
    "StatusSnapshot",
    "StoredMessage",
    "TokenCheck",
    "count_sms_segments",
    "create_app",
    "main",
]
