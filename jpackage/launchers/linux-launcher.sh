#!/bin/bash
# bin/ReliefDesk, bin/reliefdesk-cli and bin/reliefdesk-central on Linux, in place of jpackage's
# native launchers: starts the program with what jpackage wrote for the launcher of the same name
# in lib/app/<name>.cfg (from jpackage/image.args, cli-launcher.properties and
# central-launcher.properties: the options stay in one place).
# jpackage's native Linux launcher asks rpm and dpkg at every start which package owns it, to find
# its own library: half a second of every start (measured on Debian 12; README "Installers").
set -e
self=$(readlink -f "$0")
app=$(cd "$(dirname "$self")/../lib/app" && pwd)
cfg="$app/$(basename "$self").cfg"
value() { sed -n "s|^$1=||p" "$cfg" | sed "s|\\\$APPDIR|$app|g"; }
mapfile -t options < <(value java-options)
# 2-MB pages where the kernel gives them on request ("always" needs no flag, and Java 17 warns when
# it is given without them): a command fills a few hundred MB of fresh heap, and with small pages
# the page faults took 0.3 s of a first pull of the sample county (docs/benchmarks.md, "A command's start").
if grep -qs '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled; then
    options+=(-XX:+UseTransparentHugePages)
fi
exec "$app/../runtime/bin/java" "${options[@]}" -cp "$(value app.classpath)" "$(value app.mainclass)" "$@"
