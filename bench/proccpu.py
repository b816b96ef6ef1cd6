"""CPU ticks of the app and of a data directory's PostgreSQL (postmaster and its children), from /proc: what
bench/cpu-per-request.py and bench/requestcost.py divide by the requests they send."""
import os

HZ = os.sysconf('SC_CLK_TCK')


def ticks(pid):
    f = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return int(f[11]) + int(f[12])


def pg_ticks(pgdata, ended=False):
    """ended: with the CPU of the postmaster's children that have ended (pgbench's backends, one per run)."""
    pm = int(open(f'{pgdata}/postgres/postmaster.pid').readline())
    t = ticks(pm)
    if ended:
        f = open(f'/proc/{pm}/stat').read().rsplit(')', 1)[1].split()
        t += int(f[13]) + int(f[14])
    for p in os.listdir('/proc'):
        if p.isdigit():
            try:
                st = open(f'/proc/{p}/stat').read().rsplit(')', 1)[1].split()
                if int(st[1]) == pm:
                    t += int(st[11]) + int(st[12])
            except Exception:
                pass
    return t
