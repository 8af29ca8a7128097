#!/usr/bin/env bash
# Runs the gateway's own flow tests against an edited routes folder (routes/README.md "Test a route change"):
# checks the folder first (scripts/validate-routes.sh), then runs the tests with GATEWAY_ROUTES_DIR pointing at it,
# so every test gateway loads the folder as production would (a file named like a bundled one replaces it).
#   scripts/test-routes.sh <folder> [test classes]      default: the collection flow tests
#   scripts/test-routes.sh ./my-routes 'CollectionFlowTest,IdempotencyTest,RequestValidationTest'
# Tests use PostgreSQL from SPRING_DATASOURCE_URL when set, else an embedded one.
set -euo pipefail
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 <folder of route files> [test classes, default io.mmg.gateway.collection.*Test]" >&2
  exit 2
fi
folder="$(cd "$1" && pwd)"
tests="${2:-io.mmg.gateway.collection.*Test}"
cd "$(dirname "$0")/.."
scripts/validate-routes.sh "$folder"
GATEWAY_ROUTES_DIR="$folder" exec ./mvnw -B test -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false
