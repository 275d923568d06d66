"""Responses and waits that carry out injected faults."""

from __future__ import annotations

import anyio
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send

from telstra_messaging.sandbox._faults import (
    AcceptThenFail,
    RespondWith,
    default_error_body,
)


class InjectedConnectionDropError(Exception):
    """Raised by AcceptThenDrop so that uvicorn closes the connection."""


class TruncatedResponse(Response):
    """A response that sends half its body and then aborts the connection."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": self.status_code,
                "headers": self.raw_headers,
            }
        )
        await send(
            {
                "type": "http.response.body",
                "body": self.body[: len(self.body) // 2],
                "more_body": True,
            }
        )
        raise InjectedConnectionDropError(
            "AcceptThenDrop fault: closing the connection in the middle of the body"
        )


async def wait_unless_disconnected(receive: Receive, seconds: float) -> bool:
    """Sleep `seconds`, and return False early if the client closes the connection.

    The request body must have been read already, so that the next ASGI message is
    the disconnect.
    """
    disconnected = False
    async with anyio.create_task_group() as group:

        async def watch_for_disconnect() -> None:
            nonlocal disconnected
            while (await receive())["type"] != "http.disconnect":
                pass
            disconnected = True
            group.cancel_scope.cancel()

        group.start_soon(watch_for_disconnect)
        await anyio.sleep(seconds)
        group.cancel_scope.cancel()
    return not disconnected


def fault_response(fault: RespondWith | AcceptThenFail) -> Response:
    """Build the response that a RespondWith or AcceptThenFail fault sends."""
    if isinstance(fault, RespondWith) and fault.content is not None:
        return Response(
            fault.content,
            status_code=fault.status,
            headers=dict(fault.headers),
            media_type=fault.content_type,
        )
    body = fault.json_body
    if body is None:
        body = default_error_body(fault.status)
    return JSONResponse(body, status_code=fault.status, headers=dict(fault.headers))
