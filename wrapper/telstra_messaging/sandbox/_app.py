"""The Starlette application that serves openapi.yaml from a SandboxState.

Every request goes through one ASGI endpoint, which takes these steps:

1. openapi-core finds the operation in the spec: 404 for an unknown path, 405 for a
   known path with another method.
2. The sandbox counts the request and applies any injected fault.
3. Messaging operations need a valid bearer token: 401 otherwise.
4. openapi-core validates the request: 415, 400 or 422.
5. The send operations run the checks in `_rules`: 400.
6. The operation's handler builds the response.
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
    oauth_error_for,
)

logger = logging.getLogger("telstra_messaging.sandbox")

_NO_STORE_HEADERS = {"Cache-Control": "no-store", "Pragma": "no-cache"}


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
            "get_access_token": self._get_access_token,
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
        body = await request.body()
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
        operation_id = call.operation_id
        fault = self._state.take_fault(operation_id, accepted=False)
        if isinstance(fault, RespondWith):
            logger.info("%s: injected fault %s", operation_id, type(fault).__name__)
            return fault_response(fault)
        if isinstance(fault, DelayThenProcess):
            logger.info("%s: injected fault %s", operation_id, type(fault).__name__)
            if not await wait_unless_disconnected(receive, fault.seconds):
                return None

        response = self._process(call)
        if not 200 <= response.status_code < 300:
            return response

        fault = self._state.take_fault(operation_id, accepted=True)
        if fault is not None:
            logger.info("%s: injected fault %s", operation_id, type(fault).__name__)
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

    def _process(self, call: _Call) -> Response:
        try:
            if call.operation_id == "get_access_token":
                self._validate_token_request(call)
            else:
                self._authenticate(call.request)
                self._validate(call)
            return self._handlers[call.operation_id](call)
        except ApiError as error:
            return error.to_response()
        except OAuthError as error:
            return error.to_response()

    def _authenticate(self, request: Request) -> None:
        """Raise ApiError 401 unless the request has a valid, unexpired bearer token."""
        authorization = request.headers.get("Authorization")
        if authorization is None:
            raise _unauthorized(
                "the Authorization header is missing; send 'Authorization: Bearer "
                "<access token>' with a token from POST /v1/oauth/token",
                None,
            )
        scheme, _, token = authorization.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise _unauthorized(
                "the Authorization header must be 'Bearer <access token>'",
                "invalid_request",
            )
        check = self._state.check_token(token)
        if check == "expired":
            raise _unauthorized(
                "the access token has expired; request a new one from "
                "POST /v1/oauth/token",
                "invalid_token",
            )
        if check == "unknown":
            raise _unauthorized(
                "the access token is not valid; request one from POST /v1/oauth/token",
                "invalid_token",
            )

    def _request_errors(self, call: _Call) -> list[Exception]:
        """Run openapi-core on the request; raise ApiError where it cannot.

        openapi-core raises instead of reporting for a few malformed requests: a
        Content-Type it cannot parse (ValueError), JSON nested too deep to check
        (RecursionError), and a form body that is not UTF-8 (UnicodeDecodeError).
        """
        validator = self._spec.request_validator
        try:
            return list(validator.iter_errors(call.openapi_request))
        except RecursionError:
            raise ApiError(
                400, ErrorCode.INVALID_REQUEST, "the JSON body is nested too deeply"
            ) from None
        except UnicodeDecodeError:
            raise ApiError(
                400, ErrorCode.INVALID_REQUEST, "the request body is not valid UTF-8"
            ) from None
        except ValueError:
            raise ApiError(
                415,
                ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "the Content-Type header cannot be parsed",
            ) from None

    def _validate(self, call: _Call) -> None:
        """Raise ApiError when openapi-core finds the request invalid."""
        errors = self._request_errors(call)
        if errors:
            raise api_error_for(errors)

    def _validate_token_request(self, call: _Call) -> None:
        """Raise OAuthError when the token request is invalid."""
        # openapi-core's errors decode the body as UTF-8 when turned into text.
        try:
            (call.openapi_request.body or b"").decode("utf-8")
        except UnicodeDecodeError:
            raise OAuthError(
                400, "invalid_request", "the request body is not valid UTF-8"
            ) from None
        try:
            errors = self._request_errors(call)
        except ApiError as error:
            raise OAuthError(400, "invalid_request", error.message) from None
        if errors:
            raise oauth_error_for(errors)
        text = (call.openapi_request.body or b"").decode("utf-8")
        names = [
            name for name, _ in urllib.parse.parse_qsl(text, keep_blank_values=True)
        ]
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            raise OAuthError(
                400,
                "invalid_request",
                "parameters must not repeat: " + ", ".join(repeated),
            )

    def _get_access_token(self, call: _Call) -> Response:
        body = call.openapi_request.body or b""
        form = dict(
            urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True)
        )
        client_id = form.get("client_id", "")
        client_secret = form.get("client_secret", "")
        if not self._state.check_credentials(client_id, client_secret):
            raise OAuthError(
                401,
                "invalid_client",
                "client authentication failed: unknown client_id or wrong "
                "client_secret",
            )
        issued = self._state.issue_token()
        return JSONResponse(
            {
                "access_token": issued.access_token,
                "token_type": "Bearer",
                "expires_in": issued.expires_in,
            },
            headers=_NO_STORE_HEADERS,
        )

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


def _unauthorized(message: str, oauth_error: str | None) -> ApiError:
    # RFC 6750 section 3: a 401 for a bearer-token resource carries WWW-Authenticate.
    challenge = 'Bearer realm="sandbox"'
    if oauth_error is not None:
        challenge += f', error="{oauth_error}"'
    return ApiError(
        401,
        ErrorCode.INVALID_ACCESS_TOKEN,
        message,
        headers={"WWW-Authenticate": challenge},
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
