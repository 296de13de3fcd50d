#!/usr/bin/env bash
# Draws Huddle's launcher icons and writes them in each operating system's format:
#   linux/deb/<Launcher>.png  PNG 256x256 (jpackage --icon, the launchers' menu icons)
#   windows/<name>.ico         ICO with 16..256 px images
#   macos/<name>.icns          ICNS with PNG-encoded 128..1024 px images (ic07..ic10; readable by macOS 10.7 and later)
#   startup/splash.png          the supervisor's splash screen (java -splash:), 480x200, and splash@2x.png for a
#                               display scaled by 2: what the JVM's launcher shows before Java runs (see
#                               docs/benchmarks.md, "Start-up"); the app closes it when its window shows
#   startup/splash-agent.png    the same for the agent's launcher (and splash-agent@2x.png)
# The results are committed; run this again only to change the icons. Needs ImageMagick (convert), python3
# and the DejaVu fonts (fonts-dejavu-core).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# file name, launcher name, background, status dot
draw() {
  convert -size 1024x1024 xc:none -fill "$3" -draw "roundrectangle 32,32 991,991 192,192" \
    -fill white -font DejaVu-Sans-Bold -pointsize 660 -gravity center -annotate +0+20 "H" \
    -fill "$4" -stroke white -strokewidth 28 -draw "circle 800,224 800,124" "$tmp/$1-1024.png"
  for s in 16 32 48 64 128 256 512; do
    convert "$tmp/$1-1024.png" -resize ${s}x${s} "$tmp/$1-$s.png"
  done
  cp "$tmp/$1-256.png" "linux/deb/$2.png"
  convert "$tmp/$1-16.png" "$tmp/$1-32.png" "$tmp/$1-48.png" "$tmp/$1-64.png" "$tmp/$1-128.png" \
    "$tmp/$1-256.png" "windows/$1.ico"
  python3 - "$tmp/$1" "macos/$1.icns" <<'PY'
import struct, sys
base, out = sys.argv[1], sys.argv[2]
chunks = b""
for kind, size in ((b"ic07", 128), (b"ic08", 256), (b"ic09", 512), (b"ic10", 1024)):
    data = open(f"{base}-{size}.png", "rb").read()
    chunks += kind + struct.pack(">I", len(data) + 8) + data
open(out, "wb").write(b"icns" + struct.pack(">I", len(chunks) + 8) + chunks)
PY
}

draw huddle-supervisor 'Huddle Supervisor' '#1f5fbf' '#2ecc71'
draw huddle-agent 'Huddle Agent' '#0f7a6c' '#f39c12'

# The splash screens: the launcher's icon and what is starting, on the light theme's card colours (huddle.css
# .starting-card)
splash() { # scale, icon, subtitle, file
  local k=$1
  convert "$tmp/$2-1024.png" -resize $((96 * k))x$((96 * k)) "$tmp/splash-icon.png"
  convert -size $((480 * k))x$((200 * k)) xc:'#ffffff' -fill none -stroke '#d0d7de' -strokewidth "$k" \
    -draw "rectangle $((k / 2)),$((k / 2)) $((480 * k - 1 - k / 2)),$((200 * k - 1 - k / 2))" \
    "$tmp/splash-icon.png" -gravity northwest -geometry +$((40 * k))+$((52 * k)) -composite \
    -stroke none -fill '#1f2328' -font DejaVu-Sans-Bold -pointsize $((30 * k)) -annotate +$((160 * k))+$((56 * k)) "Huddle" \
    -fill '#1f2328' -font DejaVu-Sans -pointsize $((16 * k)) -annotate +$((160 * k))+$((100 * k)) "$3" \
    -fill '#656d76' -pointsize $((13 * k)) -annotate +$((160 * k))+$((130 * k)) "Starting…" \
    -strip "startup/$4"
}
splash 1 huddle-supervisor "Supervisor console" splash.png
splash 2 huddle-supervisor "Supervisor console" splash@2x.png
splash 1 huddle-agent "Agent" splash-agent.png
splash 2 huddle-agent "Agent" splash-agent@2x.png
