#!/usr/bin/env bash
# Runs the CLI and package tests (or the tests given as arguments) on Node 22 and 24 as well
# as on the Node that runs this script. The Node binaries come from the npm registry's
# `node-<platform>-<arch>` packages (what the `node` package installs), so this works where
# only the registry is reachable. They are kept in node_modules/.cache/archsight-node/<major>.
#   scripts/test-node-versions.sh                    # test/cli and test/package on 22 and 24
#   NODE_VERSIONS="22" scripts/test-node-versions.sh test/cli/check.test.ts
#   scripts/test-node-versions.sh --all              # every unit test (about 3 min per version)
set -euo pipefail
cd "$(dirname "$0")/.."

versions=${NODE_VERSIONS:-"22 24"}
if [[ ${1:-} == --all ]]; then tests=(); shift; else tests=("${@:-test/cli}"); [[ $# -eq 0 ]] && tests+=(test/package); fi
platform=$(node -p 'process.platform + "-" + process.arch')
status=0

for major in $versions; do
    prefix="node_modules/.cache/archsight-node/$major"
    bin="$prefix/node_modules/node-$platform/bin"
    if [[ ! -x $bin/node ]]; then
        echo "== installing Node $major (node-$platform@$major from the npm registry)"
        npm install --no-save --no-audit --no-fund --no-package-lock --prefix "$prefix" "node-$platform@$major" >/dev/null
    fi
    echo "== Node $("$bin/node" --version): ${tests[*]:-every unit test}"
    PATH="$PWD/$bin:$PATH" node node_modules/vitest/vitest.mjs run "${tests[@]}" || status=1
done
exit $status
