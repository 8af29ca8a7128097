#!/usr/bin/env bash
# "Is my MTN setup right?": checks the gateway's MTN configuration end to end, one PASS/FAIL line per step
# (API user and callback host, token, balance per product; an account holder; optionally a 1 EUR sandbox
# request-to-pay). Exit code 1 when a step failed. Secrets are never printed in full. See docs/mtn.md.
#   scripts/mtn-check.sh [--base-url=URL] [--country=UG,GH] [--msisdn=NUMBER] [--request-to-pay] [--timeout=60]
exec "$(dirname "$0")/gateway-tool.sh" io.mmg.gateway.tools.MtnCheck "$@"
