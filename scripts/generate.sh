#!/usr/bin/env bash
# Regenerate the low-level client from openapi.yaml.
#
#   scripts/generate.sh            replace generated/ with fresh output
#   scripts/generate.sh --check    fail, naming the files, if generated/ is stale
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
package=telstra_messaging_api
generator_bin="$root/.venv-gen/bin"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The generator's post hooks call ruff by name, so its pinned ruff goes first on PATH.
RUFF_NO_CACHE=true PATH="$generator_bin:$PATH" \
    "$generator_bin/openapi-python-client" generate \
    --path "$root/openapi.yaml" \
    --config "$root/generator-config.yml" \
    --meta none \
    --output-path "$work/$package" \
    --fail-on-warning >"$work/generator.log" 2>&1 || {
    cat "$work/generator.log" >&2
    exit 1
}
# PEP 561 marker, which the generator does not write with --meta none.
touch "$work/$package/py.typed"

if [[ "${1:-}" == "--check" ]]; then
    if ! diff -r -q -x __pycache__ "$work/$package" "$root/generated/$package" \
        >"$work/diff.txt"; then
        echo "generated/ does not match what openapi.yaml produces now:" >&2
        sed -e "s|$work/||g" -e "s|$root/||g" "$work/diff.txt" >&2
        echo "Run 'make generate' and commit the result." >&2
        exit 1
    fi
    echo "generated/ matches openapi.yaml"
    exit 0
fi

rm -rf "$root/generated/$package"
mkdir -p "$root/generated"
cp -R "$work/$package" "$root/generated/$package"
echo "generated/$package written from openapi.yaml"
