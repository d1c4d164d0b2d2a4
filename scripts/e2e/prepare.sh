#!/usr/bin/env bash
# Everything `npm run test:e2e` needs before its scenarios run: Debian packages,
# code-server, and the extension packaged the way a release packages it.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash scripts/e2e/ensure-debian-packages.sh
bash scripts/e2e/install-code-server.sh

echo "== npm run package"
# vscode:prepublish builds (generate, type-check, bundle) before vsce packs the .vsix.
npm run package --silent
