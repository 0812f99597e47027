#!/usr/bin/env bash
# A private PulseAudio with a virtual speaker and a virtual microphone, for machines without a
# sound card (CI, containers). JavaSound reaches it through ALSA's "default" device
# (libasound2-plugins), so the JVM must start AFTER this script and inherit PULSE_SERVER.
#
#   eval "$(.ci/virtual-audio.sh start)"   # start (or reuse) it and export PULSE_SERVER
#   .ci/virtual-audio.sh env               # print the exports of the running instance
#   .ci/virtual-audio.sh stop              # stop it (by its recorded PID only)
#   .ci/virtual-audio.sh echo-path on|off  # the microphone hears the speaker, or no longer does
#
# Devices: sink "vspeaker" (default sink: what programs play; record it from vspeaker.monitor)
# and sink "vmic" whose monitor is the default source (play into it with `paplay -d vmic x.wav`
# and programs hear it as their microphone). Both 16 kHz mono s16le, so audio stays bit-exact.
#
# The echo path is a simulated room: a PulseAudio loopback from vspeaker's monitor into vmic,
# delayed by TURNTABLE_ECHO_DELAY_MS (default 60) and attenuated to TURNTABLE_ECHO_VOLUME (default
# 50%; PulseAudio volume is cubic, so about -18 dB): what a laptop's microphone picks up from its
# own speakers. The echo-cancellation test switches it on for its runs and off afterwards, so the
# other audio tests keep a microphone that hears only what they play into it.
#
# State lives in ${TURNTABLE_AUDIO_DIR:-/tmp/turntable-audio}: pulse.sock, pulse.pid, pulse.log,
# echo.module (the loopback's module id while the echo path is on).
# Logs go to stderr; only the export lines go to stdout.
set -euo pipefail

RUN_DIR=${TURNTABLE_AUDIO_DIR:-/tmp/turntable-audio}
SOCK=$RUN_DIR/pulse.sock
PID_FILE=$RUN_DIR/pulse.pid
LOG_FILE=$RUN_DIR/pulse.log
ECHO_MODULE_FILE=$RUN_DIR/echo.module
ECHO_DELAY_MS=${TURNTABLE_ECHO_DELAY_MS:-60}
ECHO_VOLUME=${TURNTABLE_ECHO_VOLUME:-50%}
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
  local pid=$1 tries=$((START_TIMEOUT_SECONDS * 10))
  until answering; do
    if ! kill -0 "$pid" 2>/dev/null; then
      die "pulseaudio (pid $pid) exited during start-up; its log ($LOG_FILE):
$(tail -n 20 "$LOG_FILE")"
    fi
    if (( --tries < 0 )); then
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
  local tries=50
  while kill -0 "$pid" 2>/dev/null; do
    (( --tries >= 0 )) || die "pulseaudio pid $pid did not exit within 5s after SIGTERM"
    sleep 0.1
  done
  rm -f "$PID_FILE" "$SOCK" "$ECHO_MODULE_FILE"
  log "stopped pulseaudio pid $pid"
}

echo_module() {
  [[ -f $ECHO_MODULE_FILE ]] || return 1
  local id
  id=$(<"$ECHO_MODULE_FILE")
  pactl_here list short modules | awk -v id="$id" '$1 == id && $2 == "module-loopback" { found = 1 } END { exit !found }' \
    || return 1
  echo "$id"
}

cmd_echo_on() {
  answering || die "no virtual audio answers on $SOCK; run: eval \"\$($0 start)\""
  local id
  if id=$(echo_module); then
    log "echo path already on (module $id)"
    return 0
  fi
  # adjust_time=0: both ends run on one clock, so the loopback never needs to resample; left at
  # its default it re-tunes its rate every 10 s and the room's delay jumps by 20-40 ms mid-run.
  id=$(pactl_here load-module module-loopback source=vspeaker.monitor sink=vmic \
    latency_msec="$ECHO_DELAY_MS" adjust_time=0 source_dont_move=true sink_dont_move=true)
  echo "$id" >"$ECHO_MODULE_FILE"
  local input="" tries=50
  until [[ -n $input ]]; do
    input=$(pactl_here list sink-inputs | awk -v id="$id" \
      '/^Sink Input #/ { n = substr($3, 2) } /Owner Module:/ && $3 == id { print n; exit }')
    [[ -n $input ]] && break
    (( --tries >= 0 )) || die "the echo loopback (module $id) made no sink input within 5 s"
    sleep 0.1
  done
  pactl_here set-sink-input-volume "$input" "$ECHO_VOLUME"
  log "echo path on: vspeaker -> vmic, ${ECHO_DELAY_MS} ms, volume $ECHO_VOLUME (module $id)"
}

cmd_echo_off() {
  local id
  if id=$(echo_module); then
    pactl_here unload-module "$id"
    log "echo path off (module $id unloaded)"
  fi
  rm -f "$ECHO_MODULE_FILE"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  env) cmd_env ;;
  echo-path)
    case "${2:-}" in
      on) cmd_echo_on ;;
      off) cmd_echo_off ;;
      *) die "usage: $0 echo-path on|off" ;;
    esac
    ;;
  *)
    echo "usage: $0 start|stop|env|echo-path on|off   (eval \"\$($0 start)\" exports PULSE_SERVER)" >&2
    exit 2
    ;;
esac
