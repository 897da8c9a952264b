#!/usr/bin/env bash
# The four-node cluster on one PostgreSQL, no Axon Server, as local processes of the one jar:
# two command nodes (profile command) and two query nodes (profile query) on a fresh database.
# scripts/ClusterCheck.java (run from source by java) registers the rooms as staff, opens
# live-availability streams (SSE) on both query nodes, books at a steady rate through both command
# nodes and kill -9s the query node holding the availability projection in the middle of it. Then
# it is checked that
#   - every subscriber on every query node received every change (one per accepted booking), the
#     dead node's subscribers having resumed on the other with Last-Event-ID, and how fast (the time
#     from a booking's 201 to each subscriber's receipt: p50/p99/max);
#   - the dead node's segments were claimed by the other query node within seconds;
#   - no night of any room is booked twice (from the events, and from the read model);
#   - every accepted booking is in the event store, in the read model and readable through the live
#     query node, and nothing else is;
# and the figures are printed. Exits non-zero when a check fails.
#
# Needs: a built jar (./mvnw -DskipTests package), java 17, curl, psql, and a PostgreSQL server
# (PGHOST, PGPORT, PGUSER, PGPASSWORD; 127.0.0.1:5432 as postgres by default) on which that user
# may create databases. Tuning: CLUSTER_RATE (bookings/s, 10), CLUSTER_SECONDS (of booking, 60),
# CLUSTER_CONCURRENCY (requests at once, 8), CLUSTER_ROOMS (40), CLUSTER_NIGHTS (60),
# CLUSTER_SUBSCRIBERS (per query node, 2), CLUSTER_P99_LIMIT_MS (1000), CLUSTER_BASE_PORT,
# CLUSTER_NODE_ARGS (more arguments for every node), CLUSTER_JAVA_OPTS (the nodes' JVM options),
# CLUSTER_START_TIMEOUT_S (600), CLUSTER_KEEP=true keeps the database and the logs.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${HOTEL_JAR:-app/target/hotel.jar}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
RATE=${CLUSTER_RATE:-10}
SECONDS_OF_LOAD=${CLUSTER_SECONDS:-60}
CONCURRENCY=${CLUSTER_CONCURRENCY:-8}
ROOMS=${CLUSTER_ROOMS:-40}
NIGHTS=${CLUSTER_NIGHTS:-60}
SUBSCRIBERS=${CLUSTER_SUBSCRIBERS:-2}
P99_LIMIT_MS=${CLUSTER_P99_LIMIT_MS:-1000}
read -r -a NODE_ARGS <<<"${CLUSTER_NODE_ARGS:-}"
# C1 only: the nodes start in half the CPU time, which matters on a shared machine
read -r -a JAVA_OPTS <<<"${CLUSTER_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
START_TIMEOUT_S=${CLUSTER_START_TIMEOUT_S:-600}
BASE_PORT=${CLUSTER_BASE_PORT:-}
KEEP=${CLUSTER_KEEP:-false}
FAILOVER_LIMIT_S=${CLUSTER_FAILOVER_LIMIT_S:-15}

NODES=(command-1 command-2 query-1 query-2)
declare -A PORT=()
declare -A PID=()

work=$(mktemp -d "${TMPDIR:-/tmp}/hotel-cluster.XXXXXX")
db="hotel_cluster_$(date +%Y%m%d%H%M%S)_$$"
# the staff account registers the rooms; profile postgres wants all three passwords
export HOTEL_STAFF_PASSWORD="cluster-$RANDOM$RANDOM$RANDOM" HOTEL_AUDITOR_PASSWORD="cluster-$RANDOM$RANDOM$RANDOM" \
       HOTEL_ANALYST_PASSWORD="cluster-$RANDOM$RANDOM$RANDOM" AXONIQ_UPDATE_CHECKER_DISABLED=true
failures=0

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { log "FAIL: $*"; failures=$((failures + 1)); }
now_ms() { if [[ -n ${EPOCHREALTIME:-} ]]; then local t=${EPOCHREALTIME/[.,]/}; echo $((t / 1000)); else date +%s%3N; fi; }
sql() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -c "$1"; }

cleanup() {
    if [[ -n ${client:-} ]]; then kill "$client" 2>/dev/null || true; fi
    for node in "${!PID[@]}"; do
        kill "${PID[$node]}" 2>/dev/null || true
    done
    local deadline=$(($(date +%s) + 15)) # graceful shutdown, then no more waiting
    for node in "${!PID[@]}"; do
        while kill -0 "${PID[$node]}" 2>/dev/null && (($(date +%s) < deadline)); do sleep 0.2; done
        kill -9 "${PID[$node]}" 2>/dev/null || true
        wait "${PID[$node]}" 2>/dev/null || true
    done
    if [[ $KEEP == true || $failures -gt 0 ]]; then
        log "database $db and logs in $work kept"
    else
        psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null || true
        rm -rf "$work"
    fi
}
trap cleanup EXIT

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

choose_ports() { # four free ports, from CLUSTER_BASE_PORT or a random base below the ephemeral range
    local base=${BASE_PORT:-$((20000 + RANDOM % 12000))} i
    for ((attempt = 0; attempt < 20; attempt++, base += 7)); do
        for ((i = 1; i <= 4; i++)); do port_in_use $((base + i)) && continue 2; done
        for ((i = 1; i <= 4; i++)); do PORT[${NODES[$((i - 1))]}]=$((base + i)); done
        return
    done
    echo "No four free ports found from $base"; exit 2
}

start_node() { # one node; booking attempts are not rate-limited: all the load comes from one address
    local node=$1 role=${1%-*}
    SPRING_PROFILES_ACTIVE="postgres,$role" \
    SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
    SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
    SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=8 \
        java "${JAVA_OPTS[@]}" -jar "$JAR" --server.port="${PORT[$node]}" \
            --hotel.rate-limit.bookings.enabled=false "${NODE_ARGS[@]}" >>"$work/$node.log" 2>&1 &
    PID[$node]=$!
}

await_ready() {
    local node=$1 deadline=$(($(date +%s) + START_TIMEOUT_S))
    until grep -q "Tomcat started on port ${PORT[$node]}" "$work/$node.log" \
          && curl -sf -o /dev/null "http://127.0.0.1:${PORT[$node]}/actuator/health/readiness"; do
        if ! kill -0 "${PID[$node]}" 2>/dev/null || (($(date +%s) > deadline)); then
            tail -50 "$work/$node.log"
            fail "$node did not come up"
            exit 1
        fi
        sleep 0.5
    done
}

node_of_owner() { # token_entry.owner is pid@host
    local pid=${1%%@*}
    for node in "${!PID[@]}"; do
        [[ ${PID[$node]} == "$pid" ]] && echo "$node" && return
    done
    echo "${1:-unclaimed}"
}

show_segments() {
    while IFS='|' read -r processor segment owner; do
        printf '    %-13s segment %s  %s\n' "$processor" "$segment" "$(node_of_owner "$owner")"
    done < <(sql "SELECT processor_name, segment, coalesce(owner, '') FROM token_entry ORDER BY 1, 2")
}

# --- start ----------------------------------------------------------------------------------------
[[ -f $JAR ]] || { echo "No $JAR: build it first (./mvnw -DskipTests package)"; exit 2; }
for tool in java curl psql; do command -v $tool >/dev/null || { echo "$tool is needed"; exit 2; }; done
psql -X -q -d postgres -c "CREATE DATABASE $db" >/dev/null
log "database $db on $PGHOST:$PGPORT, logs in $work"

choose_ports
started_at=$(now_ms)
for node in "${NODES[@]}"; do start_node "$node"; done
for node in "${NODES[@]}"; do await_ready "$node"; done
log "4 nodes up in $((($(now_ms) - started_at) / 1000)) s, started at once on an empty database:"
for node in "${NODES[@]}"; do log "  $node  pid ${PID[$node]}  http://127.0.0.1:${PORT[$node]}"; done

migrations=$(sql "SELECT count(*) || ' applied, ' || count(*) FILTER (WHERE NOT success) || ' failed' FROM flyway_schema_history WHERE version IS NOT NULL")
log "Flyway (advisory lock): $migrations"
[[ $migrations == *", 0 failed" ]] || fail "Flyway: $migrations"

# --- which query node to kill: the one projecting availability (the live stream's source) --------
deadline=$(($(date +%s) + 60))
until [[ $(sql "SELECT count(*) FILTER (WHERE owner IS NULL) || ' ' || count(*) FROM token_entry") =~ ^0\ [1-9] ]]; do
    (($(date +%s) < deadline)) || { fail "the processors' segments were not all claimed within 60 s"; show_segments; exit 1; }
    sleep 0.5
done
log "segments:"
show_segments
victim=$(sql "SELECT owner FROM token_entry WHERE processor_name = 'availability' AND segment = 0")
victim_node=$(node_of_owner "$victim")
[[ $victim_node == query-* ]] || { fail "availability is projected by '$victim_node', not by a query node"; exit 1; }
survivor_node=$([[ $victim_node == query-1 ]] && echo query-2 || echo query-1)
moving=$(sql "SELECT count(*) FROM token_entry WHERE owner = '$victim'")

# --- rooms, subscribers, bookings, the kill: ClusterCheck.java ------------------------------------
log "ClusterCheck: $RATE bookings/s for $SECONDS_OF_LOAD s, $SUBSCRIBERS subscribers per query node; it will kill -9 $victim_node"
java -Xmx256m -XX:+UseSerialGC scripts/ClusterCheck.java \
    --command="${PORT[command-1]},${PORT[command-2]}" \
    --query="${PORT[query-1]}:${PID[query-1]},${PORT[query-2]}:${PID[query-2]}" \
    --victim="${PID[$victim_node]}" --rooms="$ROOMS" --nights="$NIGHTS" --rate="$RATE" \
    --seconds="$SECONDS_OF_LOAD" --concurrency="$CONCURRENCY" --subscribers="$SUBSCRIBERS" \
    --p99-limit-ms="$P99_LIMIT_MS" --failover-limit-ms=$((FAILOVER_LIMIT_S * 1000)) --out="$work" >"$work/client.out" 2>&1 &
client=$!
tail -f --pid="$client" "$work/client.out" 2>/dev/null &
if wait "$client"; then client_ok=true; else client_ok=false; fi
client=""
sleep 0.2
[[ $client_ok == true ]] || fail "ClusterCheck found failures (above)"
killed_at=$(cat "$work/killed-at" 2>/dev/null || true)
[[ -n $killed_at ]] || { fail "ClusterCheck killed no query node"; exit 1; }
{ wait "${PID[$victim_node]}"; } 2>/dev/null || true
unset "PID[$victim_node]"

# --- failover of the segments ---------------------------------------------------------------------
claimed=false
while true; do # usually long done: the client ran on after the kill
    if [[ $(sql "SELECT count(*) FROM token_entry WHERE owner IS NULL OR owner NOT LIKE '${PID[$survivor_node]}@%'") == 0 ]]; then
        claimed=true
        break
    fi
    (($(now_ms) - killed_at < FAILOVER_LIMIT_S * 1000 + 5000)) || break
    sleep 0.2
done
# when each segment was claimed, to the millisecond, from the survivor's log (polling adds its own delay)
failover_ms=$(grep -h "claimed the token for segment" "$work/$survivor_node.log" | cut -d' ' -f1 \
    | while read -r at; do echo $(($(date -u -d "$at" +%s%3N) - killed_at)); done \
    | awk '$1 > 0' | sort -n | tail -1)
if [[ $claimed == true && -n $failover_ms ]] && ((failover_ms <= FAILOVER_LIMIT_S * 1000)); then
    log "the $moving segments of $victim_node claimed by $survivor_node, the last $failover_ms ms after the kill; segments:"
else
    claimed=false
    fail "the dead node's segments were not all claimed within $FAILOVER_LIMIT_S s"
fi
show_segments

# --- the event store and the read model -----------------------------------------------------------
touch "$work/accepted"
sort "$work/accepted" -o "$work/accepted"
accepted=$(wc -l <"$work/accepted")
caught_up=false
caught_up_from=$(now_ms)
while (($(now_ms) - caught_up_from < 30000)); do
    if [[ $(sql "SELECT count(*) FROM reservation_view") == "$accepted" ]]; then caught_up=true; break; fi
    sleep 0.2
done
[[ $caught_up == true ]] || fail "the read model holds $(sql "SELECT count(*) FROM reservation_view") reservations, $accepted were accepted"

reserved_events="
    SELECT aggregate_identifier AS room, p->>'reservationId' AS id,
           (p->'stay'->>'checkIn')::date AS check_in, (p->'stay'->>'checkOut')::date AS check_out
    FROM domain_event_entry, LATERAL (SELECT convert_from(payload, 'UTF8')::jsonb AS p) AS payload
    WHERE payload_type = 'hotel.booking.api.RoomReserved'"
released_ids="
    SELECT convert_from(payload, 'UTF8')::jsonb->>'reservationId'
    FROM domain_event_entry WHERE payload_type = 'hotel.booking.api.RoomReleased'"
double_in_events=$(sql "
    WITH active AS ($reserved_events AND p->>'reservationId' NOT IN ($released_ids))
    SELECT count(*) FROM active a JOIN active b
      ON a.room = b.room AND a.id < b.id AND a.check_in < b.check_out AND b.check_in < a.check_out")
double_in_view=$(sql "
    SELECT count(*) FROM reservation_view a JOIN reservation_view b
      ON a.room_number = b.room_number AND a.reservation_id < b.reservation_id
     AND a.check_in < b.check_out AND b.check_in < a.check_out
    WHERE a.status = 'CONFIRMED' AND b.status = 'CONFIRMED'")
((double_in_events == 0)) || fail "$double_in_events pairs of reservations share a night (event store)"
((double_in_view == 0)) || fail "$double_in_view pairs of reservations share a night (read model)"

sql "SELECT id FROM ($reserved_events) AS reserved ORDER BY 1" >"$work/in-events"
sql "SELECT reservation_id FROM reservation_view ORDER BY 1" >"$work/in-view"
diff -q "$work/accepted" "$work/in-events" >/dev/null || fail "accepted bookings and RoomReserved events differ: $(comm -3 "$work/accepted" "$work/in-events" | wc -l) ids"
diff -q "$work/accepted" "$work/in-view" >/dev/null || fail "accepted bookings and the read model differ: $(comm -3 "$work/accepted" "$work/in-view" | wc -l) ids"

# where the time from a booking to its pushes goes: the event's time stamp (taken by the command
# node before its commit), the start of the projection's transaction (availability_change.changed_at),
# the first and the last subscriber's receipt
stages=""
if [[ -s $work/receipts ]]; then
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" >/dev/null <<SQL
CREATE TABLE cluster_receipt (room text, check_in date, check_out date, answered bigint, first_receipt bigint, last_receipt bigint);
\copy cluster_receipt FROM '$work/receipts'
SQL
    stages=$(sql "
        WITH s AS (
            SELECT extract(epoch FROM c.changed_at - e.time_stamp::timestamptz) * 1000 AS projected,
                   r.first_receipt - extract(epoch FROM c.changed_at) * 1000 AS first_push,
                   r.last_receipt - extract(epoch FROM c.changed_at) * 1000 AS last_push
            FROM cluster_receipt r
            JOIN availability_change c ON c.kind = 'NIGHTS' AND NOT c.available AND c.room_number = r.room
                                      AND c.from_date = r.check_in AND c.to_date = r.check_out
            JOIN domain_event_entry e ON e.global_index = c.event_index)
        SELECT format('event stored -> projected p50 %s ms, p99 %s ms; projected -> first push p50 %s ms, p99 %s ms; -> last push p50 %s ms, p99 %s ms',
                      round(percentile_cont(0.5) WITHIN GROUP (ORDER BY projected)), round(percentile_cont(0.99) WITHIN GROUP (ORDER BY projected)),
                      round(percentile_cont(0.5) WITHIN GROUP (ORDER BY first_push)), round(percentile_cont(0.99) WITHIN GROUP (ORDER BY first_push)),
                      round(percentile_cont(0.5) WITHIN GROUP (ORDER BY last_push)), round(percentile_cont(0.99) WITHIN GROUP (ORDER BY last_push)))
        FROM s")
fi

# --- figures --------------------------------------------------------------------------------------
echo "Cluster: 2 command + 2 query nodes, one PostgreSQL, no Axon Server"
printf '  %-20s %s cores, load average %s\n' machine "$(nproc 2>/dev/null || sysctl -n hw.ncpu)" \
    "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || sysctl -n vm.loadavg)"
if [[ $claimed == true ]]; then
    printf '  %-20s %s segments of %s claimed by %s, the last %s ms after kill -9 (claim timeout 5 s)\n' \
        "segment failover" "$moving" "$victim_node" "$survivor_node" "$failover_ms"
else
    printf '  %-20s %s segments of %s NOT all claimed within %s s\n' "segment failover" "$moving" "$victim_node" "$FAILOVER_LIMIT_S"
fi
printf '  %-20s %d in the event store, %d in the read model\n' "double bookings" "$double_in_events" "$double_in_view"
printf '  %-20s %d answered 201, %d RoomReserved events, %d in the read model\n' "accepted bookings" \
    "$accepted" "$(wc -l <"$work/in-events")" "$(wc -l <"$work/in-view")"
[[ -n $stages ]] && printf '  %-20s %s\n' "stages" "$stages"
printf '  %-20s %d s\n' "run time" $((SECONDS))
echo
if ((failures > 0)); then
    log "$failures check(s) failed"
    exit 1
fi
log "all checks passed"
