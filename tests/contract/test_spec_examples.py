"""openapi.yaml is valid, and every example in it fits its schema and the
generated models."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Any

import pytest
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate
from spec_support import load_spec

import telstra_messaging_api.models as generated_models


def test_spec_is_valid_openapi() -> None:
    """openapi-spec-validator accepts openapi.yaml."""
    validate(load_spec())


def test_spec_declares_version_3_0_3() -> None:
    """The spec is OpenAPI 3.0.3, the version every tool in the chain reads."""
    assert load_spec()["openapi"] == "3.0.3"


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        name = node["$ref"].split("/")[-1]
        section = node["$ref"].split("/")[-2]
        node = load_spec()["components"][section][name]
    return node


def _examples() -> Iterator[tuple[str, dict[str, Any], Any]]:
    """Yield (where, schema, example) for every example in the spec."""
    spec = load_spec()
    for name, schema in spec["components"]["schemas"].items():
        if "example" in schema:
            yield f"schemas.{name}", schema, schema["example"]
        for prop, prop_schema in schema.get("properties", {}).items():
            if "example" in prop_schema:
                yield f"schemas.{name}.{prop}", prop_schema, prop_schema["example"]
    for name, response in spec["components"]["responses"].items():
        for media, content in response["content"].items():
            yield f"responses.{name}.{media}", content["schema"], content["example"]
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method == "servers":
                continue
            body = operation.get("requestBody", {}).get("content", {})
            for media, content in body.items():
                where = f"{method.upper()} {path} request {media}"
                yield where, content["schema"], content["example"]
            for status, response in operation["responses"].items():
                for media, content in response.get("content", {}).items():
                    where = f"{method.upper()} {path} {status} {media}"
                    yield where, content["schema"], content["example"]


EXAMPLES = list(_examples())


def _validator(schema: dict[str, Any]) -> OAS30Validator:
    return OAS30Validator(
        _inline_refs(schema), format_checker=OAS30Validator.FORMAT_CHECKER
    )


def _inline_refs(schema: Any) -> Any:
    if isinstance(schema, dict):
        if "$ref" in schema:
            return _inline_refs(_resolve(schema))
        return {key: _inline_refs(value) for key, value in schema.items()}
    if isinstance(schema, list):
        return [_inline_refs(item) for item in schema]
    return schema


def test_spec_has_examples_everywhere() -> None:
    """Each schema, response and request body carries an example."""
    spec = load_spec()
    missing = [
        name
        for name, schema in spec["components"]["schemas"].items()
        if "example" not in schema
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("where", "schema", "example"), EXAMPLES, ids=[e[0] for e in EXAMPLES]
)
def test_example_fits_schema(where: str, schema: dict[str, Any], example: Any) -> None:
    """The example validates against the schema it illustrates."""
    errors = [error.message for error in _validator(schema).iter_errors(example)]
    assert errors == [], where


def _model_for(schema: dict[str, Any]) -> tuple[Any, bool]:
    """Return (generated class, is_array) for a schema that names a component."""
    if schema.get("type") == "array" and "$ref" in schema.get("items", {}):
        return getattr(generated_models, schema["items"]["$ref"].split("/")[-1]), True
    if "$ref" in schema:
        return getattr(generated_models, schema["$ref"].split("/")[-1]), False
    return None, False


MODEL_EXAMPLES = [
    (where, schema, example)
    for where, schema, example in EXAMPLES
    if _model_for(schema)[0] is not None
] + [
    (f"schemas.{name}", {"$ref": f"#/components/schemas/{name}"}, schema["example"])
    for name, schema in load_spec()["components"]["schemas"].items()
]


@pytest.mark.parametrize(
    ("where", "schema", "example"), MODEL_EXAMPLES, ids=[e[0] for e in MODEL_EXAMPLES]
)
def test_example_round_trips_generated_model(
    where: str, schema: dict[str, Any], example: Any
) -> None:
    """The generated model reads the example and writes it back unchanged."""
    model, is_array = _model_for(schema)
    items = example if is_array else [example]
    for item in items:
        if isinstance(model, type) and issubclass(model, enum.Enum):
            assert model(item).value == item, where
        else:
            assert model.from_dict(item).to_dict() == item, where
