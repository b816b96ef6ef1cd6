import os, sys
# the data directory's server CPU: postmaster (own + its ended children's, cutime/cstime) + live children
pm = int(open(f'{sys.argv[1]}/postgres/postmaster.pid').readline())
f = open(f'/proc/{pm}/stat').read().rsplit(')', 1)[1].split()
t = sum(int(x) for x in f[11:15])
for p in os.listdir('/proc'):
    if p.isdigit():
        try:
            st = open(f'/proc/{p}/stat').read().rsplit(')', 1)[1].split()
            if int(st[1]) == pm:
                t += int(st[11]) + int(st[12])
        except Exception:
            pass
print(t)
