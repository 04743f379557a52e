/**
 * @module A fictional extract the size of a large authority, for the benchmarks: by default 150,000 children and
 * about 560,000 rows, with about 33,000 children looked after at a census (the shape the reporting and import
 * targets of issue 15 were set on). Deterministic from a seed, streamed to disk so a million children fit in a
 * few megabytes of memory. No names of real people: ids, a few invented name pieces and invented clusters.
 *
 *     node dist/bench/largeExtract.js --children 150000 --out /tmp/large-extract [--seed 15]
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createRandom, type Random } from '../src/platform/random/seededRandom.js';

export interface LargeExtractSummary {
  folder: string;
  children: number;
  rows: number;
  files: Record<string, number>;
}

const dayMs = 86_400_000;
const epochDay = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / dayMs);
const isoCache = new Map<number, string>();
function iso(day: number): string {
  let text = isoCache.get(day);
  if (text === undefined) {
    text = new Date(day * dayMs).toISOString().slice(0, 10);
    isoCache.set(day, text);
  }
  return text;
}

const firstRecordDay = epochDay('2012-01-01');
const extractDay = epochDay('2022-10-31');
const clusters = ['Aldbrae', 'Balgonie', 'Cairnhill', 'Dunmore', 'Eastfield', 'Fernlea', 'Glenbank', 'Hillhead', 'Inchmurrin', 'Kilbride', 'Lochview', 'Mossend'];
const forenames = ['Aila', 'Brodie', 'Callum', 'Darcy', 'Eilidh', 'Finn', 'Gregor', 'Isla', 'Jamie', 'Kirsty', 'Lewis', 'Morven', 'Niamh', 'Orla', 'Rory', 'Skye'];
const surnames = ['Baird', 'Cowan', 'Dunlop', 'Fraser', 'Gillies', 'Hendry', 'Imrie', 'Kerr', 'Lennox', 'Munro', 'Nairn', 'Paton', 'Rennie', 'Tulloch'];
const placementTypes = ['at_home', 'kinship', 'foster_la', 'foster_purchased', 'prospective_adopters', 'other_community', 'la_home', 'voluntary_home', 'residential_school', 'secure', 'crisis_care', 'other_residential'];
const placementWeights = [18, 22, 20, 14, 2, 4, 6, 4, 3, 1, 1, 5];
const legalReasons = ['cso_home', 'cso_away', 'interim_cso', 'cpo_or_warrant', 's25_voluntary', 'permanence_order', 'criminal_justice', 'other'];
const reasonsEnded = ['home_with_parents', 'friends_relatives', 'kinship_care_order', 'adopted', 'continuing_care', 'own_tenancy_supported', 'residential', 'custody', 'other', 'not_known'];
const sources = ['education', 'police', 'health', 'self_or_family', 'social_work', 'scra', 'third_sector', 'other'];
const pathways = ['family_first', 'social_work_assessment', 'signposted', 'no_further_action'];
const concerns = ['domestic_abuse', 'parental_mental_health', 'parental_drug_misuse', 'emotional_abuse', 'physical_abuse'];
const teams = ['Children and Families North', 'Children and Families South', 'Family First', 'Through Care', 'Disability Team'];

/** One CSV file written in large pieces. */
class CsvWriter {
  private pending: string[] = [];
  private size = 0;
  rows = 0;
  private constructor(private readonly handle: FileHandle) {}

  static async create(folder: string, name: string, header: string): Promise<CsvWriter> {
    const writer = new CsvWriter(await open(join(folder, name), 'w'));
    writer.pending.push(`${header}\n`);
    return writer;
  }

  async row(line: string): Promise<void> {
    this.pending.push(line, '\n');
    this.size += line.length + 1;
    this.rows++;
    if (this.size > 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    const text = this.pending.join('');
    this.pending = [];
    this.size = 0;
    await this.handle.write(text);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle.close();
  }
}

const pickWeighted = (random: Random, items: readonly string[], weights: readonly number[]) => items[random.weightedIndex(weights)]!;

/**
 * Write the extract's CSV files into `folder` and say how many rows each has.
 * @example await writeLargeExtract('/tmp/large', { children: 150_000 })
 */
export async function writeLargeExtract(folder: string, options: { children: number; seed?: number }): Promise<LargeExtractSummary> {
  const seed = options.seed ?? 15;
  const random = createRandom(seed, 'large-extract');
  await mkdir(folder, { recursive: true });
  const files = {
    authority: await CsvWriter.create(folder, 'authority.csv', 'authority_code,authority_name'),
    population: await CsvWriter.create(folder, 'population.csv', 'year,age_0_17'),
    providers: await CsvWriter.create(folder, 'providers.csv', 'provider_id,name,provider_type'),
    children: await CsvWriter.create(folder, 'children.csv', 'child_id,family_id,forename,surname,date_of_birth,sex,ethnicity,disability,school_cluster,locality'),
    cases: await CsvWriter.create(folder, 'cases.csv', 'case_id,child_id,team,worker_id,opened_date,closed_date'),
    referrals: await CsvWriter.create(folder, 'referrals.csv', 'referral_id,child_id,received_date,source,reason,school_cluster,pathway,closed_date'),
    lookedAfter: await CsvWriter.create(folder, 'looked_after.csv', 'episode_id,child_id,start_date,end_date,legal_reason,reason_ended'),
    placements: await CsvWriter.create(folder, 'placements.csv', 'placement_id,episode_id,child_id,start_date,end_date,placement_type,provider_id,out_of_authority,weekly_cost'),
    registrations: await CsvWriter.create(folder, 'cp_registrations.csv', 'registration_id,child_id,registered_date,deregistered_date,concerns,deregistration_reason'),
    scra: await CsvWriter.create(folder, 'scra_referrals.csv', 'scra_referral_id,child_id,referral_date,ground'),
  };

  await files.authority.row('S12000995,Strathbrae Council (fictional)');
  for (let year = 2015; year <= 2022; year++) await files.population.row(`${year},${Math.round(options.children * 1.05) + year * 3}`);
  const providerCount = 60;
  const providerTypes = ['local_authority', 'voluntary', 'private', 'other_authority'];
  for (let p = 1; p <= providerCount; p++) await files.providers.row(`P${p},Provider ${p},${providerTypes[p % 4]}`);

  let familyNumber = 0;
  for (let i = 1; i <= options.children; i++) {
    const childId = `C${i}`;
    if (i === 1 || random.chance(0.45)) familyNumber++;
    const family = random.chance(0.85) ? `F${familyNumber}` : '';
    const born = epochDay('1996-01-01') + random.int(0, 26 * 365);
    const cluster = random.chance(0.04) ? '' : clusters[i % clusters.length]!;
    await files.children.row(
      `${childId},${family},${random.pick(forenames)},${random.pick(surnames)},${iso(born)},${random.pick(['M', 'F', 'F', 'M', 'U'])},,${random.pick(['N', 'N', 'N', 'Y', 'U'])},${cluster},Locality ${i % 9}`,
    );

    if (random.chance(0.75)) {
      const opened = firstRecordDay + random.int(0, extractDay - firstRecordDay);
      const closed = random.chance(0.55) ? Math.min(extractDay, opened + random.int(20, 1500)) : undefined;
      await files.cases.row(`K${i},${childId},${random.pick(teams)},W${random.int(1, 400)},${iso(opened)},${closed === undefined ? '' : iso(closed)}`);
    }
    const referralCount = random.poisson(0.65);
    for (let r = 0; r < referralCount; r++) {
      const received = epochDay('2014-08-01') + random.int(0, extractDay - epochDay('2014-08-01'));
      const closed = random.chance(0.7) ? Math.min(extractDay, received + random.int(0, 120)) : undefined;
      const referralCluster = random.chance(0.3) ? clusters[random.int(0, clusters.length - 1)]! : '';
      await files.referrals.row(
        `R${i}-${r},${childId},${iso(received)},${random.pick(sources)},,${referralCluster},${random.pick(pathways)},${closed === undefined ? '' : iso(closed)}`,
      );
    }

    if (random.chance(0.38)) {
      const start = firstRecordDay + random.int(0, epochDay('2022-06-30') - firstRecordDay);
      const endDay = random.chance(0.45) ? undefined : start + random.int(200, 3000);
      const end = endDay !== undefined && endDay < extractDay ? endDay : undefined;
      const episodeId = `E${i}`;
      await files.lookedAfter.row(
        `${episodeId},${childId},${iso(start)},${end === undefined ? '' : iso(end)},${random.pick(legalReasons)},${end === undefined ? '' : random.pick(reasonsEnded)}`,
      );
      // One to three placements, one after another, covering the episode from its start.
      const last = end ?? extractDay;
      const pieces = last - start > 60 ? random.int(1, 3) : 1;
      let from = start;
      for (let p = 1; p <= pieces; p++) {
        const to = p === pieces ? end : from + Math.max(1, Math.floor((last - from) / (pieces - p + 1)));
        const type = pickWeighted(random, placementTypes, placementWeights);
        const provider = type === 'at_home' || type === 'kinship' || random.chance(0.2) ? '' : `P${random.int(1, providerCount)}`;
        const outOfAuthority = random.chance(0.08) ? 'Y' : random.chance(0.5) ? 'N' : '';
        const cost = provider && random.chance(0.8) ? (150 + random.int(0, 450000) / 100).toFixed(2) : '';
        await files.placements.row(`L${i}-${p},${episodeId},${childId},${iso(from)},${to === undefined ? '' : iso(to)},${type},${provider},${outOfAuthority},${cost}`);
        if (to === undefined) break;
        from = to;
      }
    }
    if (random.chance(0.1)) {
      const registered = epochDay('2014-08-01') + random.int(0, extractDay - epochDay('2014-08-01'));
      const deregistered = random.chance(0.8) ? registered + random.int(30, 700) : undefined;
      const off = deregistered !== undefined && deregistered < extractDay ? deregistered : undefined;
      await files.registrations.row(
        `G${i},${childId},${iso(registered)},${off === undefined ? '' : iso(off)},${random.pick(concerns)};${random.pick(['neglect', 'other'])},${off === undefined ? '' : 'improved_home_situation'}`,
      );
      if (off !== undefined && random.chance(0.15) && off + 40 < extractDay) {
        const again = off + random.int(1, Math.min(700, extractDay - off - 1));
        await files.registrations.row(`G${i}b,${childId},${iso(again)},,neglect,`);
      }
    }
    if (random.chance(0.13)) {
      const referred = epochDay('2014-04-01') + random.int(0, extractDay - epochDay('2014-04-01'));
      await files.scra.row(`S${i},${childId},${iso(referred)},${'abcdefghijklmnopq'[random.int(0, 16)]}`);
    }
  }

  const counts: Record<string, number> = {};
  let rows = 0;
  for (const [name, writer] of Object.entries(files)) {
    await writer.close();
    counts[name] = writer.rows;
    rows += writer.rows;
  }
  return { folder, children: options.children, rows, files: counts };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { children: { type: 'string', default: '150000' }, out: { type: 'string' }, seed: { type: 'string', default: '15' } } });
  if (!values.out) {
    process.stderr.write('usage: node dist/bench/largeExtract.js --children 150000 --out FOLDER [--seed 15]\n');
    process.exit(2);
  }
  writeLargeExtract(values.out, { children: Number(values.children), seed: Number(values.seed) })
    .then((summary) => process.stdout.write(`${JSON.stringify(summary)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
