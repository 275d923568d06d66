"""The Starlette application that serves openapi.yaml from a SandboxState.

Every request goes through one ASGI endpoint, which checks it in this order. The
first failed check sets the response.

1. openapi-core finds the operation in the spec: 404 for an unknown path, and 405
   with an Allow header for a known path with another method. Authentication is
   not checked for these.
2. The sandbox counts the request (`SandboxState.request_count`), and an injected
   fault that applies before processing takes effect.
3. Messaging operations need `Authorization: Bearer <token>` with a token that
   has not expired: 401 otherwise.
4. openapi-core validates the request: an unsupported Content-Type is 415, a body
   that is not JSON or does not match the schema is 400, and a body whose only
   problem is missing required properties is 422.
5. The send operations run the checks in `_rules`: 400.
6. The operation's handler builds the response.
7. When that response is 2xx, an injected fault that applies after acceptance
   takes effect.

The token operation skips step 3, and its failures in steps 4 and 6 are OAuth 2
errors (see `_auth`).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import urllib.parse
from collections.abc import Awaitable, Callable
from typing import Any

from openapi_core.templating.paths.exceptions import OperationNotFound, PathError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send

from telstra_messaging.sandbox._auth import (
    authenticate,
    get_access_token,
    validate_token_request,
)
from telstra_messaging.sandbox._errors import (
    ApiError,
    ErrorCode,
    OAuthError,
    error_body,
)
from telstra_messaging.sandbox._fault_responses import (
    TruncatedResponse,
    fault_response,
    wait_unless_disconnected,
)
from telstra_messaging.sandbox._faults import (
    AcceptThenDelay,
    AcceptThenDrop,
    AcceptThenFail,
    DelayThenProcess,
    Fault,
    RespondWith,
)
from telstra_messaging.sandbox._rules import (
    check_mms_request,
    check_sms_request,
    count_sms_segments,
)
from telstra_messaging.sandbox._spec import SandboxSpec, load_sandbox_spec
from telstra_messaging.sandbox._state import MessageKind, SandboxState, StoredMessage
from telstra_messaging.sandbox._validation import (
    SandboxOpenAPIRequest,
    api_error_for,
    request_errors,
)

logger = logging.getLogger("telstra_messaging.sandbox")

# Validation runs on the event loop at roughly 1 s per MB, so a bigger body would
# stall every other client. 10 MB leaves room for a 2 MB MMS in base64.
MAX_BODY_BYTES = 10_000_000


@dataclasses.dataclass(frozen=True)
class _Call:
    """One request matched to an operation of the spec."""

    request: Request
    openapi_request: SandboxOpenAPIRequest
    operation_id: str
    path_parameters: dict[str, str]


class _SandboxEndpoint:
    """ASGI endpoint that serves every path of the sandbox."""

    def __init__(self, state: SandboxState, spec: SandboxSpec) -> None:
        self._state = state
        self._spec = spec
        self._handlers: dict[str, Callable[[_Call], Response]] = {
            "send_sms": self._send_sms,
            "retrieve_sms_responses": self._retrieve_sms_responses,
            "get_sms_status": self._get_sms_status,
            "send_mms": self._send_mms,
            "get_mms_status": self._get_mms_status,
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        response = await self._dispatch(request, receive)
        if response is not None:
            await response(scope, receive, send)

    async def _dispatch(self, request: Request, receive: Receive) -> Response | None:
        body = await _read_body(request)
        if body is None:
            logger.info(
                "%s (body over %d bytes) -> 400", request.method, MAX_BODY_BYTES
            )
            return ApiError(
                400,
                ErrorCode.INVALID_REQUEST,
                f"the request body is over {MAX_BODY_BYTES} bytes",
            ).to_response()
        openapi_request = SandboxOpenAPIRequest(request, body)
        url = urllib.parse.urljoin(openapi_request.host_url, openapi_request.path)
        try:
            found = self._spec.path_finder.find(openapi_request.method, url)
        except PathError as error:
            unmatched = self._unmatched_response(error, url)
            logger.info(
                "%s (no matching path) -> %d", request.method, unmatched.status_code
            )
            return unmatched

        operation_id = (found.operation / "operationId").read_str()
        template = found.server_result.pattern + found.path_result.pattern
        call = _Call(
            request=request,
            openapi_request=openapi_request,
            operation_id=operation_id,
            path_parameters=dict(found.path_result.variables or {}),
        )
        self._state.record_request(operation_id)
        response = await self._respond(call, receive)
        if response is None:
            logger.info(
                "%s %s -> client closed the connection during an injected delay",
                request.method,
                template,
            )
        else:
            logger.info("%s %s -> %d", request.method, template, response.status_code)
        return response

    def _unmatched_response(self, error: PathError, url: str) -> Response:
        if isinstance(error, OperationNotFound):
            allowed = self._spec.allowed_methods(url)
            if allowed:
                return ApiError(
                    405,
                    ErrorCode.METHOD_NOT_ALLOWED,
                    f"this path does not support {error.method.upper()}; use "
                    + " or ".join(allowed),
                    headers={"Allow": ", ".join(allowed)},
                ).to_response()
        return ApiError(
            404,
            ErrorCode.RESOURCE_NOT_FOUND,
            "no operation of the Messaging API has this path",
        ).to_response()

    async def _respond(self, call: _Call, receive: Receive) -> Response | None:
        fault = self._take_fault(call.operation_id, accepted=False)
        if isinstance(fault, RespondWith):
            return fault_response(fault)
        if isinstance(fault, DelayThenProcess) and not await wait_unless_disconnected(
            receive, fault.seconds
        ):
            return None

        response = self._process(call)
        if not 200 <= response.status_code < 300:
            return response

        fault = self._take_fault(call.operation_id, accepted=True)
        if isinstance(fault, AcceptThenFail):
            return fault_response(fault)
        if isinstance(fault, AcceptThenDrop):
            return TruncatedResponse(
                response.body,
                status_code=response.status_code,
                headers=dict(response.headers),
            )
        if isinstance(fault, AcceptThenDelay) and not await wait_unless_disconnected(
            receive, fault.seconds
        ):
            return None
        return response

    def _take_fault(self, operation_id: str, *, accepted: bool) -> Fault | None:
        """Remove and return the operation's next fault for this stage, and log it."""
        fault = self._state.take_fault(operation_id, accepted=accepted)
        if fault is not None:
            logger.info("%s: injected fault %s", operation_id, type(fault).__name__)
        return fault

    def _process(self, call: _Call) -> Response:
        try:
            if call.operation_id == "get_access_token":
                validate_token_request(self._spec, call.openapi_request)
                return get_access_token(self._state, call.openapi_request)
            authenticate(self._state, call.request)
            self._validate(call)
            return self._handlers[call.operation_id](call)
        except (ApiError, OAuthError) as error:
            return error.to_response()

    def _validate(self, call: _Call) -> None:
        """Raise ApiError when openapi-core finds the request invalid."""
        errors = request_errors(self._spec, call.openapi_request)
        if errors:
            raise api_error_for(errors)

    def _send_sms(self, call: _Call) -> Response:
        request_json = _json_body(call)
        recipients = check_sms_request(request_json)
        segments = count_sms_segments(request_json["body"])
        stored = self._state.store_messages("sms", recipients, request_json)
        return self._message_sent_response(call, "SMS", stored, segments)

    def _send_mms(self, call: _Call) -> Response:
        request_json = _json_body(call)
        recipients = check_mms_request(request_json)
        stored = self._state.store_messages("mms", recipients, request_json)
        return self._message_sent_response(call, "MMS", stored, 1)

    def _message_sent_response(
        self,
        call: _Call,
        message_type: str,
        stored: list[StoredMessage],
        segments: int,
    ) -> Response:
        base_url = str(call.request.base_url).rstrip("/") + self._spec.api_base_path
        messages = []
        for message in stored:
            quoted_id = urllib.parse.quote(message.message_id, safe="")
            messages.append(
                {
                    "to": message.recipient,
                    "deliveryStatus": "MessageWaiting",
                    "messageId": message.message_id,
                    "messageStatusLink": (
                        f"{base_url}/messages/{message.kind}/{quoted_id}/status"
                    ),
                }
            )
        return JSONResponse(
            {
                "messages": messages,
                "messageType": message_type,
                "numberSegments": segments,
                "numberDestinations": len(stored),
            }
        )

    def _get_sms_status(self, call: _Call) -> Response:
        return self._status_response(call, "sms")

    def _get_mms_status(self, call: _Call) -> Response:
        return self._status_response(call, "mms")

    def _status_response(self, call: _Call, kind: MessageKind) -> Response:
        message_id = urllib.parse.unquote(call.path_parameters["messageId"])
        message = self._state.find_message(message_id)
        if message is None or message.kind != kind:
            raise ApiError(
                404,
                ErrorCode.RESOURCE_NOT_FOUND,
                f"no {kind.upper()} was sent with this message id",
            )
        status = self._state.delivery_status(message)
        body: dict[str, Any] = {"to": status.recipient}
        if status.sent_timestamp is not None:
            body["sentTimestamp"] = status.sent_timestamp
        if status.received_timestamp is not None:
            body["receivedTimestamp"] = status.received_timestamp
        body["deliveryStatus"] = status.status
        return JSONResponse(body)

    def _retrieve_sms_responses(self, call: _Call) -> Response:
        popped = self._state.pop_reply()
        if popped is None:
            return JSONResponse([])
        reply, more = popped
        return JSONResponse(
            [
                {
                    "to": reply.recipient,
                    "from": reply.sender,
                    "body": reply.body,
                    "receivedTimestamp": reply.received_timestamp,
                    "moreMessages": more,
                    "messageId": reply.message_id,
                }
            ]
        )


def _json_body(call: _Call) -> dict[str, Any]:
    # openapi-core has already parsed and validated the body as a JSON object.
    parsed: dict[str, Any] = json.loads(call.openapi_request.body or b"")
    return parsed


async def _internal_error(request: Request, error: Exception) -> Response:
    return JSONResponse(
        error_body(
            500,
            ErrorCode.TECH_ERR,
            "internal error in the sandbox; the server log has the traceback",
        ),
        status_code=500,
    )


async def _read_body(request: Request) -> bytes | None:
    """Read the request body, or return None once it passes MAX_BODY_BYTES."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(state: SandboxState | None = None) -> Starlette:
    """Create the sandbox application, serving `state` or a new default state.

    The application serves the token operation under `/v1/oauth` and the
    messaging operations under `/v2`, the paths of the spec's server URLs.
    `app.state.sandbox` is the SandboxState.
    """
    sandbox_state = state if state is not None else SandboxState()
    endpoint = _SandboxEndpoint(sandbox_state, load_sandbox_spec())
    handlers: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
        Exception: _internal_error
    }
    app = Starlette(exception_handlers=handlers)
    # Every path goes to the one endpoint, which finds the operation itself. A
    # Route("/{path:path}") would not do: its pattern misses an encoded newline
    # (%0A), and Starlette would then respond with a plain-text 404.
    app.router.default = endpoint
    app.state.sandbox = sandbox_state
    return app
