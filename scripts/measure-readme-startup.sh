#!/usr/bin/env bash
# The README's run command's start on the embedded demo; see scripts/measure-startup.sh readme [N=5].
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/first-window.sh

runs=${1:-5}
[ -f target/huddle.jar ] && [ -d target/javafx ] || { echo "no target/huddle.jar: run mvn -B -q package -DskipTests" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "needs Xvfb (apt-get install xvfb)" >&2; exit 1; }
command -v xev >/dev/null || { echo "needs xev (apt-get install x11-utils)" >&2; exit 1; }
# The command after the build in README.md's "Run it" block
readme_command=$(awk '/^## Run it/ {on=1} on && /^java / {print; exit}' README.md)
[ -n "$readme_command" ] || { echo "no java command in README.md's 'Run it' block" >&2; exit 1; }
read -r -a words <<<"$readme_command"
# the same command without the start-up archive, for comparison
without=()
for w in "${words[@]}"; do
  [[ $w == -XX:SharedArchiveFile=* ]] || without+=("$w")
done

work="$PWD/target/startup-readme"
rm -rf "$work"
mkdir -p "$work/home"
exec 3< <(Xvfb -displayfd 1 -screen 0 1600x1000x24 -nolisten tcp 2>"$work/xvfb.log")
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
read -r display_number <&3
export DISPLAY=":$display_number"

# one run; prints "<ms to the first window mapped>/<ms to the console window's first frame>/<ms of CPU by then>/
# <ms to the console>/<ms of CPU by then>"
launch() { # variant: with | without
  local log="$work/$1.log" t0 mapped first content cpu1 cpu2 xev
  local -a cmd
  if [ "$1" = with ]; then cmd=("${words[@]}"); else cmd=("${without[@]}"); fi
  xev=$(watch_first_map "$work/mapped" "$work")
  t0=$(date +%s%3N)
  HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config" \
    XDG_STATE_HOME="$work/home/state" JAVA_TOOL_OPTIONS="-Dhuddle.exitAfterFirstFrame=true" \
    timeout 300 "${cmd[@]}" >"$log" 2>&1 || true
  kill "$xev" 2>/dev/null || true
  mapped=$(cat "$work/mapped" 2>/dev/null || true)
  first=$(grep 'first frame (starting)' "$log" | grep -o 'at epoch ms [0-9]*' | head -1 | awk '{print $4}')
  cpu1=$(grep 'first frame (starting)' "$log" | grep -o '[0-9]* ms of CPU' | head -1 | awk '{print $1}')
  content=$(grep "first frame of '" "$log" | grep -o 'at epoch ms [0-9]*' | head -1 | awk '{print $4}')
  cpu2=$(grep "first frame of '" "$log" | grep -o '[0-9]* ms of CPU' | head -1 | awk '{print $1}')
  if [ -z "$mapped" ] || [ -z "$first" ] || [ -z "$content" ] || [ "$mapped" -gt "$first" ]; then
    # no window mapped, or the one seen came after the first frame: xev missed the first (not listening yet)
    echo "no first window or first frame from the README's command ($1 the archive):" >&2
    tail -20 "$log" >&2
    exit 1
  fi
  echo "$((mapped - t0))/$((first - t0))/$cpu1/$((content - t0))/$cpu2"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
launch with >/dev/null # warm-up: seeds the demo's data, fills the file cache
declare -A times
for _ in $(seq "$runs"); do
  for variant in with without; do
    times[$variant]+="$(launch $variant) "
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

cat <<REPORT
Measured $(date -u +%Y-%m-%d) with \`scripts/measure-startup.sh readme $runs\`: \`$readme_command\`

- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores; display: Xvfb, JavaFX software rendering
- Java: $(java -version 2>&1 | head -1); start-up archive $(du -h target/huddle.jsa 2>/dev/null | cut -f1 || echo "missing")
- Load average (1, 5, 15 min) before: $load_before; after: $load_after

| start-up archive | first window: median | console window: median | CPU by then | live list shown: median | CPU by then | all runs: first window / console window / live list (ms) |
| --- | --- | --- | --- | --- | --- | --- |
REPORT
for variant in with without; do
  runs_of=${times[$variant]% }
  col() { tr ' ' '\n' <<<"$runs_of" | cut -d/ -f"$1"; }
  printf '| %s | %s ms | %s ms | %s ms | %s ms | %s ms | %s |\n' "$variant" "$(col 1 | median)" "$(col 2 | median)" \
    "$(col 3 | median)" "$(col 4 | median)" "$(col 5 | median)" \
    "$(tr ' ' '\n' <<<"$runs_of" | cut -d/ -f1,2,4 | tr '\n' ' ' | sed 's/ $//')"
done
cat <<'NOTE'

"First window": the first window mapped on the display, whatever it is (the launcher's splash screen when the
command has `-splash`), seen as an X event. "Console window": the first frame of the console's own window (its
"Starting the demo contact center…" view). "Live list": the first frame of the console with the stream's snapshot.
NOTE
