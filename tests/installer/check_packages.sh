#!/usr/bin/env bash
# Builds the packages of a build tree with CPack and checks what they hold: usher-boxoffice.deb
# (the app, its desktop entry, AppStream metainfo and hicolor icons), usher-server.deb (the
# server, its systemd unit starting /usr/bin/usher-server, the settings example, the maintainer
# scripts and the dependency on PostgreSQL) and one TGZ of both.
# Usage: check_packages.sh <build dir> <output dir>
set -euo pipefail
build=$1
out=$2
rm -rf "$out"
(cd "$build" && cpack -G "DEB;TGZ" -B "$out" >"$out.log" 2>&1) || { cat "$out.log"; exit 1; }

fail() { echo "check_packages: $*" >&2; exit 1; }
contents() { dpkg-deb -c "$1" | awk '{print $6}'; }
has() { grep -qxF "$2" <<<"$1" || fail "$3 lacks $2"; }

app=$(ls "$out"/usher-boxoffice_*_amd64.deb) || fail "no usher-boxoffice package"
server=$(ls "$out"/usher-server_*_amd64.deb) || fail "no usher-server package"
archive=$(ls "$out"/usher-*-Linux.tar.gz) || fail "no TGZ"

files=$(contents "$app")
for path in ./usr/bin/usher-boxoffice ./usr/share/applications/usher-boxoffice.desktop \
            ./usr/share/metainfo/dev.usher.BoxOffice.metainfo.xml \
            ./usr/share/icons/hicolor/scalable/apps/usher-boxoffice.svg; do
    has "$files" "$path" usher-boxoffice
done
for size in 16 24 32 48 64 128 256; do
    has "$files" "./usr/share/icons/hicolor/${size}x${size}/apps/usher-boxoffice.png" usher-boxoffice
done
grep -q 'libqt6widgets6' <<<"$(dpkg-deb -f "$app" Depends)" || fail "usher-boxoffice does not depend on Qt"

files=$(contents "$server")
for path in ./usr/bin/usher-server ./usr/lib/systemd/system/usher-server.service \
            ./usr/share/doc/usher-server/usher-server.env.example; do
    has "$files" "$path" usher-server
done
grep -q 'postgresql-15' <<<"$(dpkg-deb -f "$server" Depends)" || fail "usher-server does not depend on postgresql-15"
# Read whole before grep: with pipefail, grep -q stopping early could fail the pipe (SIGPIPE).
unit=$(dpkg-deb --fsys-tarfile "$server" | tar -xO ./usr/lib/systemd/system/usher-server.service)
grep -qx 'ExecStart=/usr/bin/usher-server' <<<"$unit" || fail "the packaged unit does not start /usr/bin/usher-server"
control=$(mktemp -d)
dpkg-deb -e "$server" "$control"
[ -x "$control/postinst" ] && [ -x "$control/postrm" ] || fail "usher-server lacks its maintainer scripts"
sh -n "$control/postinst" && sh -n "$control/postrm"
rm -rf "$control"

listing=$(tar tzf "$archive")
for path in usr/bin/usher-boxoffice usr/bin/usher-server; do
    grep -q "/$path\$" <<<"$listing" || fail "the TGZ lacks $path"
done
echo "check_packages: $(basename "$app"), $(basename "$server"), $(basename "$archive") are complete"
