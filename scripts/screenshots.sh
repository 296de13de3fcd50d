#!/usr/bin/env bash
# The screenshot tour: opens the real console and agent windows (JavaFX on GTK) under Xvfb, drives them
# against a test gateway and saves PNGs to target/screenshots/. Installs Xvfb, GTK 3, (for the desktop
# notification) dbus-daemon and dunst, and (for the tray icon's menu) trayer and xdotool if missing.
# Extra arguments go to Maven, e.g. scripts/screenshots.sh -o (offline).
set -euo pipefail
cd "$(dirname "$0")/.."

installed() { dpkg -s "$1" >/dev/null 2>&1; }

if command -v apt-get >/dev/null 2>&1; then
  need=""
  installed xvfb || need="$need xvfb"
  installed xauth || need="$need xauth"
  # Debian 13 renamed the GTK 3 library package (64-bit time_t)
  installed libgtk-3-0 || installed libgtk-3-0t64 || need="$need GTK3"
  # the desktop notification's picture: a session bus and a real notification daemon
  # the tray icon's menu: a panel with a system tray, and xdotool to find the icon and right-click it
  for pkg in libfreetype6 libfontconfig1 fonts-dejavu-core dbus-daemon dunst trayer xdotool; do
    installed "$pkg" || need="$need $pkg"
  done
  if [ -n "$need" ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    gtk="libgtk-3-0"
    apt-cache show libgtk-3-0t64 >/dev/null 2>&1 && gtk="libgtk-3-0t64"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq ${need/GTK3/$gtk}
  fi
fi

rm -rf target/screenshots
xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B -q -Pscreenshots test "$@"
echo "Screenshots:"
ls -1 target/screenshots/*.png
