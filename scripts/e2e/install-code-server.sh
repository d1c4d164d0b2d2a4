#!/usr/bin/env bash
# Installs code-server (the VS Code workbench served to a browser) into .cache/code-server,
# unless a working copy of the pinned version is already there.
#
# Why not a plain `npm install code-server`: its postinstall runs `npm install` in
# lib/vscode, where @vscode/ripgrep downloads a binary from the internet, which these
# machines cannot reach. So we install without scripts, point ripgrep at Debian's `rg`,
# and rebuild the native modules ourselves (see shared notes: real-vscode.md).
set -euo pipefail
cd "$(dirname "$0")/../.."

# 4.100.3 (Code 1.100.3) is the last release that runs on Node 20.
VERSION=4.100.3
ROOT="$PWD/.cache/code-server"
BIN="$ROOT/node_modules/.bin/code-server"

# Prints "4.100.3 <commit> with Code 1.100.3" when the install works.
# Its config and logs go under $ROOT/home, not into the home folder.
installed_version() {
    # The first run also prints where it wrote its config: pick the version line.
    XDG_CONFIG_HOME="$ROOT/home/config" XDG_DATA_HOME="$ROOT/home/data" "$BIN" --version 2>/dev/null \
        | awk '!found && $1 ~ /^[0-9]+\.[0-9]+\.[0-9]+$/ { print $1; found = 1 }' || true
}

if [ -x "$BIN" ] && [ "$(installed_version)" = "$VERSION" ]; then
    echo "code-server $VERSION is installed in $ROOT"
    exit 0
fi

echo "== installing code-server $VERSION into $ROOT (takes a few minutes the first time)"
rm -rf "$ROOT"
mkdir -p "$ROOT"
cd "$ROOT"
# A package.json of its own keeps npm from walking up into the project's.
echo '{ "name": "archsight-e2e-tools", "private": true }' > package.json

export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
# node-pty's install script calls npx, which would otherwise ask before installing.
export npm_config_yes=true

npm install "code-server@$VERSION" --ignore-scripts --no-save --loglevel=error

cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --loglevel=error
# @vscode/ripgrep's postinstall skips its download when bin/ exists.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sfn "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild --unsafe-perm --loglevel=error
# code-server's own postinstall would create these links.
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)

cd extensions
npm install --omit=dev --ignore-scripts --loglevel=error
npm rebuild --unsafe-perm --loglevel=error

cd "$ROOT"
npm rebuild argon2 --unsafe-perm --loglevel=error

if [ "$(installed_version)" != "$VERSION" ]; then
    echo "code-server did not install: '$BIN --version' printed '$(installed_version)'." >&2
    exit 1
fi
echo "code-server $VERSION installed in $ROOT"
