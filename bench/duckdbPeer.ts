/**
 * @module The peer `cairn stats` is measured against: DuckDB reading an extract's CSV files straight from disk
 * and computing the census indicators of indicators.md (the twelve of "Census indicators") for a range of years,
 * as a whole process. It prints the same rows `cairn stats --json` would for those indicators, so the bench can
 * also check that the two agree.
 *
 *     node dist/bench/duckdbPeer.js FOLDER 2015-2022 [BASELINE]
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const residential = ['la_home', 'voluntary_home', 'residential_school', 'secure', 'crisis_care', 'other_residential'];

/** A string literal for DuckDB (the folder is the bench's own). */
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

function tables(folder: string): string[] {
  const csv = (file: string, columns: Record<string, string>) =>
    `read_csv(${literal(join(folder, file))}, header = true, auto_detect = false, columns = {${Object.entries(columns)
      .map(([name, type]) => `${literal(name)}: ${literal(type)}`)
      .join(', ')}})`;
  return [
    `create table episodes as select child_id, start_date, end_date from ${csv('looked_after.csv', {
      episode_id: 'VARCHAR', child_id: 'VARCHAR', start_date: 'DATE', end_date: 'DATE', legal_reason: 'VARCHAR', reason_ended: 'VARCHAR',
    })}`,
    `create table placements as select * from ${csv('placements.csv', {
      placement_id: 'VARCHAR', episode_id: 'VARCHAR', child_id: 'VARCHAR', start_date: 'DATE', end_date: 'DATE', placement_type: 'VARCHAR',
      provider_id: 'VARCHAR', out_of_authority: 'VARCHAR', weekly_cost: 'DECIMAL(12,2)',
    })}`,
    `create table providers as select * from ${csv('providers.csv', { provider_id: 'VARCHAR', name: 'VARCHAR', provider_type: 'VARCHAR' })}`,
    `create table cases as select child_id, opened_date, closed_date from ${csv('cases.csv', {
      case_id: 'VARCHAR', child_id: 'VARCHAR', team: 'VARCHAR', worker_id: 'VARCHAR', opened_date: 'DATE', closed_date: 'DATE',
    })}`,
    `create table registrations as select child_id, registered_date, deregistered_date from ${csv('cp_registrations.csv', {
      registration_id: 'VARCHAR', child_id: 'VARCHAR', registered_date: 'DATE', deregistered_date: 'DATE', concerns: 'VARCHAR', deregistration_reason: 'VARCHAR',
    })}`,
    `create table population as select * from ${csv('population.csv', { year: 'INTEGER', age_0_17: 'INTEGER' })}`,
  ];
}

/** Every row of the census indicators for the census dates of `years`, with `baseline` for the two that compare. */
export async function duckdbCensusRows(folder: string, years: number[], baseline: number): Promise<{ indicator: string; period: string; value: number; placement_type?: string }[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const statement of tables(folder)) await connection.run(statement);
  const dates = [...new Set([...years, baseline])].map((year) => `(date '${year}-07-31')`).join(', ');
  await connection.run(`create table census as select * from (values ${dates}) as census (census_date)`);
  // coalesce rather than `end is null or end > D`: DuckDB's range joins (IEJoin) need plain comparisons.
  const open = (alias: string, start: string, end: string) => `${alias}.${start} <= census.census_date and coalesce(${alias}.${end}, date '9999-12-31') > census.census_date`;
  const read = async <Row>(sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Row[];

  const byType = await read<{ census_date: Date; placement_type: string; children: bigint }>(`
    select census.census_date, coalesce(placement.placement_type, 'not_recorded') as placement_type, count(distinct episode.child_id) as children
      from census
      join episodes episode on ${open('episode', 'start_date', 'end_date')}
      left join placements placement on placement.child_id = episode.child_id and ${open('placement', 'start_date', 'end_date')}
     group by all`);
  const placementsOpen = await read<{ census_date: Date; out_of_authority: bigint; costed: bigint; cost: number; external: bigint }>(`
    select census.census_date,
           count(*) filter (where placement.out_of_authority = 'Y') as out_of_authority,
           count(placement.weekly_cost) filter (where placement.out_of_authority = 'Y') as costed,
           coalesce(sum(placement.weekly_cost) filter (where placement.out_of_authority = 'Y'), 0)::double as cost,
           count(*) filter (where provider.provider_type <> 'local_authority') as external
      from census
      join placements placement on ${open('placement', 'start_date', 'end_date')}
      left join providers provider on provider.provider_id = placement.provider_id
     group by all`);
  const registered = await read<{ census_date: Date; children: bigint }>(`
    select census.census_date, count(distinct registration.child_id) as children
      from census join registrations registration on ${open('registration', 'registered_date', 'deregistered_date')} group by all`);
  const caseload = await read<{ census_date: Date; open_children: bigint; statutory_children: bigint }>(`
    with open_case as (
      select distinct census.census_date, c.child_id from census join cases c on ${open('c', 'opened_date', 'closed_date')}
    ), looked_after as (
      select distinct census.census_date, episode.child_id from census join episodes episode on ${open('episode', 'start_date', 'end_date')}
    )
    select open_case.census_date, count(*) as open_children, count(looked_after.child_id) as statutory_children
      from open_case left join looked_after using (census_date, child_id) group by all`);
  const population = new Map((await read<{ year: number; age_0_17: number }>('select year, age_0_17 from population')).map((row) => [row.year, row.age_0_17]));
  connection.closeSync();
  instance.closeSync();

  const day = (date: Date) => date.toISOString().slice(0, 10);
  const round = (value: number, places: number) => Math.sign(value) * Math.round(Math.abs(value) * 10 ** places + 1e-9) / 10 ** places;
  const rows: { indicator: string; period: string; value: number; placement_type?: string }[] = [];
  const lacOn = new Map<string, number>();
  for (const row of byType) lacOn.set(day(row.census_date), (lacOn.get(day(row.census_date)) ?? 0) + Number(row.children));
  const baselineDate = `${baseline}-07-31`;
  const placementsOn = new Map(placementsOpen.map((row) => [day(row.census_date), row]));
  for (const year of years) {
    const date = `${year}-07-31`;
    const lac = lacOn.get(date) ?? 0;
    rows.push({ indicator: 'lac.count', period: date, value: lac });
    const people = population.get(year);
    if (people) rows.push({ indicator: 'lac.rate_per_1000', period: date, value: round((lac * 1000) / people, 1) });
    const atBaseline = lacOn.get(baselineDate) ?? 0;
    if (atBaseline) rows.push({ indicator: 'lac.change_from_baseline_pct', period: date, value: round(((lac - atBaseline) * 100) / atBaseline, 0) });
    const types = byType.filter((row) => day(row.census_date) === date);
    for (const row of types) rows.push({ indicator: 'lac.by_placement_type', period: date, placement_type: row.placement_type, value: Number(row.children) });
    const inResidential = types.filter((row) => residential.includes(row.placement_type)).reduce((sum, row) => sum + Number(row.children), 0);
    if (lac) rows.push({ indicator: 'lac.community_pct', period: date, value: round(((lac - inResidential) * 100) / lac, 1) });
    const placed = placementsOn.get(date);
    rows.push({ indicator: 'placements.out_of_authority', period: date, value: Number(placed?.out_of_authority ?? 0) });
    rows.push({ indicator: 'placements.external', period: date, value: Number(placed?.external ?? 0) });
    rows.push({ indicator: 'cp.registered', period: date, value: Number(registered.find((row) => day(row.census_date) === date)?.children ?? 0) });
    const load = caseload.find((row) => day(row.census_date) === date);
    rows.push({ indicator: 'caseload.open', period: date, value: Number(load?.open_children ?? 0) });
    rows.push({ indicator: 'caseload.statutory', period: date, value: Number(load?.statutory_children ?? 0) });
    if (load && Number(load.open_children)) rows.push({ indicator: 'caseload.statutory_pct', period: date, value: round((Number(load.statutory_children) * 100) / Number(load.open_children), 1) });
    const atBaselinePlaced = placementsOn.get(baselineDate);
    if (atBaselinePlaced && Number(atBaselinePlaced.costed)) {
      const meanCost = atBaselinePlaced.cost / Number(atBaselinePlaced.costed);
      rows.push({ indicator: 'placements.cost_avoidance_gbp', period: date, value: round((Number(atBaselinePlaced.out_of_authority) - Number(placed?.out_of_authority ?? 0)) * meanCost * 52, 0) });
    }
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [folder, range, baselineText] = process.argv.slice(2);
  const match = /^(\d{4})(?:-(\d{4}))?$/.exec(range ?? '');
  if (!folder || !match) {
    process.stderr.write('usage: node dist/bench/duckdbPeer.js FOLDER 2015-2022 [BASELINE]\n');
    process.exit(2);
  }
  const first = Number(match[1]);
  const last = Number(match[2] ?? match[1]);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  duckdbCensusRows(folder, years, Number(baselineText ?? first))
    .then((rows) => process.stdout.write(`${JSON.stringify({ rows })}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
