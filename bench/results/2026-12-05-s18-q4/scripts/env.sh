export PGHOST=localhost PGUSER=postgres PGDATABASE=postgres
export PGPASSWORD=$(sed -n 's/^postgres=//p' /tmp/q4-100k/postgres-passwords.properties)
export PGPORT=$(sed -n 4p /tmp/q4-100k/postgres/postmaster.pid)
