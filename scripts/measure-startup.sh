#!/usr/bin/env bash
# Start-up of the installed desktop app: time from launching "Huddle Supervisor" (and "Huddle Agent") to the
# first frame of its first window, with and without class-data sharing; the median of N runs each.
#
#   mvn -B -Pinstaller package -DskipTests && scripts/measure-startup.sh [N=7]
#
# Works on three copies of the app image under target/startup/:
#   none  the launchers as built: they name Huddle's archive, which only the .deb's postinst writes, so the
#         JVM runs without any class-data sharing (also what an install gets if postinst could not write it)
#   jdk   the launchers without that option: the JDK's default CDS archive in the runtime (jlink
#         --generate-cds-archive), which is what the Windows and macOS installers use
#   app   Huddle's AppCDS archive, written exactly as the .deb's postinst writes it
# The runs take turns (none, jdk, app, none, ...) so that a change in the machine's load hits all alike.
# Each launcher runs under one Xvfb with -Dhuddle.exitAfterFirstFrame=true (JAVA_TOOL_OPTIONS), so it ends by
# itself. "First frame": FxLauncher logs the epoch time of the first pulse that lays out the first window;
# the script subtracts the time just before it started the launcher. The supervisor's first window is the
# console's window saying "Starting the demo contact center…" (logged as "first frame (starting) of"), which
# becomes the console once the embedded demo gateway has started and the supervisor has signed in: "content"
# is the first frame of the console itself. The agent's first window is its sign-in, which is its content.
# "First window mapped" is the first window of any kind the X server maps (xev on the root window, see
# scripts/first-window.sh): each desktop launcher's splash screen, drawn before the JVM runs Java.
# The JVM's CPU time up to the first frame (also logged) is reported too: on a busy machine it varies much
# less than the wall-clock time. Prints a Markdown report (machine, load, table) for docs/benchmarks.md.
#
#   mvn -B -q package -DskipTests && scripts/measure-startup.sh readme [N=5]
#
# measures the README's run command instead (read from README.md, as a newcomer pastes it) on the embedded demo:
# launch to its first window ("Starting the demo contact center…") and to the console with the live list
# filled from the stream's snapshot, with the start-up archive (target/huddle.jsa) and without it, taking
# turns, the median of N after one uncounted warm-up (which seeds the demo's data).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/first-window.sh

if [ "${1:-}" = readme ]; then
  exec scripts/measure-readme-startup.sh "${@:2}"
fi
runs=${1:-7}
image="target/installer/image/Huddle Supervisor"
[ -x "$image/bin/Huddle Supervisor" ] || { echo "no app image: run mvn -B -Pinstaller package -DskipTests" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "needs Xvfb (apt-get install xvfb)" >&2; exit 1; }
command -v xev >/dev/null || { echo "needs xev (apt-get install x11-utils)" >&2; exit 1; }

work="$PWD/target/startup"
rm -rf "$work"
mkdir -p "$work"
for variant in none jdk app; do
  cp -a "$image" "$work/$variant"
done
for cfg in "$work/jdk/lib/app/"*.cfg; do
  sed -i '/SharedArchiveFile/d' "$cfg"
done
app="$work/app"
"$app/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/lib/app/huddle.classlist" \
  -XX:SharedArchiveFile="$app/lib/app/huddle.jsa" -cp "$app/lib/app/huddle.jar" >"$work/dump.log" 2>&1
home="$work/home"
mkdir -p "$home"

exec 3< <(Xvfb -displayfd 1 -screen 0 1600x1000x24 -nolisten tcp 2>"$work/xvfb.log")
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
read -r display_number <&3
export DISPLAY=":$display_number"

# one launch of a variant's launcher; prints "<ms from launch to the first frame>/<ms of CPU the JVM used by
# then>/<ms from launch to the first frame of the content>/<ms from launch to the first window mapped>" (the
# launcher's splash screen, shown before the JVM runs Java)
launch() { # variant launcher
  local log="$work/$1-${2// /-}.log" t0 frame cpu content mapped xev
  xev=$(watch_first_map "$work/mapped" "$work")
  t0=$(date +%s%3N)
  HOME="$home" XDG_DATA_HOME="$home/data" JAVA_TOOL_OPTIONS="-Dhuddle.exitAfterFirstFrame=true" \
    timeout 300 "$work/$1/bin/$2" >"$log" 2>&1 || true
  kill "$xev" 2>/dev/null || true
  mapped=$(cat "$work/mapped" 2>/dev/null || true)
  frame=$(grep -o 'at epoch ms [0-9]*' "$log" | head -1 | awk '{print $4}')
  cpu=$(grep -o '[0-9]* ms of CPU' "$log" | head -1 | awk '{print $1}')
  content=$(grep "first frame of '" "$log" | grep -o 'at epoch ms [0-9]*' | head -1 | awk '{print $4}')
  if [ -z "$frame" ] || [ -z "$content" ] || [ -z "$mapped" ] || [ "$mapped" -gt "$frame" ]; then
    # no window mapped, or the one seen came after the first frame: xev missed the first (not listening yet)
    echo "no first frame from $1 $2:" >&2
    tail -20 "$log" >&2
    exit 1
  fi
  echo "$((frame - t0))/$cpu/$((content - t0))/$((mapped - t0))"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# warm-up, not counted: seeds the demo gateway's database (once per data directory) and fills the file cache
for variant in none jdk app; do
  launch $variant "Huddle Supervisor" >/dev/null
  launch $variant "Huddle Agent" >/dev/null
done
declare -A times
for _ in $(seq "$runs"); do
  for launcher in "Huddle Supervisor" "Huddle Agent"; do
    for variant in none jdk app; do
      times["$launcher/$variant"]+="$(launch $variant "$launcher") "
    done
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

label() {
  case $1 in
    none) echo "none (archive named, not written)" ;;
    jdk) echo "the JDK's default archive" ;;
    app) echo "Huddle's AppCDS archive" ;;
  esac
}

cat <<REPORT
Measured $(date -u +%Y-%m-%d) with \`scripts/measure-startup.sh $runs\` on the app image of \`mvn -B -Pinstaller package\`.

- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores
- Memory: $(free -h | awk '/^Mem:/ {print $2}')
- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r); display: Xvfb, JavaFX software rendering (no GPU)
- Java: $("$app/lib/runtime/bin/java" -version 2>&1 | head -1), trimmed by jlink ($(du -sh "$app/lib/runtime" | cut -f1)); AppCDS archive $(du -h "$app/lib/app/huddle.jsa" | cut -f1)
- Load average (1, 5, 15 min) before: $load_before; after: $load_after

| launcher | class-data sharing | first window mapped: median | launch → first frame: median | fastest | CPU by then: median | → content: median | all runs (ms) |
| --- | --- | --- | --- | --- | --- | --- | --- |
REPORT
for launcher in "Huddle Supervisor" "Huddle Agent"; do
  for variant in none jdk app; do
    runs_of=${times["$launcher/$variant"]% }
    walls=$(tr ' ' '\n' <<<"$runs_of" | cut -d/ -f1)
    cpus=$(tr ' ' '\n' <<<"$runs_of" | cut -d/ -f2)
    contents=$(tr ' ' '\n' <<<"$runs_of" | cut -d/ -f3)
    maps=$(tr ' ' '\n' <<<"$runs_of" | cut -d/ -f4)
    printf '| %s | %s | %s ms | %s ms | %s ms | %s ms | %s ms | %s |\n' "$launcher" "$(label $variant)" \
      "$(median <<<"$maps")" "$(median <<<"$walls")" "$(sort -n <<<"$walls" | head -1)" "$(median <<<"$cpus")" "$(median <<<"$contents")" \
      "$(tr '\n' ' ' <<<"$walls" | sed 's/ $//')"
  done
done
