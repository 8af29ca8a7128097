#!/usr/bin/env bash
# Creates an MTN MoMo sandbox API user and API key per product (docs/providers.md#mtn-sandbox-provisioning) and prints the
# environment variables to set (standard output; progress on standard error). See docs/mtn.md.
#   scripts/mtn-provision.sh [--base-url=https://sandbox.momodeveloper.mtn.com] [--callback-host=HOST]
#                            [--product=collection,disbursement,remittance]  >> .env
# Needs MTN_<PRODUCT>_SUBSCRIPTION_KEY (from momodeveloper.mtn.com); without --base-url it provisions the
# gateway's own simulator (gateway.mtn.base-url, else http://localhost:$GATEWAY_PORT/sandbox/mtn).
exec "$(dirname "$0")/gateway-tool.sh" io.mmg.gateway.tools.MtnProvision "$@"
