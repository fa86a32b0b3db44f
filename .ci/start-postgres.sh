#!/usr/bin/env bash
# Starts Debian's PostgreSQL on 127.0.0.1:5432 with password auth (postgres/postgres) for integration tests.
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^${version} main"; then
  pg_createcluster "$version" main >/dev/null
fi
conf="/etc/postgresql/${version}/main"
sed -i "s/^#\?listen_addresses.*/listen_addresses = '127.0.0.1'/" "$conf/postgresql.conf"
grep -q "^max_connections = 200" "$conf/postgresql.conf" || echo "max_connections = 200" >>"$conf/postgresql.conf"
pg_ctlcluster "$version" main start 2>/dev/null || pg_ctlcluster "$version" main restart
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\""
echo "PostgreSQL ${version} ready on 127.0.0.1:5432"
