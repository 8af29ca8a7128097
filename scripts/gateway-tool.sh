#!/usr/bin/env bash
# Runs a command-line tool of the gateway (a main class in the gateway's jar) with the gateway's configuration:
# application.yaml overridden by the same environment variables (MTN_*, GATEWAY_*).
#   scripts/gateway-tool.sh <main class> [--option=value ...]
# Builds the jar first when it is missing or older than the sources. In the Docker image run instead:
#   java -Dloader.main=<main class> -cp /app/gateway.jar org.springframework.boot.loader.launch.PropertiesLauncher ...
set -euo pipefail
main="$1"; shift
cd "$(dirname "$0")/.."
jar=$(ls target/mobile-money-gateway-*.jar 2>/dev/null | grep -v -- '-plain' | head -n 1 || true)
if [ -z "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building the gateway jar (./mvnw package)..." >&2
  ./mvnw -q -B -DskipTests package >&2
  jar=$(ls target/mobile-money-gateway-*.jar | grep -v -- '-plain' | head -n 1)
fi
exec java -Dloader.main="$main" -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
