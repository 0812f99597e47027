#!/usr/bin/env bash
# Docker for the container tests on a machine with no image registry (CI), idempotent:
#   1. install docker.io from Debian's packages (+ busybox-static, lame, espeak-ng) if missing
#   2. start dockerd in the background if the Engine API does not answer
#   3. build the local JRE 17 base image if it is missing: nothing is ever pulled
#
#   .ci/docker.sh           # set up (as root); prints the environment the tests need, eval-able
#   .ci/docker.sh stop      # stop ONLY a dockerd this script started (by its recorded PID)
#
# The base image is the host's JDK 17 cut down by jlink, the shared libraries it links, busybox
# (Testcontainers' port wait runs a shell in the container), and the system programs the stubs
# use when present: lame (mp3_* output formats) and espeak-ng (speech). Users build the image
# FROM a public JRE instead (harness/src/main/docker/Dockerfile).
# Logs go to stderr; only export lines go to stdout.
set -euo pipefail

BASE_IMAGE=${TURNTABLE_BASE_IMAGE:-local/turntable-jre17:1}
JDK=${JDK:-/usr/lib/jvm/java-17-openjdk-amd64}
STATE_DIR=${TURNTABLE_DOCKER_DIR:-/var/lib/turntable-docker}
READY_TIMEOUT=${TURNTABLE_DOCKER_TIMEOUT:-60}
# overlay2 starts containers about 3x faster than vfs; vfs works on any filesystem.
STORAGE_DRIVER=${TURNTABLE_DOCKER_STORAGE:-overlay2}
export DOCKER_HOST=unix:///var/run/docker.sock
export DEBIAN_FRONTEND=noninteractive

log() { printf 'docker-setup %s: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}'; }
ready() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }
alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

[[ $(id -u) == 0 ]] || die "must run as root (installs packages, starts dockerd)"
mkdir -p "$STATE_DIR"

if [[ ${1:-} == stop ]]; then
  pid=$(cat "$STATE_DIR/dockerd.pid" 2>/dev/null || true)
  if alive "$pid" && grep -qa dockerd "/proc/$pid/cmdline"; then
    log "stopping dockerd $pid"
    kill -TERM "$pid"
    for _ in $(seq 1 60); do alive "$pid" || break; sleep 0.5; done
  fi
  rm -f "$STATE_DIR/dockerd.pid"
  exit 0
fi

exec 9>"$STATE_DIR/lock"
flock -w 600 9 || die "another docker setup holds $STATE_DIR/lock"

# ---- 1. packages
t=$(date +%s.%N)
pkgs=()
command -v dockerd >/dev/null || pkgs+=(docker.io)
command -v iptables >/dev/null || pkgs+=(iptables)
[[ -x /bin/busybox ]] || pkgs+=(busybox-static)
command -v lame >/dev/null || pkgs+=(lame)
command -v espeak-ng >/dev/null || pkgs+=(espeak-ng)
[[ -x $JDK/bin/jlink && -d $JDK/jmods ]] || pkgs+=(openjdk-17-jdk-headless)
if ((${#pkgs[@]})); then
  log "installing ${pkgs[*]}"
  apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${pkgs[@]}" >&2
  log "installed in $(since "$t") s"
fi

# ---- 2. engine
# Waits until the API answers; fails early if process $1 (when given) exits.
await_engine() {
  local deadline=$(($(date +%s) + READY_TIMEOUT))
  until ready; do
    if (($(date +%s) >= deadline)) || { [[ -n ${1:-} ]] && ! alive "$1"; }; then
      return 1
    fi
    sleep 0.2
  done
}

# Closes every file descriptor above 2 of the current (sub)shell.
close_inherited_fds() {
  local fd
  for fd in /proc/"$BASHPID"/fd/*; do
    fd=${fd##*/}
    if ((fd > 2)); then eval "exec $fd>&-"; fi
  done
}

start_engine() { # $1: storage driver
  rm -f /var/run/docker.pid
  log "starting dockerd --storage-driver=$1 (log: $STATE_DIR/dockerd.log)"
  # setsid + nohup: the daemon outlives this script, so it must keep none of our open files:
  # neither our lock (9) nor one the caller holds, as in `flock /work/mvn.lock .ci/run`, which
  # dockerd would otherwise hold until it stops.
  (close_inherited_fds; exec setsid nohup dockerd --storage-driver="$1" >>"$STATE_DIR/dockerd.log" 2>&1 </dev/null) &
  echo $! >"$STATE_DIR/dockerd.pid"
  await_engine "$!"
}

t=$(date +%s.%N)
if ! ready; then
  pid=$(cat /var/run/docker.pid 2>/dev/null || true)
  if alive "$pid"; then
    log "dockerd $pid is starting; waiting for it"
    await_engine "$pid" || die "dockerd $pid did not answer within ${READY_TIMEOUT} s"
  elif ! start_engine "$STORAGE_DRIVER"; then
    tail -n 15 "$STATE_DIR/dockerd.log" >&2 || true
    [[ $STORAGE_DRIVER == vfs ]] && die "the Docker engine did not come up within ${READY_TIMEOUT} s"
    # overlay2 needs a kernel and a backing filesystem that allow it; vfs works anywhere.
    kill "$(cat "$STATE_DIR/dockerd.pid")" 2>/dev/null || true
    sleep 1
    log "dockerd with $STORAGE_DRIVER failed; trying vfs"
    start_engine vfs || { tail -n 30 "$STATE_DIR/dockerd.log" >&2 || true; die "the Docker engine did not come up"; }
  fi
  log "dockerd ready in $(since "$t") s ($(docker version --format 'engine {{.Server.Version}}, API {{.Server.APIVersion}}'))"
fi

# ---- 3. base image
copy_with_libs() { # copies each file and every shared library it links into rootfs $1
  local root=$1; shift
  for f in "$@"; do cp -L --parents "$f" "$root"; done
  ldd "$@" 2>/dev/null | awk '/=> \//{print $3} /^[[:space:]]*\/lib64\//{print $1}' | sort -u \
    | while read -r lib; do cp -L --parents "$lib" "$root"; done
}

build_base() {
  local w r f target
  w=$(mktemp -d -t turntable-base.XXXXXX); r=$w/rootfs; mkdir -p "$r"
  "$JDK/bin/jlink" --module-path "$JDK/jmods" \
    --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.scripting,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.management,jdk.net,jdk.unsupported,jdk.zipfs \
    --strip-debug --no-man-pages --no-header-files --compress=2 --output "$r/opt/java" 2>&1 | grep -vi deprecat >&2 || true
  [[ -x $r/opt/java/bin/java ]] || die "jlink failed"
  rm -f "$r"/opt/java/lib/{libawt_xawt.so,libjawt.so,libsplashscreen.so}   # headless: no X11
  for f in "$r"/opt/java/lib/security/* "$r"/opt/java/conf/security/*; do   # Debian links these to /etc
    if [[ -L $f ]]; then target=$(readlink -f "$f"); rm -f "$f"; [[ -e $target ]] && cp "$target" "$f"; fi
  done
  [[ -e $r/opt/java/lib/security/cacerts ]] || cp -L /etc/ssl/certs/java/cacerts "$r/opt/java/lib/security/cacerts"
  mapfile -t java_files < <(find "$r/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \))
  ldd "${java_files[@]}" 2>/dev/null | awk '/=> \//{print $3} /^[[:space:]]*\/lib64\//{print $1}' | sort -u \
    | while read -r lib; do cp -L --parents "$lib" "$r"; done
  copy_with_libs "$r" "$(command -v lame)" "$(command -v espeak-ng)"
  cp -a --parents "$(dirname "$(readlink -f "$(ldd "$(command -v espeak-ng)" | awk '/libespeak-ng/{print $3}')")")/espeak-ng-data" "$r"
  mkdir -p "$r"/{bin,usr/bin,etc,tmp,app}; chmod 1777 "$r/tmp"
  cp /bin/busybox "$r/bin/busybox"; chroot "$r" /bin/busybox --install -s /bin
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$r/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$r/etc/group"
  printf 'hosts: files dns\n' >"$r/etc/nsswitch.conf"
  tar -C "$r" -c . | docker import \
    --change 'ENV JAVA_HOME=/opt/java' \
    --change 'ENV PATH=/opt/java/bin:/usr/local/bin:/usr/bin:/bin' \
    --change 'CMD ["java","-version"]' - "$BASE_IMAGE" >/dev/null
  rm -rf "$w"
}

t=$(date +%s.%N)
if ! docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  log "building $BASE_IMAGE"
  build_base
  # The first container of a fresh daemon has failed once (not reproducible): retry the smoke test.
  for attempt in 1 2 3; do
    out=$(docker run --rm --network none "$BASE_IMAGE" sh -c 'java -version && lame --version && espeak-ng --version' 2>&1) && break
    log "smoke test $attempt failed: $(tail -n 1 <<<"$out")"; sleep 1
    [[ $attempt == 3 ]] && { docker rmi -f "$BASE_IMAGE" >/dev/null 2>&1 || true; die "smoke test of $BASE_IMAGE failed: $out"; }
  done
  log "$BASE_IMAGE built in $(since "$t") s, $(docker image inspect -f '{{.Size}}' "$BASE_IMAGE" | awk '{printf "%.0f MB", $1/1e6}')"
fi

# Testcontainers here: no registry, so no Ryuk; /.dockerenv exists, so name the host outright.
cat <<ENV
export DOCKER_HOST=$DOCKER_HOST
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost
export TURNTABLE_BASE_IMAGE=$BASE_IMAGE
ENV
