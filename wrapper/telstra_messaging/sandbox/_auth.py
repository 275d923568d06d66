"""The token side of the sandbox: the token operation and the bearer-token check."""

from __future__ import annotations

import urllib.parse

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from telstra_messaging.sandbox._errors import ApiError, ErrorCode, OAuthError
from telstra_messaging.sandbox._spec import SandboxSpec
from telstra_messaging.sandbox._state import SandboxState
from telstra_messaging.sandbox._validation import (
    SandboxOpenAPIRequest,
    oauth_error_for,
    request_errors,
)

_NO_STORE_HEADERS = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def authenticate(state: SandboxState, request: Request) -> None:
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
    check = state.check_token(token)
    if check == "expired":
        raise _unauthorized(
            "the access token has expired; request a new one from POST /v1/oauth/token",
            "invalid_token",
        )
    if check == "unknown":
        raise _unauthorized(
            "the access token is not valid; request one from POST /v1/oauth/token",
            "invalid_token",
        )


def validate_token_request(
    spec: SandboxSpec, openapi_request: SandboxOpenAPIRequest
) -> None:
    """Raise OAuthError when the token request is invalid."""
    # openapi-core's errors decode the body as UTF-8 when turned into text.
    try:
        (openapi_request.body or b"").decode("utf-8")
    except UnicodeDecodeError:
        raise OAuthError(
            400, "invalid_request", "the request body is not valid UTF-8"
        ) from None
    try:
        errors = request_errors(spec, openapi_request)
    except ApiError as error:
        raise OAuthError(400, "invalid_request", error.message) from None
    if errors:
        raise oauth_error_for(errors)
    text = (openapi_request.body or b"").decode("utf-8")
    names = [name for name, _ in urllib.parse.parse_qsl(text, keep_blank_values=True)]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise OAuthError(
            400,
            "invalid_request",
            "parameters must not repeat: " + ", ".join(repeated),
        )


def get_access_token(
    state: SandboxState, openapi_request: SandboxOpenAPIRequest
) -> Response:
    """Issue an access token for a validated token request.

    Raises OAuthError 401 when the client id or secret is wrong.
    """
    body = openapi_request.body or b""
    form = dict(urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    client_id = form.get("client_id", "")
    client_secret = form.get("client_secret", "")
    if not state.check_credentials(client_id, client_secret):
        raise OAuthError(
            401,
            "invalid_client",
            "client authentication failed: unknown client_id or wrong client_secret",
        )
    issued = state.issue_token()
    return JSONResponse(
        {
            "access_token": issued.access_token,
            "token_type": "Bearer",
            "expires_in": issued.expires_in,
        },
        headers=_NO_STORE_HEADERS,
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
