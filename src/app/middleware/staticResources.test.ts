/**
 * @module ADR 0075: Cairn's stylesheet and scripts are served under their fingerprint and kept by browsers for a year,
 * so a page load fetches only its HTML; the fingerprint follows the files' contents, not where Cairn is installed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { buildServices } from '../../composition.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { fingerprintOf } from './assetFingerprint.js';

describe('the assets’ fingerprint', () => {
  const folders: string[] = [];
  const aFolder = (files: Record<string, string>) => {
    const folder = mkdtempSync(join(tmpdir(), 'cairn-assets-'));
    folders.push(folder);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
    return folder;
  };
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('is the same for the same files in another folder, and changes when a file’s contents or name change', () => {
    const files = { 'cairn.css': 'body { margin: 0 }', 'extra.css': 'p { color: black }' };
    const here = fingerprintOf([{ name: 'cairn', folder: aFolder(files) }]);
    expect(here).toMatch(/^[0-9a-f]{12}$/);
    expect(fingerprintOf([{ name: 'cairn', folder: aFolder(files) }])).toBe(here);
    expect(fingerprintOf([{ name: 'cairn', folder: aFolder({ ...files, 'cairn.css': 'body { margin: 1px }' }) }])).not.toBe(here);
    expect(fingerprintOf([{ name: 'cairn', folder: aFolder({ 'cairn.css': files['cairn.css'], 'other.css': files['extra.css'] }) }])).not.toBe(here);
    expect(fingerprintOf([{ name: 'styles', folder: aFolder(files) }])).not.toBe(here);
  });

  it('counts only the files listed when a folder names them', () => {
    const listed = fingerprintOf([{ name: 'govuk-frontend', folder: aFolder({ 'a.js': '1', 'b.js': '2' }), files: ['a.js'] }]);
    expect(fingerprintOf([{ name: 'govuk-frontend', folder: aFolder({ 'a.js': '1', 'b.js': 'changed' }), files: ['a.js'] }])).toBe(listed);
  });
});

describe(`assets served under their fingerprint (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp(buildServices(testConfig(), database.db), { logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const get = (url: string) => app.inject({ method: 'GET', url });
  const yearLong = 'public, max-age=31536000, immutable';

  it('a page names its stylesheet and script under one fingerprint, and each answers with a year-long, immutable cache', async () => {
    const page = await get('/sign-in');
    expect(page.statusCode).toBe(200);
    const stylesheet = /<link rel="stylesheet" href="(\/assets\/[0-9a-f]{12}\/cairn\/cairn\.css)">/.exec(page.body)?.[1];
    const script = /<script type="module" src="(\/assets\/[0-9a-f]{12}\/js\/cairn\.js)"/.exec(page.body)?.[1];
    expect(stylesheet, 'the stylesheet under a fingerprint').toBeDefined();
    expect(script, 'the script under a fingerprint').toBeDefined();
    expect(stylesheet!.split('/')[2]).toBe(script!.split('/')[2]);
    for (const url of [stylesheet!, script!]) {
      const asset = await get(url);
      expect(asset.statusCode, url).toBe(200);
      expect(asset.headers['cache-control'], url).toBe(yearLong);
    }
    expect((await get(stylesheet!)).headers['content-type']).toMatch(/^text\/css/);
  });

  it('a page names Cairn’s icon under the same fingerprint, so a browser does not ask for /favicon.ico', async () => {
    const page = (await get('/sign-in')).body;
    const icon = /<link rel="icon" href="(\/assets\/[0-9a-f]{12})\/icons\/cairn\.svg" type="image\/svg\+xml">/.exec(page);
    const stylesheet = /href="(\/assets\/[0-9a-f]{12})\/cairn\/cairn\.css"/.exec(page);
    expect(icon?.[1]).toBe(stylesheet?.[1]);
    const answer = await get(`${icon![1]}/icons/cairn.svg`);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(answer.headers['cache-control']).toBe(yearLong);
  });

  it('every module the script imports resolves, beside it under the same fingerprint, with the same cache', async () => {
    const page = await get('/sign-in');
    const script = /src="(\/assets\/[0-9a-f]{12}\/js\/cairn\.js)"/.exec(page.body)![1]!;
    const source = (await get(script)).body;
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => new URL(match[1]!, `http://cairn.test${script}`).pathname);
    expect(imports.length).toBeGreaterThanOrEqual(2);
    for (const url of imports) {
      expect(url.startsWith(script.slice(0, '/assets/'.length + 12))).toBe(true);
      const module = await get(url);
      expect(module.statusCode, url).toBe(200);
      expect(module.headers['content-type'], url).toMatch(/javascript/);
      expect(module.headers['cache-control'], url).toBe(yearLong);
    }
  });

  it('gives out nothing else of GOV.UK Frontend’s folder, and nothing at an address without the fingerprint', async () => {
    const script = /src="(\/assets\/[0-9a-f]{12})\/js\/cairn\.js"/.exec((await get('/sign-in')).body)![1]!;
    expect((await get(`${script}/govuk-frontend/govuk-frontend.min.js`)).statusCode).toBe(200);
    expect((await get(`${script}/govuk-frontend/govuk-frontend.min.css`)).statusCode).toBe(404);
    expect((await get(`${script}/govuk-frontend/../../../package.json`)).statusCode).not.toBe(200);
    expect((await get('/assets/cairn/cairn.css')).statusCode).toBe(404);
  });

  it('sends an address under an earlier build’s fingerprint on to the same file now, kept by no cache; anything else is not found', async () => {
    const current = /href="(\/assets\/[0-9a-f]{12})\/cairn\/cairn\.css"/.exec((await get('/sign-in')).body)![1]!;
    const earlier = current === '/assets/0123456789ab' ? '/assets/ba9876543210' : '/assets/0123456789ab';
    for (const file of ['cairn/cairn.css', 'js/cairn.js', 'js/idleTimeout.js', 'govuk-frontend/govuk-frontend.min.js', 'icons/cairn.svg']) {
      const moved = await get(`${earlier}/${file}`);
      expect(moved.statusCode, file).toBe(302);
      expect(moved.headers.location, file).toBe(`${current}/${file}`);
      expect(moved.headers['cache-control'], file).toBe('no-store');
      expect((await get(moved.headers.location as string)).statusCode, file).toBe(200);
    }
    for (const url of [`${earlier}/cairn/missing.css`.replace('missing.css', '..%2Fpackage.json'), `${earlier}/govuk-frontend/govuk-frontend.min.css`,
      `${earlier}/images/logo.png`, '/assets/not-a-print/cairn/cairn.css', `${earlier}/js/nested%2Fcairn.js`]) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });
});
