# Sourced by the start-up measurements. watch_first_map FILE DIR: writes to FILE the epoch ms at which the next
# window is mapped on $DISPLAY, whatever window it is (xev on the root window: an X event, no polling, so the
# measurement costs the app nothing), by a reader in the background; DIR holds its pipe. Prints xev's pid: kill it
# after the run. Needs xev (x11-utils).
watch_first_map() {
  local fifo="$2/xev.fifo"
  rm -f "$1" "$fifo"
  mkfifo "$fifo"
  stdbuf -oL xev -root -event substructure >"$fifo" 2>/dev/null &
  local xev=$!
  (
    while read -r line; do
      case $line in MapNotify*) date +%s%3N >"$1"; break ;; esac
    done
    cat >/dev/null # drains xev until it is stopped
  ) <"$fifo" >/dev/null &
  sleep 0.2 # xev has selected the events before the launch; the callers check that what it saw came first
  echo "$xev"
}

