#!/usr/bin/env bash
# Writes packaging/startup/console.classlist: the classes that the README's run command loads from its start
# until 3 s after the console's first frame (on the embedded demo, on a fresh data directory). `mvn package`
# makes target/huddle.jsa from it, the class-data-sharing archive that the README's run command maps, so the
# JVM takes those classes ready-parsed and verified instead of reading them from the jar.
#
#   mvn -B -q package -DskipTests && scripts/startup-classlist.sh
#
# Run it again after a change that alters what the console loads at start (new libraries, renamed classes):
# classes the list names that no longer exist are skipped when the archive is made, and classes missing from
# the list are loaded from the jar as usual, so a stale list costs start-up time, never correctness.
# Needs Xvfb (apt-get install xvfb xauth libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/huddle.jar ] && [ -d target/javafx ] || { echo "no target/huddle.jar: run mvn -B -q package -DskipTests" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "needs Xvfb: apt-get install xvfb xauth" >&2; exit 1; }

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
list="$home/console.classlist"
HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_STATE_HOME="$home/state" \
  HUDDLE_LOG_LEVEL=WARN xvfb-run -a -s "-screen 0 1600x1000x24" \
  java -XX:DumpLoadedClassList="$list" -Dhuddle.exitAfterFirstFrame=3000 \
    -p target/javafx --add-modules javafx.controls -jar target/huddle.jar console
# The JVM's own list starts with a note saying it is generated; the first line names how it was made instead.
{
  echo "# The classes the README's run command loads until 3 s after the console's first frame."
  echo "# Written by scripts/startup-classlist.sh on $(java -version 2>&1 | head -1); see that script."
  grep -v '^#' "$list"
} > packaging/startup/console.classlist
echo "packaging/startup/console.classlist: $(grep -vc '^#' packaging/startup/console.classlist) classes"
