"""Request validation by openapi-core and the send checks of the sandbox."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from telstra_messaging.sandbox import SandboxState

from .support import PNG_PAYLOAD, mms, sms


def test_unsupported_media_type(api: httpx.Client) -> None:
    """A body that is not application/json is 415."""
    headers = {"Content-Type": "text/plain"}
    response = api.post("/messages/sms", content=b"hello", headers=headers)
    assert response.status_code == 415
    assert response.json()["code"] == "UNSUPPORTED-MEDIA-TYPE"


def test_json_with_charset(api: httpx.Client) -> None:
    """application/json with a charset parameter is accepted."""
    headers = {"Content-Type": "application/json; charset=utf-8"}
    content = b'{"to": "0412345678", "body": "hi"}'
    response = api.post("/messages/sms", content=content, headers=headers)
    assert response.status_code == 200


def test_body_not_json(api: httpx.Client) -> None:
    """A body that does not parse as JSON is 400."""
    headers = {"Content-Type": "application/json"}
    response = api.post("/messages/sms", content=b'{"to": ', headers=headers)
    assert response.status_code == 400
    assert response.json()["code"] == "INVALID-REQUEST"


def test_body_missing(api: httpx.Client) -> None:
    """A send without a body is 400."""
    headers = {"Content-Type": "application/json"}
    response = api.post("/messages/sms", content=b"", headers=headers)
    assert response.status_code == 400
    assert response.json()["code"] == "INVALID-REQUEST"


def test_body_not_object(api: httpx.Client) -> None:
    """A JSON array in place of the request object is 400."""
    response = api.post("/messages/sms", json=[sms()])
    assert response.status_code == 400
    assert response.json()["code"] == "INVALID-REQUEST"


def test_property_wrong_type(api: httpx.Client) -> None:
    """A property of the wrong type is 400 and names the property."""
    response = api.post("/messages/sms", json=sms(validity="60"))
    assert response.status_code == 400
    assert response.json()["code"] == "INVALID-REQUEST"
    assert response.json()["message"].startswith("validity:")


def test_required_property_missing(api: httpx.Client) -> None:
    """A missing required property is 422."""
    response = api.post("/messages/sms", json={"to": "0412345678"})
    assert response.status_code == 422
    assert response.json()["code"] == "MISSING-REQUIRED-PROPERTY"
    assert "'body'" in response.json()["message"]


def test_mms_required_missing(api: httpx.Client) -> None:
    """An MMS without subject and content is 422 naming both."""
    response = api.post("/messages/mms", json={"to": "0412345678"})
    assert response.status_code == 422
    assert "'subject'" in response.json()["message"]
    assert "'MMSContent'" in response.json()["message"]


def test_wrong_type_beats_missing(api: httpx.Client) -> None:
    """A body both incomplete and mistyped is 400, not 422."""
    response = api.post("/messages/sms", json={"to": 61412345678})
    assert response.status_code == 400


def test_mms_content_type_enum(api: httpx.Client) -> None:
    """An MMS content type outside the spec's list is 400."""
    body = mms()
    body["MMSContent"][0]["type"] = "application/pdf"
    response = api.post("/messages/mms", json=body)
    assert response.status_code == 400
    assert response.json()["message"].startswith("MMSContent/0/type:")


@pytest.mark.parametrize("payload", ["not base64!", "aGk", PNG_PAYLOAD + "\n"])
def test_mms_payload_not_base64(api: httpx.Client, payload: str) -> None:
    """An MMS payload that is not strict base64 is 400."""
    body = mms()
    body["MMSContent"][0]["payload"] = payload
    response = api.post("/messages/mms", json=body)
    assert response.status_code == 400
    assert response.json()["message"].startswith("MMSContent/0/payload:")


def test_mms_payload_non_ascii(raw_api: httpx.Client) -> None:
    """A non-ASCII MMS payload is 400 like any other invalid base64."""
    body = mms()
    body["MMSContent"][0]["payload"] = "é"
    response = raw_api.post("/messages/mms", json=body)
    assert response.status_code == 400


def test_empty_message_id(api: httpx.Client) -> None:
    """An empty messageId path parameter is 400."""
    response = api.get("/messages/sms//status")
    assert response.status_code == 400
    assert response.json()["code"] == "INVALID-REQUEST"


@pytest.mark.parametrize(
    "to",
    [
        "",
        "12345",
        "0512345678",
        "041234567",
        "04123456789",
        "+0412345678",
        "+1234567",
        "+1234567890123456",
        "+61 412 345 678",
        "61412345678",
        "0412345678,",
        "0412345678;0412345679",
    ],
)
def test_recipient_not_valid(api: httpx.Client, to: str) -> None:
    """A recipient outside E.164 and Australian mobile form is TO-MSISDN-NOT-VALID."""
    response = api.post("/messages/sms", json=sms(to=to))
    assert response.status_code == 400
    assert response.json()["code"] == "TO-MSISDN-NOT-VALID"


@pytest.mark.parametrize(
    ("to", "expected"),
    [
        ("0412345678", "+61412345678"),
        ("+61412345678", "+61412345678"),
        ("+12345678", "+12345678"),
        ("+123456789012345", "+123456789012345"),
        (" 0412345678 ", "+61412345678"),
    ],
)
def test_recipient_valid(api: httpx.Client, to: str, expected: str) -> None:
    """Accepted recipients are returned in E.164 form."""
    response = api.post("/messages/sms", json=sms(to=to))
    assert response.status_code == 200
    assert response.json()["messages"][0]["to"] == expected


def test_ten_recipients_allowed(api: httpx.Client) -> None:
    """Ten recipients in one request are accepted."""
    to = ",".join(f"04123456{index:02d}" for index in range(10))
    response = api.post("/messages/sms", json=sms(to=to))
    assert response.status_code == 200
    assert response.json()["numberDestinations"] == 10


def test_eleven_recipients_rejected(api: httpx.Client, state: SandboxState) -> None:
    """Eleven recipients are TO-MSISDN-NOT-VALID and nothing is stored."""
    to = ",".join(f"04123456{index:02d}" for index in range(11))
    response = api.post("/messages/sms", json=sms(to=to))
    assert response.status_code == 400
    assert response.json()["code"] == "TO-MSISDN-NOT-VALID"
    assert state.accepted_count() == 0


@pytest.mark.parametrize("path", ["/messages/sms", "/messages/mms"])
def test_reply_request_one_recipient(api: httpx.Client, path: str) -> None:
    """replyRequest with two recipients is TOO-MANY-DESTINATIONS."""
    factory = sms if path.endswith("sms") else mms
    body = factory(to="0412345678,0412345679", replyRequest=True)
    response = api.post(path, json=body)
    assert response.status_code == 400
    assert response.json()["code"] == "TOO-MANY-DESTINATIONS"


def test_reply_request_false_many(api: httpx.Client) -> None:
    """replyRequest false allows several recipients."""
    body = sms(to="0412345678,0412345679", replyRequest=False)
    response = api.post("/messages/sms", json=body)
    assert response.status_code == 200


@pytest.mark.parametrize("validity", [0, -5, 10081])
def test_validity_out_of_range(api: httpx.Client, validity: int) -> None:
    """validity outside 1 to 10080 minutes is VALIDITY-NOT-VALID."""
    response = api.post("/messages/sms", json=sms(validity=validity))
    assert response.status_code == 400
    assert response.json()["code"] == "VALIDITY-NOT-VALID"


@pytest.mark.parametrize("validity", [1, 10080])
def test_validity_bounds_accepted(api: httpx.Client, validity: int) -> None:
    """validity of 1 and 10080 minutes is accepted."""
    response = api.post("/messages/sms", json=sms(validity=validity))
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("sender", "code"),
    [
        ("Restaurant1", None),
        ("Restaurant12", "FROM-MSISDN-TOO-LONG"),
        ("+61412345678", None),
        ("0412345678", None),
        ("12345", "FROM-MSISDN-NOT-VALID"),
        ("+6141234567890123", "FROM-MSISDN-NOT-VALID"),
        ("", "FROM-MSISDN-NOT-VALID"),
    ],
)
def test_sender_rules(api: httpx.Client, sender: str, code: str | None) -> None:
    """from is a valid number or an alphanumeric id of at most 11 characters."""
    response = api.post("/messages/sms", json=sms(**{"from": sender}))
    expected_status = 200 if code is None else 400
    assert response.status_code == expected_status
    assert response.json().get("code") == code


def test_mms_sender_checked(api: httpx.Client) -> None:
    """The from rules apply to MMS too."""
    response = api.post("/messages/mms", json=mms(**{"from": "Restaurant12"}))
    assert response.json()["code"] == "FROM-MSISDN-TOO-LONG"


@pytest.mark.parametrize(("length", "status"), [(64, 200), (65, 400)])
def test_mms_subject_length(api: httpx.Client, length: int, status: int) -> None:
    """An MMS subject may have at most 64 characters."""
    response = api.post("/messages/mms", json=mms(subject="s" * length))
    assert response.status_code == status


def test_mms_subject_code(api: httpx.Client) -> None:
    """A long MMS subject is SUBJECT-TOO-LONG."""
    response = api.post("/messages/mms", json=mms(subject="s" * 65))
    assert response.json()["code"] == "SUBJECT-TOO-LONG"


def test_mms_content_empty(api: httpx.Client) -> None:
    """An MMS without content items is MMS-CONTENT-NOT-VALID."""
    body: dict[str, Any] = mms()
    body["MMSContent"] = []
    response = api.post("/messages/mms", json=body)
    assert response.status_code == 400
    assert response.json()["code"] == "MMS-CONTENT-NOT-VALID"


def test_rejections_store_nothing(api: httpx.Client, state: SandboxState) -> None:
    """Rejected sends store no message."""
    api.post("/messages/sms", json=sms(to="123"))
    api.post("/messages/sms", json={"to": "0412345678"})
    api.post("/messages/mms", json=mms(subject="s" * 65))
    assert state.accepted_count() == 0
