import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, signInAs } from '../../../test/support/signIn.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { paths } from '../../platform/http/paths.js';

const run = promisify(execFile);
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });

function multipartBody(fields: Record<string, string>, file: { name: string; filename: string; type: string; bytes: Buffer }) {
  const boundary = '----cairnTestBoundary';
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A small real PNG whose header claims `width` by `height` pixels: a few bytes that would decode to gigabytes. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#ffffff' } }).png().toBuffer());
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29); // the IHDR chunk's checksum, over its type and data
  return png;
}

/** The EXIF block's GPS pointer (tag 0x8825), in either byte order. */
const hasGpsTag = (bytes: Buffer) => bytes.includes(Buffer.from([0x88, 0x25])) || bytes.includes(Buffer.from([0x25, 0x88]));

describe(`Signs of Safety pages: forms, conflicts, drawings and family copies (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let cookie: string;
  let workerId: string;
  let colleagueCookie: string;
  let mapId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aChild(database.db, { childId: 'R1', forename: 'Ailsa', surname: 'Boyd' });
    await aChild(database.db, { childId: 'R9', forename: 'Isla', surname: 'Kerr' });
    await aCase(database.db, 'R1', { team: 'Family First', workerId: 'W1' });
    await aCase(database.db, 'R9', { team: 'North', workerId: 'W9' });
    app = await buildApp(services, { logger: false });
    const signedIn = await signInAs(app, services, 'practitioner', { team: 'Family First', workerId: 'W1' });
    cookie = signedIn.cookie;
    workerId = signedIn.user.userId;
    ({ cookie: colleagueCookie } = await signInAs(app, services, 'practitioner', { team: 'Family First', workerId: 'W2' }));
    const start = await openForm(app, paths.safety.maps({ childId: 'R1' }), cookie);
    const started = await app.inject({ method: 'POST', url: paths.safety.maps({ childId: 'R1' }), headers: urlencoded(start.cookie), payload: form({ _csrf: start.token, title: 'Boyd family' }) });
    expect(started.statusCode).toBe(303);
    mapId = /\/safety\/maps\/([0-9a-f-]{36})$/.exec(started.headers.location as string)![1]!;
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('explains a danger statement without a safety goal beside the field and keeps what was typed', async () => {
    const url = paths.safety.newPair({ childId: 'R1', mapId });
    const page = await openForm(app, url, cookie);
    const response = await app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form({ _csrf: page.token, mapVersion: '1', dangerStatement: 'Dad shouts at night', safetyGoal: '', saidBy: 'Mum', 'saidOn-day': '5', 'saidOn-month': '1', 'saidOn-year': '2026' }) });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Enter the safety goal for this danger statement');
    expect(response.body).toContain('href="#safetyGoal"');
    expect(response.body).toContain('Dad shouts at night');
    expect(await database.db.query('select 1 from safety_pairs where map_id = $1', [mapId])).toEqual([]);
  });

  it('puts back a section typed before the session ended, until it is saved or discarded', async () => {
    const url = paths.safety.newMember({ childId: 'R1', mapId });
    await services.drafts.keep(workerId, url, { _csrf: 'old', mapVersion: '1', name: 'Jean Boyd', relationship: 'Gran', agreedToDo: 'Bedtime every evening' });
    const restored = await app.inject({ url, headers: { cookie } });
    expect(restored.body).toContain('What you were typing has been kept');
    expect(restored.body).toContain('value="Jean Boyd"');
    expect(restored.body).toContain('Bedtime every evening');
    // Kept against the version it was typed on, so anything saved since is shown as a conflict, not overwritten.
    expect(restored.body).toContain('name="mapVersion" value="1"');
    // Kept until the form is saved or what was kept is discarded.
    const again = await openForm(app, url, cookie);
    expect(again.html).toContain('value="Jean Boyd"');
    // Saved: the draft is used up.
    const version = /name="mapVersion" value="(\d+)"/.exec(again.html)![1]!;
    const saved = await app.inject({ method: 'POST', url, headers: urlencoded(again.cookie), payload: form({ _csrf: again.token, mapVersion: version, name: 'Jean Boyd', relationship: 'Gran', agreedToDo: 'Bedtime every evening' }) });
    expect(saved.statusCode).toBe(303);
    expect((await app.inject({ url, headers: { cookie } })).body).not.toContain('Jean Boyd');
    expect(await services.drafts.findFor(workerId, url)).toBeUndefined();
  });

  it('shows a conflict page with the other person’s change, and re-applies mine on top', async () => {
    const url = paths.safety.newItem({ childId: 'R1', mapId, category: 'existing_strength' });
    const mine = await openForm(app, url, cookie);
    const theirs = await openForm(app, url, colleagueCookie);
    const version = /name="mapVersion" value="(\d+)"/.exec(mine.html)![1]!;
    const fields = (words: string) => ({ mapVersion: version, words, saidBy: 'Gran', 'saidOn-day': '5', 'saidOn-month': '1', 'saidOn-year': '2026' });
    expect((await app.inject({ method: 'POST', url, headers: urlencoded(theirs.cookie), payload: form({ _csrf: theirs.token, ...fields('Gran walks them to school') }) })).statusCode).toBe(303);
    const conflict = await app.inject({ method: 'POST', url, headers: urlencoded(mine.cookie), payload: form({ _csrf: mine.token, ...fields('Mum has stopped drinking') }) });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('Someone else changed this map');
    expect(conflict.body).toContain('Added to existing strength: Gran walks them to school');
    expect(conflict.body).toContain('Mum has stopped drinking');
    const reapply = /name="mapVersion" value="(\d+)"/.exec(conflict.body)![1]!;
    expect(Number(reapply)).toBe(Number(version) + 1);
    const again = await app.inject({ method: 'POST', url, headers: urlencoded(mine.cookie), payload: form({ _csrf: mine.token, ...fields('Mum has stopped drinking'), mapVersion: reapply }) });
    expect(again.statusCode).toBe(303);
    const mapPage = await app.inject({ url: paths.safety.map({ childId: 'R1', mapId }), headers: { cookie } });
    expect(mapPage.body).toContain('Gran walks them to school');
    expect(mapPage.body).toContain('Mum has stopped drinking');
  });

  it('refuses the map, its family copy and its forms to someone outside the child’s team', async () => {
    const { cookie: outsider } = await signInAs(app, services, 'practitioner', { team: 'North', workerId: 'W9' });
    for (const url of [paths.safety.map({ childId: 'R1', mapId }), paths.safety.familyCopy({ childId: 'R1', mapId, format: 'pdf' }), paths.safety.newPair({ childId: 'R1', mapId }), paths.safety.voice({ childId: 'R1' })]) {
      expect((await app.inject({ url, headers: { cookie: outsider } })).statusCode, url).toBe(403);
    }
  });

  it('uploads a real PNG drawing, refuses a file that only claims to be one, and serves it with its type', async () => {
    const url = paths.safety.newDrawing({ childId: 'R1' });
    const page = await openForm(app, url, cookie);
    const fields = { _csrf: page.token, tool: 'good_things', description: 'Me and Gran at the park', 'drawnOn-day': '5', 'drawnOn-month': '1', 'drawnOn-year': '2026' };
    const fake = multipartBody(fields, { name: 'picture', filename: 'drawing.png', type: 'image/png', bytes: Buffer.from('<html><script>alert(1)</script>') });
    const refused = await app.inject({ method: 'POST', url, headers: { cookie: page.cookie, 'content-type': fake.contentType }, payload: fake.payload });
    expect(refused.statusCode).toBe(200);
    expect(refused.body).toContain('The drawing must be a PNG or JPEG picture');
    const png = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#2266aa' } }).png().toBuffer();
    const huge = multipartBody(fields, { name: 'picture', filename: 'big.png', type: 'image/png', bytes: Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]) });
    const tooBig = await app.inject({ method: 'POST', url, headers: { cookie: page.cookie, 'content-type': huge.contentType }, payload: huge.payload });
    expect(tooBig.statusCode).toBe(200);
    expect(tooBig.body).toContain('The drawing must be 5 MB or smaller');
    expect(await database.db.query('select 1 from child_drawings')).toEqual([]);
    const real = multipartBody(fields, { name: 'picture', filename: 'anything.bin', type: 'application/octet-stream', bytes: png });
    const saved = await app.inject({ method: 'POST', url, headers: { cookie: page.cookie, 'content-type': real.contentType }, payload: real.payload });
    expect(saved.statusCode).toBe(303);
    const voice = await app.inject({ url: paths.safety.voice({ childId: 'R1' }), headers: { cookie } });
    const src = /<img src="([^"]+)" alt="Me and Gran at the park"/.exec(voice.body)![1]!;
    const picture = await app.inject({ url: src, headers: { cookie } });
    expect(picture.statusCode).toBe(200);
    expect(picture.headers['content-type']).toBe('image/png');
    expect(picture.headers['content-disposition']).toMatch(/^inline; filename="drawing.png"/);
    expect(await sharp(picture.rawPayload).metadata()).toMatchObject({ format: 'png', width: 30, height: 20 });
  });

  it('keeps a photographed drawing without its EXIF and GPS position, and refuses text posing as a PNG and a picture of too many pixels', async () => {
    const url = paths.safety.newDrawing({ childId: 'R1' });
    const page = await openForm(app, url, cookie);
    const fields = { _csrf: page.token, tool: 'worries', description: 'The shouting at night', 'drawnOn-day': '6', 'drawnOn-month': '1', 'drawnOn-year': '2026' };
    const post = (file: { filename: string; type: string; bytes: Buffer }) => {
      const body = multipartBody(fields, { name: 'picture', ...file });
      return app.inject({ method: 'POST', url, headers: { cookie: page.cookie, 'content-type': body.contentType }, payload: body.payload });
    };
    const before = await database.db.query('select drawing_id from child_drawings');

    // Text that starts like a PNG: the first bytes are right, but it does not decode.
    const text = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('Dear diary, this is not a picture at all.\n')]);
    const notAPicture = await post({ filename: 'notes.png', type: 'image/png', bytes: text });
    expect(notAPicture.statusCode).toBe(200);
    expect(notAPicture.body).toMatch(/id="picture-error"[^]*The drawing must be a PNG or JPEG picture/);
    expect(notAPicture.body).toContain('href="#picture"');
    expect(notAPicture.body).toContain('The shouting at night');

    // A few hundred bytes declaring 100,000 by 100,000 pixels.
    const bomb = await post({ filename: 'huge.png', type: 'image/png', bytes: await pngClaiming(100_000, 100_000) });
    expect(bomb.statusCode).toBe(200);
    expect(bomb.body).toMatch(/id="picture-error"[^]*The drawing is too big: it must be at most 40 million pixels/);
    expect(await database.db.query('select drawing_id from child_drawings')).toEqual(before);

    // A phone photo with the camera's EXIF and where it was taken.
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c08040' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Make: 'PhoneCo', Model: 'Pocket 9' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '57/1 8/1 42/1', GPSLongitudeRef: 'W', GPSLongitude: '2/1 5/1 37/1' } } })
      .toBuffer();
    const original = await sharp(photo).metadata();
    expect(original.exif && hasGpsTag(original.exif)).toBe(true);
    expect(photo.includes(Buffer.from('PhoneCo'))).toBe(true);
    expect((await post({ filename: 'IMG_0042.jpg', type: 'image/jpeg', bytes: photo })).statusCode).toBe(303);
    const kept = await database.db.query<{ drawing_id: string; content_type: string }>(`select drawing_id, content_type from child_drawings where description = 'The shouting at night'`);
    expect(kept.map((row) => row.content_type)).toEqual(['image/jpeg']);
    const served = await app.inject({ url: paths.safety.drawing({ childId: 'R1', drawingId: kept[0]!.drawing_id }), headers: { cookie } });
    expect(served.statusCode).toBe(200);
    const metadata = await sharp(served.rawPayload).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
    expect(metadata.exif).toBeUndefined();
    expect(served.rawPayload.includes(Buffer.from('Exif\0\0'))).toBe(false);
    expect(served.rawPayload.includes(Buffer.from('PhoneCo'))).toBe(false);
  });

  it('gives the family a PDF and a Word document that real readers open, in the family’s words', async () => {
    const { db } = database;
    const actor = (await db.query<{ user_id: string; username: string }>(`select user_id, username from users where worker_id = 'W1'`))[0]!;
    const user = { userId: actor.user_id, username: actor.username, displayName: 'Worker', role: 'practitioner' as const, team: 'Family First', workerId: 'W1' };
    const version = (await services.safety.viewMap(user, 'R1', mapId));
    if (version.outcome !== 'shown') throw new Error(version.outcome);
    await services.safety.changeMap(user, 'R1', mapId, version.map.version, { kind: 'rule', rule: { rule: 'Dad doesn’t come home after the pub', whoDoesWhat: 'Dad stays at Gran’s and phones Mum in the morning', ifBroken: 'Mum phones Gran and Gran comes round' } });
    const folder = await mkdtemp(join(tmpdir(), 'cairn-family-copy-'));
    try {
      const pdf = await app.inject({ url: paths.safety.familyCopy({ childId: 'R1', mapId, format: 'pdf' }), headers: { cookie } });
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toBe('attachment; filename="safety-plan.pdf"');
      await writeFile(join(folder, 'plan.pdf'), pdf.rawPayload);
      const { stdout: pdfText } = await run('pdftotext', ['-layout', join(folder, 'plan.pdf'), '-']);
      expect(pdfText).toContain('Our safety plan: Boyd family');
      expect(pdfText).toContain('Our rules');
      expect(pdfText).toContain('Dad doesn’t come home after the pub');
      expect(pdfText).toContain('Gran walks them to school');
      expect(pdfText).not.toMatch(/danger statement|complicating factor/i);
      const { stdout: pdfInfo } = await run('pdfinfo', [join(folder, 'plan.pdf')]);
      expect(pdfInfo).toMatch(/Title:\s+Our safety plan: Boyd family/);
      expect(pdfInfo).toMatch(/Tagged:\s+yes/);

      const docx = await app.inject({ url: paths.safety.familyCopy({ childId: 'R1', mapId, format: 'docx' }), headers: { cookie } });
      expect(docx.headers['content-disposition']).toBe('attachment; filename="safety-plan.docx"');
      await writeFile(join(folder, 'plan.docx'), docx.rawPayload);
      await run('soffice', [`-env:UserInstallation=file://${join(folder, 'profile')}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', folder, join(folder, 'plan.docx')], { timeout: 120_000 });
      const docxText = await readFile(join(folder, 'plan.txt'), 'utf8');
      expect(docxText).toContain('Our safety plan: Boyd family');
      expect(docxText).toContain('If the rule is broken: Mum phones Gran and Gran comes round');
      expect(docxText).not.toMatch(/danger statement|complicating factor/i);
      const { stdout: documentXml } = await run('unzip', ['-p', join(folder, 'plan.docx'), 'word/document.xml']);
      expect(documentXml).toContain('w:val="Heading1"');
      const { stdout: coreXml } = await run('unzip', ['-p', join(folder, 'plan.docx'), 'docProps/core.xml']);
      expect(coreXml).toContain('<dc:title>Our safety plan: Boyd family</dc:title>');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 180_000);
});
