"""runs.py runs.txt : per line of draft.sh's output, the draft's and the review page's wall time and CPU (JVM, PG)."""
import sys
for line in open(sys.argv[1]):
    f = line.split()
    label, tag, at, load = f[0], f[1], f[2], f[4]
    d, p = float(f[6]), float(f[8])
    c = line.split("cpu(jvm pg)")[1].split("|")
    (j0, g0), (j1, g1), (j2, g2) = [tuple(map(float, x.split())) for x in c]
    print(f"{label:8} {tag:8} {at} load {load:>5}  draft {d:6.2f} s  jvm {j1-j0:5.2f} pg {g1-g0:5.2f}   "
          f"page {p:6.2f} s  jvm {j2-j1:5.2f} pg {g2-g1:5.2f}")
