# Shared helpers of ./hub: messages, ports, process bookkeeping, bounded waits.
# Sourced, never run. Every started process gets a PID file in $RUN_DIR and a log in $LOG_DIR.

say()  { printf '\033[1m[hub]\033[0m %s\n' "$*" >&2; }
fail() { printf '\033[31m[hub] error:\033[0m %s\n' "$*" >&2; exit 1; }

# A port another process already listens on makes a service fail in confusing ways: say so up front.
port_is_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

require_free_port() {
    local name=$1 port=$2
    port_is_free "$port" || fail "$name cannot start: port $port on 127.0.0.1 is already taken (set HUB_${name^^}_PORT or stop what uses it)"
}

# A free port chosen by the kernel; used for test runs so they never collide with a running hub.
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

pid_file() { echo "$RUN_DIR/$1.pid"; }
log_file() { echo "$LOG_DIR/$1.log"; }

is_running() {
    local pid_file
    pid_file=$(pid_file "$1")
    [[ -f $pid_file ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null
}

# A half-started hub (one service died, or a start was interrupted) is finished by starting only what is missing.
already_running() {
    is_running "$1" || return 1
    say "$1 already runs (pid $(cat "$(pid_file "$1")"))"
}

# Starts "$@" in its own process group so stopping it also stops the children it forks.
start_process() {
    local name=$1
    shift
    : >"$(log_file "$name")"
    setsid "$@" >>"$(log_file "$name")" 2>&1 < /dev/null &
    echo $! >"$(pid_file "$name")"
}

stop_process() {
    local name=$1 pid_file pid
    pid_file=$(pid_file "$name")
    [[ -f $pid_file ]] || return 0
    pid=$(cat "$pid_file")
    if kill -0 "$pid" 2>/dev/null; then
        say "stopping $name (pid $pid)"
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
        for _ in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$pid_file"
}

# wait_until NAME TIMEOUT_SECONDS COMMAND...: polls COMMAND each second, prints progress, fails with the log.
wait_until() {
    local name=$1 timeout=$2 started=$SECONDS
    shift 2
    while ! "$@" >/dev/null 2>&1; do
        if ! is_running "$name"; then
            tail -n 20 "$(log_file "$name")" >&2 || true
            fail "$name exited while starting; see $(log_file "$name")"
        fi
        if (( SECONDS - started > timeout )); then
            tail -n 20 "$(log_file "$name")" >&2 || true
            fail "$name not ready after ${timeout}s; see $(log_file "$name")"
        fi
        if (( (SECONDS - started) % 10 == 9 )); then
            say "  ... still waiting for $name ($((SECONDS - started))s)"
        fi
        sleep 1
    done
    say "$name ready in $((SECONDS - started))s"
}

http_ok() {
    curl -fsS -o /dev/null --max-time 3 "$1"
}

# Processes that must not run as root (PostgreSQL, Elasticsearch) run as this unprivileged user.
SERVICE_USER=${HUB_SERVICE_USER:-hubsvc}

# The command prefix that runs a program as that user: empty when we are not root already.
if [[ $(id -u) -eq 0 ]]; then
    AS_SERVICE_USER=(runuser -u "$SERVICE_USER" --)
else
    AS_SERVICE_USER=()
fi

as_service_user() {
    "${AS_SERVICE_USER[@]}" "$@"
}

ensure_service_user() {
    [[ $(id -u) -eq 0 ]] || return 0
    id "$SERVICE_USER" >/dev/null 2>&1 && return 0
    say "creating the unprivileged user '$SERVICE_USER' that runs PostgreSQL and Elasticsearch"
    useradd --system --no-create-home --shell /usr/sbin/nologin "$SERVICE_USER"
}

give_to_service_user() {
    [[ $(id -u) -eq 0 ]] && chown -R "$SERVICE_USER" "$@"
    return 0
}
