# . env.sh : psql's settings for the embedded server under $DATA (its port changes at each start)
DATA=${DATA:-/tmp/publish-100k}
export PGHOST=localhost PGUSER=rectify_owner PGDATABASE=postgres PGPORT=$(sed -n 4p $DATA/postgres/postmaster.pid)
export PGPASSWORD=$(sed -n 's/^rectify_owner=//p' $DATA/postgres-passwords.properties)
