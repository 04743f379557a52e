/**
 * @module A small fictional authority, "Wee Glen", for the board report and dashboard tests. Counts are chosen by hand
 * so some figures are published and some hidden:
 *
 * - 31 July 2020: 25 children looked after (at home 10, foster_la 10, kinship 5); 5 placements out of authority at £700 a week.
 * - 31 July 2021: 29 children looked after (at home 12, foster_la 8, kinship 6, la_home 3); 2 out of authority.
 *   la_home 3 is hidden, so the next smallest, kinship 6, is hidden too; the total 29 stays.
 * - population 10,000 each year: rates 2.5 and 2.9; change from 2020 in 2021: (29 − 25) ÷ 25 = +16%.
 * - cost avoided in 2021: (5 − 2) × £700 × 52 = £109,200.
 */
import type { Queryable } from '../../src/db/database.js';
import { insertExtract, type ExtractRecord } from '../reporting/support/extractLoader.js';

const id = (n: number) => `WG${String(n).padStart(3, '0')}`;

/** The records, as CSV rows. */
export function weeGlenRecords() {
  const children: ExtractRecord[] = [];
  const episodes: ExtractRecord[] = [];
  const placements: ExtractRecord[] = [];
  const add = (n: number, start: string, end: string | null, type: string, outOfAuthority: boolean) => {
    children.push({ child_id: id(n), forename: 'Test', surname: `Child${n}`, date_of_birth: '2012-05-05', school_cluster: n % 2 ? 'Belmont' : 'Carrick' });
    episodes.push({ episode_id: `E${id(n)}`, child_id: id(n), start_date: start, end_date: end, legal_reason: 'cso_home' });
    placements.push({
      placement_id: `P${id(n)}`, episode_id: `E${id(n)}`, child_id: id(n), start_date: start, end_date: end,
      placement_type: type, out_of_authority: outOfAuthority ? 'Y' : 'N', weekly_cost: outOfAuthority ? 700 : null,
    });
  };
  // Looked after on 31 July 2020, all ended by the end of 2020.
  const in2020 = [...Array(10).fill('at_home'), ...Array(10).fill('foster_la'), ...Array(5).fill('kinship')] as string[];
  in2020.forEach((type, index) => add(index + 1, '2019-09-01', '2020-12-31', type, type === 'foster_la' && index < 15));
  // Looked after on 31 July 2021, still open.
  const in2021 = [...Array(12).fill('at_home'), ...Array(8).fill('foster_la'), ...Array(6).fill('kinship'), ...Array(3).fill('la_home')] as string[];
  in2021.forEach((type, index) => add(index + 101, '2021-01-01', null, type, type === 'foster_la' && index < 14));
  return {
    authority: [{ authority_code: 'S12000099', authority_name: 'Wee Glen' }],
    population: [{ year: 2020, age_0_17: 10000 }, { year: 2021, age_0_17: 10000 }],
    children,
    looked_after: episodes,
    placements,
  };
}

/** Load Wee Glen and its benchmark rows. */
export async function loadWeeGlen(db: Queryable): Promise<void> {
  await insertExtract(db, weeGlenRecords());
  await insertWeeGlenBenchmarks(db);
}

/** Scotland's and the family group's looked after children per 1,000 in 2020 and 2021, to set Wee Glen's against. */
export async function insertWeeGlenBenchmarks(db: Queryable): Promise<void> {
  for (const [year, area, value] of [[2020, 'scotland', 13.6], [2021, 'scotland', 12.9], [2020, 'family_group', 14.8], [2021, 'family_group', 14.4]] as const) {
    await db.query('insert into benchmarks (year, indicator, area, value) values ($1, $2, $3, $4)', [year, 'lac.rate_per_1000', area, value]);
  }
}

/** A cover sheet as an author fills it in. */
export const weeGlenCover = {
  meeting: 'Wee Glen Health and Social Care Partnership Integration Joint Board',
  heldOn: '2022-10-12',
  agendaItem: '7',
  title: "Children's Services Transformational Activity",
  summary: 'To inform the board of the progress made with the balance of care.',
  author: 'Morven Testlaw, Head of Children’s Services',
  recommendations: 'It is recommended that the board notes the change in the balance of care.',
  directions: ['none'],
  implications: ['Financial', 'Legal'],
};
