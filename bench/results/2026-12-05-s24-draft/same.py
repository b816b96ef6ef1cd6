"""same.py A.json B.json : the two draft answers (POST /api/intake/drafts or GET /api/intake/drafts/{id}) compared
with what differs by nature blanked (draft id, task ids, times): every task's fields in order, unit matches
(unitId, unitName, rule), warnings, unresolved mentions, header, source text. Prints the differences; exit 1 if any."""
import json, sys
def norm(path):
    d = json.load(open(path))
    for k in ("id", "createdAt", "updatedAt"):
        d[k] = None
    for t in d["tasks"]:
        t["id"] = None
    return d
a, b = norm(sys.argv[1]), norm(sys.argv[2])
diffs = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k) and k != "tasks"]
ta, tb = a["tasks"], b["tasks"]
if len(ta) != len(tb):
    diffs.append(f"tasks: {len(ta)} vs {len(tb)}")
for i, (x, y) in enumerate(zip(ta, tb)):
    if x != y:
        diffs.append(f"task {i} ({x.get('ref')}): " + ", ".join(k for k in x if x.get(k) != y.get(k)))
units = sum(len(t["leadUnits"]) + len(t["supportingUnits"]) for t in ta)
resolved = sum(1 for t in ta for u in t["leadUnits"] + t["supportingUnits"] if u.get("unitId") is not None)
print(f"{sys.argv[1]} vs {sys.argv[2]}: {len(ta)} tasks, {units} unit mentions ({resolved} resolved), "
      f"{len(a['warnings'])} warnings, {len(a['unresolved'])} unresolved: " + ("SAME" if not diffs else f"{len(diffs)} DIFFERENCES"))
for d in diffs[:20]:
    print("  " + d)
sys.exit(1 if diffs else 0)
