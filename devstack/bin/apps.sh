# The hub's own apps (command-side, query-side serving the UI), the demo data and the browser tests.
# Sourced by ./hub after services.sh; uses the same instance variables.

app_jar() { echo "$HUB_ROOT/$1/target/$1-0.1.0-SNAPSHOT.jar"; }
devstack_jar() { echo "$HUB_ROOT/devstack/target/devstack-0.1.0-SNAPSHOT.jar"; }

app_environment() {
    echo HUB_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$APP_DB"
    echo HUB_DB_USER=hub
    echo HUB_DB_PASSWORD=hub
    echo HUB_ES_URL="http://127.0.0.1:$ES_PORT"
    echo HUB_ES_INDEX_PREFIX="$APP_INDEX_PREFIX"
    echo HUB_ISSUER_URI="http://127.0.0.1:$KC_PORT/realms/models-hub"
    echo HUB_KEYCLOAK_URL="http://127.0.0.1:$KC_PORT"
    echo HUB_AUDIENCE=models-hub-api
    echo HUB_COMMAND_PORT="$COMMAND_PORT"
    echo HUB_QUERY_PORT="$QUERY_PORT"
    echo HUB_COMMAND_URL="http://127.0.0.1:$COMMAND_PORT"
    echo HUB_QUERY_URL="http://127.0.0.1:$QUERY_PORT"
    echo HUB_UI_ORIGIN="$UI_ORIGIN"
    echo HUB_SMTP_HOST=127.0.0.1
    echo HUB_SMTP_PORT="$SMTP_PORT"
    echo HUB_USER_CENTER_TOKEN_ENCRYPTION_KEY="$(token_encryption_key)"
    # the confidential client that reads people's mail addresses (realm JSON: same variable, same dev default)
    echo HUB_NOTIFIER_CLIENT_SECRET="${HUB_NOTIFIER_CLIENT_SECRET:-models-hub-notifier-dev-secret}"
    echo AXONIQ_UPDATE_CHECKER_DISABLED=true
}

# The key that encrypts people's GitHub tokens: made once per instance, kept with its data, readable by root only.
token_encryption_key() {
    local file=$STATE_DIR/token-encryption.key
    if [[ ! -s $file ]]; then
        (umask 077 && head -c 32 /dev/urandom | base64 >"$file")
    fi
    cat "$file"
}

# start_app NAME PORT [MODULE]: MODULE (default NAME) picks the jar; a second instance is e.g. command-side-2.
start_app() {
    local name=$1 port=$2 module=${3:-$1} jar
    already_running "$name" && return 0
    jar=$(app_jar "$module")
    [[ -f $jar ]] || fail "$jar is missing: run ./hub build"
    require_free_port "$name" "$port"
    local environment=()
    mapfile -t environment < <(app_environment)
    # this instance's own port (the UI and the other URLs keep pointing at the first instances)
    if [[ $module == command-side ]]; then environment+=("HUB_COMMAND_PORT=$port"); else environment+=("HUB_QUERY_PORT=$port"); fi
    # the log a person reads shows each request's correlation id; the JSON (ECS) copy is for log shippers
    environment+=("LOGGING_PATTERN_LEVEL=%5p [%X{correlationId:-}]" "LOGGING_STRUCTURED_FORMAT_FILE=ecs"
        "LOGGING_FILE_NAME=$LOG_DIR/$name.json")
    start_process "$name" env "${environment[@]}" "$JAVA17_HOME/bin/java" -Xms128m -Xmx${HUB_APP_HEAP:-512m} \
        -Daxoniq.update-checker.disabled=true -jar "$jar"
}

app_ready() {
    curl -fsS --max-time 3 "http://127.0.0.1:$1/actuator/health" | grep -q '"status":"UP"'
}

start_apps() {
    # command-side first: it applies the shared event-store schema before query-side reads it
    start_app command-side "$COMMAND_PORT"
    wait_until command-side 120 app_ready "$COMMAND_PORT"
    start_app query-side "$QUERY_PORT"
    if [[ ${HUB_INSTANCES:-1} == 2 ]]; then
        # the scale-out shape: second instances on the same database and indices, started alongside
        start_app command-side-2 "$COMMAND_PORT_2" command-side
        start_app query-side-2 "$QUERY_PORT_2" query-side
        wait_until command-side-2 180 app_ready "$COMMAND_PORT_2"
        wait_until query-side-2 180 app_ready "$QUERY_PORT_2"
    elif [[ ${HUB_INSTANCES:-1} != 1 ]]; then
        fail "HUB_INSTANCES is 1 or 2, not ${HUB_INSTANCES}"
    fi
    wait_until query-side 180 app_ready "$QUERY_PORT"
}

# The six real Xinference definitions, registered through the real command API as approved public models.
load_demo_data_once() {
    local marker=$STATE_DIR/.demo-data-loaded
    [[ -f $marker ]] && return 0
    say "loading the demo catalogue (six real Xinference v1.13.0 definitions) through the command API"
    "$JAVA17_HOME/bin/java" -cp "$(devstack_jar):$HUB_ROOT/devstack/target/lib/*" io.xinference.hub.devstack.DemoData \
        "http://127.0.0.1:$COMMAND_PORT" "http://127.0.0.1:$KC_PORT" >&2 \
        || fail "loading the demo data failed (see the lines above and $(log_file command-side))"
    touch "$marker"
}

run_browser_tests() {
    if [[ ! -f $HUB_ROOT/ui/package.json ]] || ! grep -q '"test:e2e"' "$HUB_ROOT/ui/package.json"; then
        say "no browser tests in ui/ yet"
        return 0
    fi
    start_apps
    say "running the end-to-end and browser tests against the running hub"
    HUB_E2E_UI_URL="$UI_ORIGIN" HUB_E2E_COMMAND_URL="http://127.0.0.1:$COMMAND_PORT" \
        HUB_E2E_QUERY_URL="http://127.0.0.1:$QUERY_PORT" HUB_E2E_KEYCLOAK_URL="http://127.0.0.1:$KC_PORT" \
        HUB_E2E_MAIL_API_URL="http://127.0.0.1:$MAIL_API_PORT" \
        npm --prefix "$HUB_ROOT/ui" run --silent test:e2e
}
