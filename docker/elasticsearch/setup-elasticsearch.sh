#!/bin/bash
# Run once per start by the elasticsearch-setup service (as root, in the Elasticsearch image):
# 1. the cluster's CA and one certificate per node (kept in the elasticsearch-certs volume, created only once);
# 2. once the cluster answers, the role and user the query side signs in with (user hub, password HUB_ES_PASSWORD):
#    everything on the hub's own indices and aliases (hub-*), cluster monitoring for health, nothing else.
set -euo pipefail
cd /usr/share/elasticsearch
certs=config/certs
if [ ! -f "$certs/ca/ca.crt" ]; then
    bin/elasticsearch-certutil ca --silent --pem --out "$certs/ca.zip"
    unzip -q -o "$certs/ca.zip" -d "$certs"
    rm "$certs/ca.zip"
fi
if [ ! -f "$certs/elasticsearch-3/elasticsearch-3.crt" ]; then
    printf 'instances:\n' > "$certs/instances.yml"
    for node in elasticsearch-1 elasticsearch-2 elasticsearch-3; do
        printf '  - name: %s\n    dns: [%s, localhost]\n    ip: [127.0.0.1]\n' "$node" "$node" >> "$certs/instances.yml"
    done
    bin/elasticsearch-certutil cert --silent --pem --in "$certs/instances.yml" --out "$certs/nodes.zip" \
        --ca-cert "$certs/ca/ca.crt" --ca-key "$certs/ca/ca.key"
    unzip -q -o "$certs/nodes.zip" -d "$certs"
    rm "$certs/nodes.zip"
fi
# nodes run as uid 1000 in group 0; the apps (uid 10001) read the CA certificate only, which is public anyway
chown -R root:root "$certs"
find "$certs" -type d -exec chmod 750 {} \;
find "$certs" -type f -exec chmod 640 {} \;
chmod 755 "$certs" "$certs/ca"
chmod 644 "$certs/ca/ca.crt"

es() {
    curl -fsS --cacert "$certs/ca/ca.crt" -u "elastic:$ELASTIC_PASSWORD" -H 'Content-Type: application/json' "$@"
}
until es "https://elasticsearch-1:9200/_cluster/health?wait_for_status=yellow&timeout=5s" >/dev/null 2>&1; do
    sleep 5
done
es -X PUT https://elasticsearch-1:9200/_security/role/hub -d '{
  "cluster": ["monitor"],
  "indices": [{"names": ["hub-*"], "privileges": ["all"]}]
}' >/dev/null
es -X PUT https://elasticsearch-1:9200/_security/user/hub \
    -d "{\"password\": \"$HUB_ES_PASSWORD\", \"roles\": [\"hub\"]}" >/dev/null
echo "elasticsearch set-up done"
# stays up (healthy once the certificates exist) so the nodes' depends_on holds; exits with the stack
exec sleep infinity
