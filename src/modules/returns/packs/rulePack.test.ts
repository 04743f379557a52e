import { describe, expect, it } from 'vitest';
import type { Rule } from '../rule.js';
import { firstPack, nextPack, RulePackError } from './rulePack.js';
import { packFor, rulePacks } from './packs.js';
import { runRules } from '../runRules.js';
import { ruleContext } from '../ruleContext.js';
import { collectionYear } from '../collectionYear.js';
import { lookedAfter, merge, world } from '../../../../test/support/returnRecords.js';

const aRule = (code: string, fields: Partial<Rule> = {}): Rule => ({ code, kind: 'error', message: code, meaning: code, tables: [], fields: [], check: () => [], ...fields });

describe('rule packs', () => {
  it('makes a year from the previous year plus added and changed rules, minus retired codes, leaving the previous as it was', () => {
    const [a, b, c] = [aRule('A1'), aRule('B1'), aRule('C1')];
    const first = firstPack('2020-21', [a, b, c]);
    const changedB = aRule('B1', { kind: 'query' });
    const second = nextPack(first, '2021-22', { added: [aRule('D1')], changed: [changedB], retired: ['C1'] });
    expect(second.rules.map((rule) => rule.code)).toEqual(['A1', 'B1', 'D1']);
    expect(second.rules[1]).toBe(changedB);
    expect(first.rules).toEqual([a, b, c]);
    expect({ previous: second.previous, added: second.added, changed: second.changed, retired: second.retired }).toEqual({ previous: '2020-21', added: ['D1'], changed: ['B1'], retired: ['C1'] });
  });

  it('refuses to add a code the previous pack has, or to change or retire one it does not', () => {
    const first = firstPack('2020-21', [aRule('A1')]);
    expect(() => nextPack(first, '2021-22', { added: [aRule('A1')] })).toThrow(RulePackError);
    expect(() => nextPack(first, '2021-22', { changed: [aRule('Z9')] })).toThrow(/Z9/);
    expect(() => nextPack(first, '2021-22', { retired: ['Z9'] })).toThrow(/Z9/);
    expect(() => firstPack('2020-21', [aRule('A1'), aRule('A1')])).toThrow(/two rules/);
  });

  it('checks a year with its own pack, the latest before it, or the first for years before any', () => {
    expect(packFor('2021-22').year).toBe('2021-22');
    expect(packFor('2024-25').year).toBe('2021-22');
    expect(packFor('2020-21').year).toBe('2020-21');
    expect(packFor('2016-17').year).toBe('2020-21');
  });

  it('has at least 40 rules in every pack, and the offence ground rule only from 2021-22', () => {
    for (const pack of rulePacks) expect(pack.rules.length).toBeGreaterThanOrEqual(40);
    expect(packFor('2020-21').rules.map((rule) => rule.code)).not.toContain('S101');
    expect(packFor('2021-22').rules.map((rule) => rule.code)).toContain('S101');
  });
});

describe('running a pack', () => {
  const context = () => ruleContext(collectionYear('2021-22')!, merge(world(), lookedAfter('A')), '2022-09-30');

  it('skips a rule whose table has no records, reports one that throws, and runs the rest', () => {
    const throws = aRule('T1', { check: () => { throw new Error('no such field'); } });
    const needsRegister = aRule('R0', { tables: ['registrations'] });
    const flags = aRule('F1', { tables: ['children'], check: () => [{ table: 'children', recordId: 'A', childId: 'A' }] });
    const run = runRules(firstPack('test', [throws, needsRegister, flags]), context());
    expect(run.failed).toEqual([{ code: 'T1', error: 'no such field' }]);
    expect(run.skipped).toEqual([{ code: 'R0', reason: 'no records in registrations' }]);
    expect(run.ran).toEqual(['F1']);
    expect(run.findings).toEqual([{ code: 'F1', kind: 'error', message: 'F1', table: 'children', recordId: 'A', childId: 'A', fields: [], issueId: 'F1:children:A', detail: null }]);
  });

  it('finds nothing wrong in records every rule passes', () => {
    const records = merge(world(), lookedAfter('A'), lookedAfter('B'));
    const run = runRules(packFor('2021-22'), ruleContext(collectionYear('2021-22')!, records, '2022-09-30'));
    expect(run.failed).toEqual([]);
    expect(run.findings).toEqual([]);
    expect(run.ran.length).toBeGreaterThan(30);
  });
});
