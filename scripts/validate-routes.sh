#!/usr/bin/env bash
# Checks a folder of route files before it is deployed (routes/README.md "Check before deploying"), without starting
# a gateway: prints file:line: message per problem and exits 1, or "N routes OK (M files)" and exits 0.
#   scripts/validate-routes.sh <folder>        e.g. scripts/validate-routes.sh routes
# Builds the gateway jar first when needed. In the Docker image:
#   docker run --rm -v "$PWD/routes:/routes" --entrypoint java <gateway image> \
#        -cp /app/gateway.jar io.mmg.gateway.routes.ValidateRoutes /routes
set -euo pipefail
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 <folder of route files>" >&2
  exit 2
fi
folder="$(cd "$1" && pwd)"
exec "$(dirname "$0")/gateway-tool.sh" io.mmg.gateway.routes.ValidateRoutes "$folder"
