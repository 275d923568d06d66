"""Spec, generated client and wrapper cover each other: every operation, request
property, response property and documented status has its counterpart."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import attrs
import httpx
import pytest
from spec_support import load_spec

from telstra_messaging import (
    APIStatusError,
    AsyncTelstraMessaging,
    AuthenticationError,
    BadRequestError,
    DeliveryStatus,
    InternalServerError,
    MethodNotAllowedError,
    MethodNotImplementedError,
    MmsContent,
    NotFoundError,
    PermissionDeniedError,
    ServiceUnavailableError,
    TelstraMessaging,
    UnprocessableEntityError,
    UnsupportedMediaTypeError,
)
from telstra_messaging import _models as models
from telstra_messaging import _operations as ops
from telstra_messaging._token import read_token

TOKEN_OPERATION = "get_access_token"
HELPER_METHODS = {"iter_sms_replies", "wait_for_delivery", "close"}
PNG = MmsContent.from_bytes(b"\x89PNG\r\n\x1a\n", filename="dot.png")


def _operations() -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """Yield (operation id, method, path, operation) for every operation."""
    for path, item in load_spec()["paths"].items():
        for method, operation in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                yield operation["operationId"], method, path, operation


OPERATIONS = list(_operations())
OPERATION_IDS = [operation_id for operation_id, *_ in OPERATIONS]


def _schema(ref_or_schema: dict[str, Any]) -> dict[str, Any]:
    spec = load_spec()
    while "$ref" in ref_or_schema:
        _, _, section, name = ref_or_schema["$ref"].split("/")
        ref_or_schema = spec["components"][section][name]
    return ref_or_schema


def _response(operation: dict[str, Any], status: str) -> dict[str, Any]:
    return _schema(operation["responses"][status])


# Operations in the spec


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_operation_has_generated_module(operation_id: str) -> None:
    """Each operation has a generated module with the request builder."""
    operation = next(op for op_id, _, _, op in OPERATIONS if op_id == operation_id)
    tag = operation["tags"][0].lower()
    module = importlib.import_module(f"telstra_messaging_api.api.{tag}.{operation_id}")
    assert callable(module._get_kwargs)


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_operation_has_wrapper_method(operation_id: str) -> None:
    """Each messaging operation has a method on both clients."""
    if operation_id == TOKEN_OPERATION:
        assert callable(TelstraMessaging._fetch_token)
        return
    assert operation_id in ops.METHOD_BY_OPERATION, (
        f"operation {operation_id} in openapi.yaml has no wrapper method; add one "
        "to both clients and to METHOD_BY_OPERATION"
    )
    method = ops.METHOD_BY_OPERATION[operation_id]
    assert callable(getattr(TelstraMessaging, method, None))
    assert callable(getattr(AsyncTelstraMessaging, method, None))


def test_wrapper_methods_map_to_operations() -> None:
    """Every public client method is an operation or a documented helper."""
    public = {
        name
        for name, value in vars(TelstraMessaging).items()
        if not name.startswith("_") and callable(value)
    }
    mapped = set(ops.METHOD_BY_OPERATION.values())
    assert public - HELPER_METHODS == mapped
    assert set(ops.METHOD_BY_OPERATION) <= set(OPERATION_IDS)


def test_operation_paths_match_builders() -> None:
    """Each builder's path template is its operation's path in the spec."""
    paths = {operation_id: path for operation_id, _, path, _ in OPERATIONS}
    for operation_id, build in _FULL_BUILDS.items():
        assert build().path_template == paths[operation_id], operation_id


# Request properties


_FULL_BUILDS = {
    "send_sms": lambda: ops.send_sms_operation(
        to="0400000000",
        body="hi",
        from_="ACME",
        validity=60,
        scheduled_delivery=5,
        notify_url="https://example.com/cb",
        reply_request=False,
    ),
    "send_mms": lambda: ops.send_mms_operation(
        to="0400000000",
        subject="Plan",
        content=[PNG],
        from_="ACME",
        reply_request=False,
        max_bytes=1000,
    ),
    "get_sms_status": lambda: ops.get_sms_status_operation("abc"),
    "get_mms_status": lambda: ops.get_mms_status_operation("abc"),
    "retrieve_sms_responses": ops.retrieve_sms_responses_operation,
    TOKEN_OPERATION: lambda: ops.token_operation("id", "secret", lambda: 0.0),
}


def _request_schema(operation: dict[str, Any]) -> dict[str, Any] | None:
    body = operation.get("requestBody")
    if body is None:
        return None
    (content,) = body["content"].values()
    return _schema(content["schema"])


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_request_properties_reachable(operation_id: str) -> None:
    """Every request property in the spec is set by some wrapper argument."""
    operation = next(op for op_id, _, _, op in OPERATIONS if op_id == operation_id)
    schema = _request_schema(operation)
    request = _FULL_BUILDS[operation_id]().request
    sent = request.get("json") or request.get("data") or {}
    expected = set(schema["properties"]) if schema else set()
    missing = expected - set(sent)
    assert not missing, (
        f"{operation_id}: request properties {sorted(missing)} are not reachable "
        "from any wrapper argument"
    )


def test_mms_content_properties_reachable() -> None:
    """Each MMSContent property is filled from MmsContent."""
    sent = _FULL_BUILDS["send_mms"]().request["json"]["MMSContent"][0]
    expected = set(_schema({"$ref": "#/components/schemas/MMSContent"})["properties"])
    assert set(sent) == expected


# Response properties


_READERS = {
    "MessageSentResponse": (models.read_send_result, models.SEND_RESULT_FIELDS),
    "Message": (
        lambda data: models.read_send_result(
            {"messages": [data], "messageType": "SMS"}
        ).messages[0],
        models.SENT_MESSAGE_FIELDS,
    ),
    "OutboundPollResponse": (models.read_message_status, models.MESSAGE_STATUS_FIELDS),
    "InboundPollResponse": (models.read_reply, models.REPLY_FIELDS),
}
# Token properties the SDK reads, and the one it ignores on purpose: it always
# requests scope NSMS, so the granted scope changes nothing.
_TOKEN_READ = {"access_token", "token_type", "expires_in", "expiry"}
_TOKEN_IGNORED = {"scope"}


@pytest.mark.parametrize("schema_name", sorted(_READERS))
def test_response_properties_mapped(schema_name: str) -> None:
    """Every property of a 2xx response schema has a result field."""
    properties = set(
        _schema({"$ref": f"#/components/schemas/{schema_name}"})["properties"]
    )
    _, fields = _READERS[schema_name]
    unmapped = properties - set(fields)
    assert not unmapped, (
        f"response properties {schema_name}.{sorted(unmapped)} have no wrapper "
        "result field"
    )


@pytest.mark.parametrize("schema_name", sorted(_READERS))
def test_response_example_reaches_fields(schema_name: str) -> None:
    """The schema's example, read by the wrapper, shows up on the mapped fields."""
    schema = _schema({"$ref": f"#/components/schemas/{schema_name}"})
    reader, fields = _READERS[schema_name]
    example = schema["example"]
    result = reader(example)
    assert attrs.asdict(result, recurse=False)
    for prop, field in fields.items():
        assert _same(getattr(result, field), example[prop]), (
            f"{schema_name}.{prop} does not reach the result field {field}"
        )
    assert dict(result.raw) == example


def _same(value: Any, raw: Any) -> bool:
    if isinstance(value, DeliveryStatus):
        return value is DeliveryStatus.parse(raw)
    if isinstance(value, datetime):
        return value == models.parse_timestamp(raw)
    if isinstance(value, list):
        return len(value) == len(raw)
    return bool(value == raw)


def test_token_properties_covered() -> None:
    """Every OAuthToken property is read by the token reader or ignored on purpose."""
    properties = set(_schema({"$ref": "#/components/schemas/OAuthToken"})["properties"])
    assert properties == _TOKEN_READ | _TOKEN_IGNORED
    example = _schema({"$ref": "#/components/schemas/OAuthToken"})["example"]
    token = read_token(example, now=0.0)
    assert token.value == example["access_token"]


def test_array_response_uses_reader() -> None:
    """Retrieve SMS Responses returns an array that read_replies reads whole."""
    operation = next(
        op for op_id, _, _, op in OPERATIONS if op_id == "retrieve_sms_responses"
    )
    content = _response(operation, "200")["content"]["application/json"]
    replies = models.read_replies(content["example"])
    assert len(replies) == len(content["example"])


# Documented statuses


EXPECTED_ERROR = {
    "400": BadRequestError,
    "401": AuthenticationError,
    "403": PermissionDeniedError,
    "404": NotFoundError,
    "405": MethodNotAllowedError,
    "415": UnsupportedMediaTypeError,
    "422": UnprocessableEntityError,
    "501": MethodNotImplementedError,
    "503": ServiceUnavailableError,
    "default": InternalServerError,
}
TOKEN_EXPECTED_ERROR = {
    "400": AuthenticationError,
    "401": AuthenticationError,
    "default": InternalServerError,
}
_CALLS = {
    "send_sms": lambda client: client.send_sms("0400000000", "hi"),
    "send_mms": lambda client: client.send_mms("0400000000", PNG),
    "get_sms_status": lambda client: client.get_sms_status("abc"),
    "get_mms_status": lambda client: client.get_mms_status("abc"),
    "retrieve_sms_responses": lambda client: client.retrieve_sms_replies(),
    TOKEN_OPERATION: lambda client: client.get_sms_status("abc"),
}


def _error_cases() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for operation_id, _, _, operation in OPERATIONS:
        for status, response in operation["responses"].items():
            if not status.startswith("2"):
                yield operation_id, status, _schema(response)


ERROR_CASES = list(_error_cases())


@pytest.mark.parametrize(
    ("operation_id", "status", "response"),
    ERROR_CASES,
    ids=[f"{op}-{status}" for op, status, _ in ERROR_CASES],
)
def test_documented_status_maps_to_class(
    operation_id: str, status: str, response: dict[str, Any]
) -> None:
    """Each documented error status of each operation raises its own class."""
    table = TOKEN_EXPECTED_ERROR if operation_id == TOKEN_OPERATION else EXPECTED_ERROR
    assert status in table, f"{operation_id} documents status {status} with no class"
    code = 500 if status == "default" else int(status)
    example = response["content"]["application/json"]["example"]
    is_token = operation_id == TOKEN_OPERATION

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/token") and not is_token:
            return httpx.Response(200, json={"access_token": "t", "expires_in": 60})
        return httpx.Response(code, json=example)

    transport = httpx.MockTransport(handler)
    client = TelstraMessaging("id", "secret", transport=transport, max_retries=0)
    with client, pytest.raises(APIStatusError) as caught:
        _CALLS[operation_id](client)
    assert type(caught.value) is table[status]
    assert caught.value.status_code == code
    assert caught.value.code == (example.get("code") or example.get("error"))


# Examples through the wrapper


def _operation(operation_id: str) -> dict[str, Any]:
    return next(op for op_id, _, _, op in OPERATIONS if op_id == operation_id)


def _request_example(operation_id: str) -> dict[str, Any]:
    (content,) = _operation(operation_id)["requestBody"]["content"].values()
    example: dict[str, Any] = content["example"]
    return example


_FROM_EXAMPLE = {
    "send_sms": lambda e: ops.send_sms_operation(
        to=e["to"],
        body=e["body"],
        from_=e["from"],
        validity=e["validity"],
        scheduled_delivery=e["scheduledDelivery"],
        notify_url=e["notifyURL"],
        reply_request=e["replyRequest"],
    ),
    "send_mms": lambda e: ops.send_mms_operation(
        to=e["to"],
        subject=e["subject"],
        content=[
            MmsContent(
                media_type=c["type"], filename=c["filename"], payload=c["payload"]
            )
            for c in e["MMSContent"]
        ],
        from_=e["from"],
        reply_request=e["replyRequest"],
        max_bytes=2_000_000,
    ),
    TOKEN_OPERATION: lambda e: ops.token_operation(
        e["client_id"], e["client_secret"], lambda: 0.0
    ),
}


@pytest.mark.parametrize("operation_id", sorted(_FROM_EXAMPLE))
def test_request_example_built_by_wrapper(operation_id: str) -> None:
    """The wrapper builds each documented request example exactly."""
    example = _request_example(operation_id)
    request = _FROM_EXAMPLE[operation_id](example).request
    assert (request.get("json") or request.get("data")) == example


def test_every_request_example_covered() -> None:
    """Each operation with a request body has an example-building case above."""
    with_body = {op_id for op_id, _, _, op in OPERATIONS if "requestBody" in op}
    assert with_body == set(_FROM_EXAMPLE)


_SUCCESS_EXAMPLES = [
    (operation_id, status, content["example"])
    for operation_id, _, _, operation in OPERATIONS
    for status, response in operation["responses"].items()
    if status.startswith("2")
    for content in _schema(response)["content"].values()
]


@pytest.mark.parametrize(
    ("operation_id", "status", "example"),
    _SUCCESS_EXAMPLES,
    ids=[f"{op}-{status}" for op, status, _ in _SUCCESS_EXAMPLES],
)
def test_success_example_read_by_wrapper(
    operation_id: str, status: str, example: Any
) -> None:
    """Each documented 2xx example is read by the operation's own reader."""
    result = _FULL_BUILDS[operation_id]().read(example)
    assert result is not None
    if isinstance(example, dict) and hasattr(result, "raw"):
        assert dict(result.raw) == example
