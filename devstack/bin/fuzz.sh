# ./hub fuzz: every Jazzer @FuzzTest target really fuzzed for a bounded time, one JVM per target (Jazzer fuzzes
# one @FuzzTest per JVM). Sourced, never run. Without JAZZER_FUZZ the same tests only replay their saved inputs
# (src/test/resources/<package>/<Class>Inputs/<method>/) in every ordinary test run.
#
# A finding (an uncaught exception, a failed assertion such as a 5xx answer, an input running longer than
# HUB_FUZZ_TIMEOUT seconds, an OutOfMemoryError in the bounded heap) stops that target and is written as
# crash-*/timeout-* into that Inputs directory, so that it becomes a regression case once the bug is fixed.
# The growing corpus of interesting inputs stays in <module>/.cifuzz-corpus (git-ignored) for the next run.

# module, kind (unit: surefire, no services; it: failsafe, against the test services), Class#method
FUZZ_TARGETS=(
    "command-side unit DefinitionValidatorFuzzTest#everyDefinitionIsAcceptedOrExplained"
    "command-side it CommandApiFuzzIT#everyRequestIsAnsweredWithSuccessOrAProblem"
    "query-side it QueryApiFuzzIT#everyQueryIsAnsweredWithSuccessOrAProblem"
)

FUZZ_HEAP=${HUB_FUZZ_HEAP:-1g}           # the fuzzing JVM's heap: a memory blow-up is an OutOfMemoryError finding
FUZZ_TIMEOUT=${HUB_FUZZ_TIMEOUT:-20}     # seconds one input may take; longer is reported as a hang
FUZZ_MAX_LEN=${HUB_FUZZ_MAX_LEN:-4096}     # longest input in bytes
FUZZ_INSTRUMENT=${HUB_FUZZ_INSTRUMENT:-io.xinference.hub.**,com.networknt.**}  # coverage feedback from these

fuzz_usage() {
    cat <<'EOF'
Usage: ./hub fuzz [SECONDS] [FILTER]

  Fuzzes every target (or those whose name contains FILTER) for SECONDS each (default 60), one after another,
  with progress lines, on test services of its own (thrown away at the end). Targets:
EOF
    local target
    for target in "${FUZZ_TARGETS[@]}"; do printf '    %s\n' "$target"; done
    cat <<'EOF'
  Findings land in the target's Inputs directory (see git status); fix the bug, give the file a name that says
  what it was, and commit it: it then runs as a regression case in every test run.
  HUB_FUZZ_HEAP (1g), HUB_FUZZ_TIMEOUT (20 s per input), HUB_FUZZ_MAX_LEN (4096 bytes per input),
  HUB_FUZZ_INSTRUMENT (packages that guide the fuzzer), HUB_FUZZ_REUSE_SERVICES=1 (use the HUB_TEST_* services).
EOF
}

# Fuzzes one target for $4 seconds; prints progress; appends "target|runs|seconds|result" to $FUZZ_SUMMARY.
fuzz_target() {
    local module=$1 kind=$2 test=$3 seconds=$4
    local log="$FUZZ_LOG_DIR/${test//[#]/-}.log"
    local argline="-Xmx$FUZZ_HEAP -XX:+UseSerialGC -Djunit.jupiter.execution.timeout.mode=disabled"
    argline+=" -Djazzer.instrument=$FUZZ_INSTRUMENT -Djazzer.internal.arg.0=fuzz"
    argline+=" -Djazzer.internal.arg.1=-max_total_time=$seconds -Djazzer.internal.arg.2=-timeout=$FUZZ_TIMEOUT"
    argline+=" -Djazzer.internal.arg.3=-print_final_stats=1 -Djazzer.internal.arg.4=-max_len=$FUZZ_MAX_LEN"
    local goals=(test-compile)
    if [[ $kind == unit ]]; then
        goals+=(surefire:test "-Dtest=$test" -Dsurefire.failIfNoSpecifiedTests=false)
    else
        goals+=(failsafe:integration-test failsafe:verify "-Dit.test=$test" -Dit.failIfNoSpecifiedTests=false
            -Dfailsafe.failIfNoSpecifiedTests=false)
    fi
    say "fuzzing $module $test for ${seconds}s (log: $log)"
    : >"$log"  # before the progress reader opens it, so it never shows the previous run
    local started=$SECONDS status=0
    # shellcheck disable=SC2016
    # -DskipUi: the query side's fuzz target needs no web UI, so npm does not run for it
    JAZZER_FUZZ=1 "$MVN" -B -ntp -DskipUi -pl "$module" -am "${goals[@]}" "-DargLine=$argline" >>"$log" 2>&1 &
    local maven=$!
    # progress: libFuzzer's pulse lines (at 2^n executions), its coverage at start, findings as they come
    tail -n +1 --pid=$maven -f "$log" 2>/dev/null \
        | grep -a --line-buffered -E '^#[0-9]+[[:space:]]+(INITED|pulse|DONE)|^== Java Exception|Test unit written to|libFuzzer: (timeout|out-of-memory)|FuzzTestFinding|Tests run:.*in io' \
        | sed -u "s/^/  [$test] /" >&2 &
    local progress=$!
    wait "$maven" || status=$?
    wait "$progress" 2>/dev/null || true
    local runs per_second findings result
    runs=$(grep -aoE 'stat::number_of_executed_units: [0-9]+' "$log" | tail -1 | grep -aoE '[0-9]+$' || true)
    per_second=$(grep -aoE 'stat::average_exec_per_sec: [0-9]+' "$log" | tail -1 | grep -aoE '[0-9]+$' || true)
    if [[ -z $per_second ]]; then  # a run that ended on a finding prints no final stats: from its last line
        per_second=$(grep -aoE '^#[0-9]+.* exec/s: [0-9]+' "$log" | tail -1 | grep -aoE '[0-9]+$' || true)
        runs=${runs:-$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)}
    fi
    findings=$(grep -aoE 'Test unit written to .*' "$log" | sed 's/Test unit written to //' | sort -u | tr '\n' ' ' || true)
    if (( status == 0 )); then
        result="no finding"
    else
        result="FAILED${findings:+: $findings}"
        [[ -n $findings ]] || result+=" (no input written: see $log)"
    fi
    echo "$test|${runs:-?}|${per_second:-?}|$((SECONDS - started))|$result" >>"$FUZZ_SUMMARY"
    say "$test: ${runs:-?} executions, ${per_second:-?}/s, $result"
    return "$status"
}

# Fuzzes every target matching $2 for $1 seconds each; the test services must be in the environment for 'it'.
fuzz_all() {
    local seconds=${1:-60} filter=${2:-} status=0 target module kind test
    FUZZ_LOG_DIR=${FUZZ_LOG_DIR:-$HUB_ROOT/target/fuzz}
    FUZZ_SUMMARY=$FUZZ_LOG_DIR/summary.txt
    mkdir -p "$FUZZ_LOG_DIR"
    : >"$FUZZ_SUMMARY"
    for target in "${FUZZ_TARGETS[@]}"; do
        read -r module kind test <<<"$target"
        [[ -z $filter || $target == *"$filter"* ]] || continue
        fuzz_target "$module" "$kind" "$test" "$seconds" || status=1
    done
    say "fuzzing summary (target | executions | per second | wall seconds | result), also in $FUZZ_SUMMARY:"
    column -t -s '|' "$FUZZ_SUMMARY" >&2 || cat "$FUZZ_SUMMARY" >&2
    return "$status"
}

cmd_fuzz() {
    local seconds=${1:-60} filter=${2:-}
    if [[ $seconds == -h || $seconds == --help || ! $seconds =~ ^[0-9]+$ ]]; then
        fuzz_usage
        [[ $seconds =~ ^(-h|--help)$ ]] && return 0
        fail "SECONDS must be a whole number"
    fi
    check_prerequisites
    # Services of its own, thrown away at the end: minutes of fuzzing leave thousands of models and queued mails
    # behind, which would slow down the ITs run later on a long-lived './hub test-env' (./hub test fuzzes on its
    # own throw-away services after the ITs). HUB_FUZZ_REUSE_SERVICES=1 uses the HUB_TEST_* services instead.
    if [[ ${HUB_FUZZ_REUSE_SERVICES:-} != 1 || -z ${HUB_TEST_JDBC_BASE:-} ]]; then
        trap 'stop_services' EXIT
        trap 'exit 130' INT TERM
        start_test_services fuzz-run
        # shellcheck disable=SC1091
        source "$STATE_DIR/env"
        export HUB_TEST_JDBC_BASE HUB_TEST_ES_URL HUB_TEST_KEYCLOAK_URL HUB_TEST_SMTP_PORT HUB_TEST_MAIL_API_URL
    fi
    fuzz_all "$seconds" "$filter"
}
