# shellcheck shell=bash
# Debian 12 packages Usher needs, grouped by what needs them. scripts/run and scripts/test source this
# file and call ensure_packages with the groups they need; later parts of the product add to the lists.

USHER_BUILD_PACKAGES=(
  build-essential cmake ninja-build git
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libcli11-dev
)
USHER_SERVER_PACKAGES=(
  libpqxx-dev postgresql-15 libsodium-dev libjwt-dev libspdlog-dev prometheus-cpp-dev
  curl # scripts/run waits for /health/ready
)
USHER_CLIENT_PACKAGES=(qt6-base-dev libqt6sql6-sqlite qt6-svg-dev qt6-websockets-dev qtkeychain-qt6-dev libqrencode-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev)
USHER_TEST_PACKAGES=(clang-format desktop-file-utils appstream dpkg-dev file)
# Node.js for scripts/lint-openapi (the openapi_lint test). Debian's npm package only when no npm is
# on the PATH (unquoted on purpose: no word at all otherwise): NodeSource's nodejs package bundles
# npm and conflicts with Debian's.
USHER_TEST_PACKAGES+=(nodejs $(command -v npm >/dev/null 2>&1 || echo npm))

# Installs the named packages that are not installed yet. Quiet and quick when all are present;
# runs `apt-get update` only when something has to be installed.
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi
  echo "usher: installing ${missing[*]}" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}
