#!/usr/bin/env bash
# Starts a local PostgreSQL for the central store's tests and prints the JDBC URL they use
# (RELIEFDESK_TEST_PG). Safe to run twice. Needs root and Debian's postgresql package.
set -euo pipefail
cluster=$(pg_lsclusters --no-header 2>/dev/null | head -1 || true)
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_createcluster "$version" main >/dev/null 2>&1
  cluster=$(pg_lsclusters --no-header | head -1)
fi
version=$(echo "$cluster" | awk '{print $1}')
name=$(echo "$cluster" | awk '{print $2}')
port=$(echo "$cluster" | awk '{print $3}')
pg_ctlcluster "$version" "$name" start >/dev/null 2>&1 || true
for i in $(seq 1 30); do
  su postgres -c "psql -p $port -qtAc 'SELECT 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -p $port -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'reliefdesk'\"" | grep -q 1 \
  || su postgres -c "psql -p $port -qc \"CREATE ROLE reliefdesk LOGIN PASSWORD 'reliefdesk-test'\""
su postgres -c "psql -p $port -qtAc \"SELECT 1 FROM pg_database WHERE datname = 'reliefdesk_test'\"" | grep -q 1 \
  || su postgres -c "createdb -p $port -O reliefdesk reliefdesk_test"
echo "jdbc:postgresql://127.0.0.1:$port/reliefdesk_test?user=reliefdesk&password=reliefdesk-test"
