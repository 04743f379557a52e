/** @module Writes a large, valid, fictional extract for measuring the import rate. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const surnames = ['Boyd', 'Kerr', 'Muir', 'Reid', 'Shaw', 'Hay', 'Frew', 'Lang'];
const forenames = ['Ailsa', 'Rory', 'Isla', 'Euan', 'Kirsty', 'Callum', 'Morven', 'Fraser'];
const clusters = ['Belmont', 'Carrick', 'Girvan', 'Kyle', 'Marr', 'Prestwick', 'Queen Margaret'];
const placementTypes = ['kinship', 'foster_la', 'foster_purchased', 'la_home', 'residential_school'];

function day(start: string, days: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Write an extract of about `children` × 5 rows: every child with a case and a referral, two in five
 * looked after with two placements, some registered and referred to the Reporter.
 * @example const rows = await generateExtract('/tmp/big', 20_000) // about 100,000 rows
 */
export async function generateExtract(folder: string, children: number): Promise<number> {
  await mkdir(folder, { recursive: true });
  const files: Record<string, string[]> = {
    'authority.csv': ['authority_code,authority_name', 'S12000999,Generatedshire'],
    'population.csv': ['year,age_0_17', '2019,21000', '2020,21100', '2021,21200'],
    'providers.csv': ['provider_id,name,provider_type'],
    'children.csv': ['child_id,family_id,forename,surname,date_of_birth,sex,ethnicity,disability,school_cluster,locality'],
    'cases.csv': ['case_id,child_id,team,worker_id,opened_date,closed_date'],
    'referrals.csv': ['referral_id,child_id,received_date,source,reason,school_cluster,pathway,closed_date'],
    'looked_after.csv': ['episode_id,child_id,start_date,end_date,legal_reason,reason_ended'],
    'placements.csv': ['placement_id,episode_id,child_id,start_date,end_date,placement_type,provider_id,out_of_authority,weekly_cost'],
    'cp_registrations.csv': ['registration_id,child_id,registered_date,deregistered_date,concerns,deregistration_reason'],
    'scra_referrals.csv': ['scra_referral_id,child_id,referral_date,ground'],
    'benchmarks.csv': ['year,indicator,area,value'],
  };
  for (let p = 0; p < 200; p++) files['providers.csv'].push(`PR${p},"Provider ${p}, Ltd",${p % 4 === 0 ? 'local_authority' : 'private'}`);
  for (let year = 2015; year <= 2021; year++) {
    for (let area = 0; area < 40; area++) files['benchmarks.csv'].push(`${year},lac.rate_per_1000,S12${String(area).padStart(6, '0')},${(10 + area / 10).toFixed(1)}`);
  }
  for (let c = 0; c < children; c++) {
    const id = `CH${c}`;
    const born = day('2004-01-01', (c * 37) % 6000);
    files['children.csv'].push(
      `${id},FA${Math.floor(c / 2)},${forenames[c % 8]},${surnames[(c >> 3) % 8]},${born},${'MFXU'[c % 4]},White Scottish,${'YNU'[c % 3]},${clusters[c % 7]},Ward ${c % 9}`,
    );
    files['cases.csv'].push(`CS${c},${id},Family First,W${c % 50},${day('2018-01-01', c % 900)},${c % 3 === 0 ? day('2021-01-01', c % 200) : ''}`);
    files['referrals.csv'].push(`RF${c},${id},${day('2019-01-01', c % 800)},education,"Attendance, lateness",${clusters[(c + 1) % 7]},family_first,`);
    if (c % 5 < 2) {
      const start = day('2018-01-01', c % 700);
      const middle = day(start, 120);
      const end = c % 2 === 0 ? day(start, 400) : '';
      files['looked_after.csv'].push(`EP${c},${id},${start},${end},cso_away,${end ? 'home_with_parents' : ''}`);
      files['placements.csv'].push(`PL${c}a,EP${c},${id},${start},${middle},${placementTypes[c % 5]},PR${c % 200},N,${(500 + (c % 300)).toFixed(2)}`);
      files['placements.csv'].push(`PL${c}b,EP${c},${id},${middle},${end},${placementTypes[(c + 1) % 5]},,${c % 7 === 0 ? 'Y' : 'N'},`);
    }
    if (c % 10 < 3) files['cp_registrations.csv'].push(`CP${c},${id},${day('2019-06-01', c % 300)},,neglect;domestic_abuse,`);
    if (c % 10 < 4) files['scra_referrals.csv'].push(`SR${c},${id},${day('2020-01-01', c % 300)},${'abcdefghijklmnopq'[c % 17]}`);
  }
  let rows = 0;
  for (const [name, lines] of Object.entries(files)) {
    rows += lines.length - 1;
    await writeFile(join(folder, name), `${lines.join('\n')}\n`);
  }
  return rows;
}
