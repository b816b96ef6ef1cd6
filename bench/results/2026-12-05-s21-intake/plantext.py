"""A plan of N tasks in the seed's form: sections 一、… each with tasks （一）…, lead and supporting units drawn in turn
from the names given (one a line), so the tasks spread over many units. Usage: plantext.py N TITLE UNITS_FILE > plan.txt"""
import sys
D = "零一二三四五六七八九"
def cn(n):
    if n < 10: return D[n]
    if n < 20: return "十" + (D[n % 10] if n % 10 else "")
    return D[n // 10] + "十" + (D[n % 10] if n % 10 else "")
n, title, names = int(sys.argv[1]), sys.argv[2], [l.strip() for l in open(sys.argv[3]) if l.strip()]
per = 50
out = [title, ""]
k = 0
for s in range(1, (n + per - 1) // per + 1):
    out.append(f"{cn(s)}、第{cn(s)}方面问题整改")
    for t in range(1, per + 1):
        if k >= n: break
        lead, sup = names[k % len(names)], names[(k * 7 + 3) % len(names)]
        year = 2027 + k % 3
        out.append(f"（{cn(t)}）开展第{k + 1}项专项整治。{year}年底前完成问题排查和整改，逐项明确整改责任。（责任单位：{lead}；配合单位：{sup}）")
        k += 1
print("\n".join(out))
