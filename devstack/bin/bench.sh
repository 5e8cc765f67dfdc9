# ./hub bench: the benchmark suite (io.xinference.hub.devstack.bench) against a stack of its own: PostgreSQL,
# Elasticsearch, Keycloak, the mail catcher and both apps on free ports, data in .hub/bench/instance, everything
# stopped on exit. Writes target/bench/report.md with its SVG charts.
# Sourced by ./hub after apps.sh. Sizes from the environment:
#   HUB_BENCH_CLIENTS (4)  HUB_BENCH_SECONDS (10)  HUB_BENCH_LAG_RATE (200)  HUB_BENCH_LAG_SECONDS (20)
#   HUB_BENCH_SEARCH_MODELS (10000)  HUB_BENCH_REBUILD_EVENTS (100000)
#   HUB_BENCH_PHASES (all: "download vs static file,commands over HTTP,raw inserts,projection lag,search,
#   catalogue rebuild"; a comma-separated subset runs only those)
#   HUB_BENCH_APP_ENV ("NAME=value ..." passed to both apps, e.g. to try a processor setting)
#   HUB_BENCH_KEEP=1 also copies the report to docs/benchmarks/<date>.md, its charts to docs/benchmarks/<date>/
#   (HUB_BENCH_REPORT_NAME replaces <date>)
#   HUB_BENCH_APPS=head (default: the apps built from the committed HEAD in .hub/bench/build, so builds by others
#   in this tree cannot change them mid-run) or =tree (the jars in command-side/target and query-side/target)

BENCH_HOME=$HUB_ROOT/.hub/bench
BENCH_OUT=$HUB_ROOT/target/bench

# The app jars the benchmark runs, built once per commit from a clean copy of HEAD (no UI: the API is measured).
bench_prepare_apps() {
    if [[ ${HUB_BENCH_APPS:-head} == tree ]]; then
        [[ -f $(app_jar command-side) && -f $(app_jar query-side) ]] || build_all
        return 0
    fi
    local build=$BENCH_HOME/build revision
    revision=$(git -C "$HUB_ROOT" rev-parse HEAD)
    if [[ $(cat "$build/revision" 2>/dev/null) != "$revision" ]]; then
        say "building command-side and query-side from HEAD ${revision:0:8} in $build/src (log: $build/build.log)"
        rm -rf "$build" && mkdir -p "$build/src"
        git -C "$HUB_ROOT" archive HEAD | tar -x -C "$build/src"
        (cd "$build/src" && ./mvnw -B -ntp package -DskipTests -DskipUi -pl command-side,query-side -am) \
            >"$build/build.log" 2>&1 || fail "building the apps failed; see $build/build.log"
        cp "$build/src/command-side/target/command-side-0.1.0-SNAPSHOT.jar" "$build/command-side.jar"
        cp "$build/src/query-side/target/query-side-0.1.0-SNAPSHOT.jar" "$build/query-side.jar"
        rm -rf "$build/src"
        echo "$revision" >"$build/revision"
    fi
    # only for this process: start_app takes the jars from here
    app_jar() { echo "$BENCH_HOME/build/$1.jar"; }
}

# The benchmark's own classes (this tree's devstack module) and their classpath.
bench_classpath() {
    local log=$BENCH_HOME/devstack-build.log
    "$MVN" -B -ntp -q -pl devstack compile dependency:build-classpath -Dmdep.includeScope=runtime \
        -Dmdep.outputFile="$BENCH_HOME/classpath" >"$log" 2>&1 || fail "compiling devstack failed; see $log"
    # a copy: others building in this tree may clean devstack/target while the benchmark runs
    rm -rf "$BENCH_HOME/classes" && cp -r "$HUB_ROOT/devstack/target/classes" "$BENCH_HOME/classes"
    echo "$BENCH_HOME/classes:$(cat "$BENCH_HOME/classpath")"
}

bench_start_stack() {
    use_test_instance bench/instance
    APP_DB=hub_bench
    APP_INDEX_PREFIX=bench-
    # durable commits, as in production (test runs turn fsync off)
    export HUB_PG_FSYNC=${HUB_BENCH_PG_FSYNC:-on} PG_DATABASES=hub_bench
    local stale
    for stale in "$RUN_DIR"/*.pid; do
        [[ -f $stale ]] && stop_process "$(basename "$stale" .pid)"
    done
    rm -rf "$STATE_DIR"
    mkdir -p "$STATE_DIR" "$RUN_DIR" "$LOG_DIR" "$STATE_DIR/static"
    ensure_service_user
    install_services
    start_services
    # the download's bytes as a static file, served by the same query-side (Spring MVC's resource handler)
    export SPRING_MVC_STATIC_PATH_PATTERN='/bench-static/**'
    export SPRING_WEB_RESOURCES_STATIC_LOCATIONS="file:$STATE_DIR/static/" SPRING_WEB_RESOURCES_ADD_MAPPINGS=true
    # the per-user write limit (default 120/min) is policy, not capacity: lifted, so two users can load the stack
    export HUB_WRITES_PER_MINUTE=${HUB_BENCH_WRITES_PER_MINUTE:-6000000} HUB_WRITES_BURST=${HUB_BENCH_WRITES_BURST:-100000}
    local setting
    for setting in ${HUB_BENCH_APP_ENV:-}; do
        export "${setting?}"
    done
    start_apps
}

# The report as a dated page of docs/benchmarks, its chart links pointing into the page's own folder.
bench_keep_report() {
    local day dir=$HUB_ROOT/docs/benchmarks
    # a second run on one day gets a name of its own (e.g. HUB_BENCH_REPORT_NAME=2026-11-27-b): reports are history
    day=${HUB_BENCH_REPORT_NAME:-$(date -u +%F)}
    mkdir -p "$dir/$day"
    cp "$BENCH_OUT"/*.svg "$dir/$day/"
    sed -E "s#\]\(([a-z-]+\.svg)\)#](${day}/\1)#g" "$BENCH_OUT/report.md" >"$dir/$day.md"
    say "report kept as docs/benchmarks/$day.md (charts in docs/benchmarks/$day/)"
}

cmd_bench() {
    local started=$SECONDS classpath status=0
    check_prerequisites
    mkdir -p "$BENCH_HOME" "$BENCH_OUT"
    trap 'stop_services' EXIT
    trap 'exit 130' INT TERM
    bench_prepare_apps
    classpath=$(bench_classpath) && [[ -n $classpath ]] || fail "no classpath for the benchmark"
    bench_start_stack
    say "stack up in $((SECONDS - started))s (logs in $LOG_DIR); running the benchmark"
    "$JAVA17_HOME/bin/java" -Xmx1g -cp "$classpath" \
        -Dbench.command="${HUB_BENCH_COMMAND:-./hub bench}" \
        -Dbench.commandUrl="http://127.0.0.1:$COMMAND_PORT" -Dbench.queryUrl="http://127.0.0.1:$QUERY_PORT" \
        -Dbench.keycloakUrl="http://127.0.0.1:$KC_PORT" \
        -Dbench.jdbcUrl="jdbc:postgresql://127.0.0.1:$PG_PORT/$APP_DB" \
        -Dbench.esUrl="http://127.0.0.1:$ES_PORT" -Dbench.indexPrefix="$APP_INDEX_PREFIX" \
        -Dbench.commandPid="$(cat "$(pid_file command-side)")" -Dbench.queryPid="$(cat "$(pid_file query-side)")" \
        -Dbench.commandPidFile="$(pid_file command-side)" -Dbench.queryPidFile="$(pid_file query-side)" \
        -Dbench.out="$BENCH_OUT" -Dbench.staticDir="$STATE_DIR/static" \
        -Dbench.clients="${HUB_BENCH_CLIENTS:-4}" -Dbench.seconds="${HUB_BENCH_SECONDS:-10}" \
        -Dbench.lagRate="${HUB_BENCH_LAG_RATE:-200}" -Dbench.lagSeconds="${HUB_BENCH_LAG_SECONDS:-20}" \
        -Dbench.searchModels="${HUB_BENCH_SEARCH_MODELS:-10000}" \
        -Dbench.rebuildEvents="${HUB_BENCH_REBUILD_EVENTS:-100000}" -Dbench.phases="${HUB_BENCH_PHASES:-}" \
        io.xinference.hub.devstack.bench.Bench || status=$?
    say "benchmark finished in $((SECONDS - started))s with status $status; report: $BENCH_OUT/report.md"
    if (( status == 0 )) && [[ ${HUB_BENCH_KEEP:-} == 1 ]]; then
        bench_keep_report
    fi
    return "$status"
}
