#!/usr/bin/env bash
# A private PulseAudio with a virtual speaker and a virtual microphone, for machines without a
# sound card (CI, containers). JavaSound reaches it through ALSA's "default" device
# (libasound2-plugins), so the JVM must start AFTER this script and inherit PULSE_SERVER.
#
#   eval "$(.ci/virtual-audio.sh start)"   # start (or reuse) it and export PULSE_SERVER
#   .ci/virtual-audio.sh env               # print the exports of the running instance
#   .ci/virtual-audio.sh stop              # stop it (by its recorded PID only)
#
# Devices: sink "vspeaker" (default sink: what programs play; record it from vspeaker.monitor)
# and sink "vmic" whose monitor is the default source (play into it with `paplay -d vmic x.wav`
# and programs hear it as their microphone). Both 16 kHz mono s16le, so audio stays bit-exact.
#
# State lives in ${TURNTABLE_AUDIO_DIR:-/tmp/turntable-audio}: pulse.sock, pulse.pid, pulse.log.
# Logs go to stderr; only the export lines go to stdout.
set -euo pipefail

RUN_DIR=${TURNTABLE_AUDIO_DIR:-/tmp/turntable-audio}
SOCK=$RUN_DIR/pulse.sock
PID_FILE=$RUN_DIR/pulse.pid
LOG_FILE=$RUN_DIR/pulse.log
START_TIMEOUT_SECONDS=${TURNTABLE_AUDIO_START_TIMEOUT:-10}
PACKAGES=(pulseaudio pulseaudio-utils libasound2-plugins sox espeak-ng)

log() { echo "virtual-audio: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Every pactl call below talks to our server, whatever the caller's environment says.
pactl_here() { PULSE_SERVER="unix:$SOCK" pactl "$@"; }
answering() { pactl_here info >/dev/null 2>&1; }

recorded_pid() {
  [[ -f $PID_FILE ]] || return 1
  local pid
  pid=$(<"$PID_FILE")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  # A PID can be reused after a reboot or crash: only trust it if it is still a pulseaudio.
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == pulseaudio ]] || return 1
  echo "$pid"
}

missing_packages() {
  local missing=()
  command -v pulseaudio >/dev/null || missing+=(pulseaudio)
  command -v pactl >/dev/null && command -v paplay >/dev/null && command -v parecord >/dev/null \
    || missing+=(pulseaudio-utils)
  dpkg -s libasound2-plugins >/dev/null 2>&1 || missing+=(libasound2-plugins)
  command -v sox >/dev/null || missing+=(sox)
  command -v espeak-ng >/dev/null || missing+=(espeak-ng)
  echo "${missing[@]}"
}

ensure_packages() {
  local missing
  missing=$(missing_packages)
  [[ -z $missing ]] && return 0
  if [[ $(id -u) -ne 0 ]]; then
    die "missing packages: $missing. Install them as root:
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${PACKAGES[*]}"
  fi
  log "installing $missing"
  apt-get update >&2
  # shellcheck disable=SC2086 # word splitting of the package list is intended
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing >&2
}

print_exports() {
  echo "export PULSE_SERVER=unix:$SOCK"
  echo "export TURNTABLE_AUDIO_DIR=$RUN_DIR"
}

launch_daemon() {
  rm -f "$SOCK"
  # norewinds=1: without it the first 0.2-0.6 s of every playback stream never reaches the
  # monitor. -n: load no default.pa, only the modules named here. No idle exit, no realtime.
  pulseaudio --daemonize=no --exit-idle-time=-1 -n --use-pid-file=no \
    --realtime=no --high-priority=no --log-target=stderr \
    --load="module-native-protocol-unix socket=$SOCK auth-anonymous=1" \
    --load="module-null-sink sink_name=vspeaker rate=16000 channels=1 format=s16le norewinds=1" \
    --load="module-null-sink sink_name=vmic rate=16000 channels=1 format=s16le norewinds=1" \
    </dev/null >"$LOG_FILE" 2>&1 &
  echo $! >"$PID_FILE"
}

await_answer() {
  local pid=$1 deadline=$((SECONDS + START_TIMEOUT_SECONDS))
  until answering; do
    if ! kill -0 "$pid" 2>/dev/null; then
      die "pulseaudio (pid $pid) exited during start-up; its log ($LOG_FILE):
$(tail -n 20 "$LOG_FILE")"
    fi
    if ((SECONDS >= deadline)); then
      kill "$pid" 2>/dev/null || true
      die "pulseaudio (pid $pid) did not answer on $SOCK within ${START_TIMEOUT_SECONDS}s; log: $LOG_FILE"
    fi
    sleep 0.1
  done
}

cmd_start() {
  ensure_packages
  mkdir -p "$RUN_DIR"
  chmod 700 "$RUN_DIR"
  if answering; then
    log "already running on $SOCK (pid $(recorded_pid || echo unknown))"
  else
    local stale
    if stale=$(recorded_pid); then
      log "pulseaudio pid $stale is not answering on $SOCK; stopping it"
      kill "$stale" 2>/dev/null || true
    fi
    launch_daemon
    await_answer "$(<"$PID_FILE")"
    log "started pulseaudio pid $(<"$PID_FILE") on $SOCK"
  fi
  pactl_here set-default-sink vspeaker
  pactl_here set-default-source vmic.monitor
  print_exports
}

cmd_env() {
  answering || die "no virtual audio answers on $SOCK; run: eval \"\$($0 start)\""
  print_exports
}

cmd_stop() {
  local pid
  if ! pid=$(recorded_pid); then
    log "not running (no live pulseaudio recorded in $PID_FILE)"
    rm -f "$PID_FILE"
    return 0
  fi
  kill "$pid"
  local deadline=$((SECONDS + 5))
  while kill -0 "$pid" 2>/dev/null; do
    ((SECONDS < deadline)) || die "pulseaudio pid $pid did not exit within 5s after SIGTERM"
    sleep 0.1
  done
  rm -f "$PID_FILE" "$SOCK"
  log "stopped pulseaudio pid $pid"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  env) cmd_env ;;
  *)
    echo "usage: $0 start|stop|env   (eval \"\$($0 start)\" exports PULSE_SERVER)" >&2
    exit 2
    ;;
esac
