# . env.sh DATA
export PGHOST=localhost PGUSER=rectify_owner PGDATABASE=postgres PGPORT=$(sed -n 4p $1/postgres/postmaster.pid)
export PGPASSWORD=$(sed -n 's/^rectify_owner=//p' $1/postgres-passwords.properties)
