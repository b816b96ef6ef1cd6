# mk.py CYCLE: the county page's slots statement, current form (cur) and the (cycle, task) pairs form (pairs), for pgbench and psql
import subprocess, sys
cyc = sys.argv[1]
q = lambda s: subprocess.run(['psql', '-X', '-At', '-c', s], capture_output=True, text=True, check=True).stdout.strip()
lt, lu = open('leads.txt').read().strip().split('|')
lt = [int(x) for x in lt.strip('{}').split(',')]; lu = [int(x) for x in lu.strip('{}').split(',')]
st = [int(x) for x in open('sups.txt').read().strip().strip('{}').split(',')]
dlt = list(dict.fromkeys(lt)); dlu = list(dict.fromkeys(lu)); allt = list(dict.fromkeys(lt + st))
arr = lambda xs: '{' + ','.join(map(str, xs)) + '}'
SLOT = "select 0 as kind, report_slot.cycle_id, report_slot.task_id, report_slot.unit_id, report_slot.state, report_slot.first_submitted_at, report_slot.latest_report_id, report_slot.submitted_report_id, progress_report.version, progress_report.status, cast(null as bigint), cast(null as int) from "
CON = " union all select 1 as kind, report_contribution.cycle_id, report_contribution.task_id, report_contribution.lead_unit_id, cast(null as text), cast(null as timestamptz), cast(null as bigint), cast(null as bigint), cast(null as int), cast(null as text), report_contribution.unit_id, count(*) from "
GRP = " group by report_contribution.cycle_id, report_contribution.task_id, report_contribution.lead_unit_id, report_contribution.unit_id;"
import re
forms = {
 'cur': ({'c': [cyc], 'lt': dlt, 'lu': dlu, 't': allt},
   SLOT + "report_slot left outer join progress_report on progress_report.id = report_slot.latest_report_id where report_slot.cycle_id = any (cast(:c as bigint[])) and report_slot.task_id = any (cast(:lt as bigint[])) and report_slot.unit_id = any (cast(:lu as bigint[]))"
   + CON + "report_contribution where report_contribution.cycle_id = any (cast(:c as bigint[])) and report_contribution.task_id = any (cast(:t as bigint[]))" + GRP),
 'pairs': ({'sc': [cyc] * len(dlt), 'st': dlt, 'pc': [cyc] * len(allt), 'pt': allt},
   SLOT + "unnest(cast(:sc as bigint[]), cast(:st as bigint[])) as k(cycle_id, task_id) join report_slot on report_slot.cycle_id = k.cycle_id and report_slot.task_id = k.task_id left outer join progress_report on progress_report.id = report_slot.latest_report_id"
   + CON + "unnest(cast(:pc as bigint[]), cast(:pt as bigint[])) as p(cycle_id, task_id) join report_contribution on report_contribution.cycle_id = p.cycle_id and report_contribution.task_id = p.task_id" + GRP),
}
forms['curw'] = (forms['cur'][0], re.sub(r'any \(cast\(:(\w+) as bigint\[\]\)\)', r'any (cast((select cast(:\1 as bigint[])) as bigint[]))', forms['cur'][1]))
forms['pairsw'] = (forms['pairs'][0], re.sub(r'unnest\(cast\(:(\w+) as bigint\[\]\), cast\(:(\w+) as bigint\[\]\)\)', r'unnest((select cast(:\1 as bigint[])), (select cast(:\2 as bigint[])))', forms['pairs'][1]))
forms['curt'] = (forms['cur'][0], re.sub(r'any \(cast\(:(lt|t) as bigint\[\]\)\)', r'any (cast((select cast(:\1 as bigint[])) as bigint[]))', forms['cur'][1]))
for name, (vals, sql) in forms.items():
    head = 'select ' + ', '.join(f"'{arr(v)}' as {k}" for k, v in vals.items()) + ' \\gset\n'
    open(f'{name}-{cyc}.sql', 'w').write(head + sql + '\n')
    open(f'{name}-{cyc}-psql.sql', 'w').write(head + re.sub(r'cast\(:(\w+) as', r"cast(:'\1' as", sql) + '\n')
