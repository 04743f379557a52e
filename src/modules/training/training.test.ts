/** @module Who counts as trained, and coverage per staff group, worked out by hand. */
import { describe, expect, it } from 'vitest';
import { completionDates, coverageOn, type AttendanceMark, type StaffGroup } from './training.js';
import { coverageTotal } from '../quality/qualityContracts.js';

const days = (...dates: string[]) => dates.map((date, index) => ({ dayNumber: index + 1, date }));
const fourDay = { sessionId: 'S1', countsAsTrained: true, days: days('2023-02-06', '2023-02-07', '2023-02-08', '2023-02-09') };
const later = { sessionId: 'S2', countsAsTrained: true, days: days('2023-06-05', '2023-06-06', '2023-06-07', '2023-06-08') };
const briefing = { sessionId: 'B1', countsAsTrained: false, days: days('2023-01-10') };
const marks = (sessionId: string, staffId: string, attended: boolean[]): AttendanceMark[] =>
  attended.map((present, index) => ({ sessionId, dayNumber: index + 1, staffId, attended: present }));
const person = (staffId: string, staffGroup: StaffGroup, activeFrom: string, activeTo: string | null = null) => ({ staffId, staffGroup, activeFrom, activeTo });

const staff = [
  person('A', 'social_work', '2022-01-01'),
  person('B', 'social_work', '2022-01-01'),
  person('C', 'social_work', '2023-04-01'),
  person('D', 'social_work', '2021-01-01', '2023-03-01'),
  person('P', 'childrens_panel', '2022-01-01'),
  person('H', 'head_teachers', '2022-01-01'),
];
const attendance = [
  ...marks('S1', 'A', [true, true, true, true]),
  ...marks('S1', 'B', [true, true, true, false]), // missed day 4
  ...marks('S2', 'B', [true, true, true, true]),
  ...marks('S1', 'D', [true, true, true, true]),
  ...marks('S1', 'H', [true, true, true, true]),
  ...marks('B1', 'P', [true]), // a briefing does not count
];
const sessions = [fourDay, later, briefing];
const group = (rows: ReturnType<typeof coverageOn>, staffGroup: string) => rows.find((r) => r.staffGroup === staffGroup);

describe('who counts as trained', () => {
  it('is trained from the last day of the first session they attended every day of, on a course that counts', () => {
    expect(Object.fromEntries(completionDates(sessions, attendance))).toEqual({ A: '2023-02-09', B: '2023-06-08', D: '2023-02-09', H: '2023-02-09' });
  });

  it('a day missed, or a course that does not count, is not training', () => {
    expect(completionDates([fourDay], marks('S1', 'B', [true, true, true, false])).size).toBe(0);
    expect(completionDates([briefing], marks('B1', 'P', [true])).size).toBe(0);
    // Not marked at all on a day is the same as absent.
    expect(completionDates([fourDay], marks('S1', 'B', [true, true, true])).size).toBe(0);
  });
});

describe('coverage on a date', () => {
  it('before the 4-day course ends no one is trained; those who have not started or have left are not counted', () => {
    const rows = coverageOn(staff, sessions, attendance, '2023-02-08');
    expect(group(rows, 'social_work')).toEqual({ staffGroup: 'social_work', label: 'Social work', staff: 3, trained: 0, percentTrained: 0 });
  });

  it('31 March 2023: social work 1 of 2 (D has left, C has not started), head teachers 1 of 1, panel members 0 of 1', () => {
    const rows = coverageOn(staff, sessions, attendance, '2023-03-31');
    expect(rows.map((r) => r.staffGroup)).toEqual(['social_work', 'family_support', 'childrens_panel', 'head_teachers', 'education', 'health', 'police', 'admin', 'other']);
    expect(group(rows, 'social_work')).toMatchObject({ staff: 2, trained: 1, percentTrained: 50 });
    expect(group(rows, 'head_teachers')).toMatchObject({ staff: 1, trained: 1, percentTrained: 100 });
    expect(group(rows, 'childrens_panel')).toMatchObject({ label: 'Children’s Hearing panel members', staff: 1, trained: 0, percentTrained: 0 });
    expect(group(rows, 'police')).toMatchObject({ staff: 0, trained: 0, percentTrained: null });
    expect(coverageTotal(rows)).toEqual({ staffGroup: 'all', label: 'All staff groups', staff: 4, trained: 2, percentTrained: 50 });
  });

  it('30 June 2023: B has completed the later session, and C has started, so social work is 2 of 3 = 66.7%', () => {
    expect(group(coverageOn(staff, sessions, attendance, '2023-06-30'), 'social_work')).toMatchObject({ staff: 3, trained: 2, percentTrained: 66.7 });
    // 1 of 8 = 12.5% exactly; 1 of 16 = 6.25% rounds half away from zero to 6.3%.
    const many = Array.from({ length: 16 }, (_, n) => person(`M${n}`, 'health', '2022-01-01'));
    const one = marks('S1', 'M0', [true, true, true, true]);
    expect(group(coverageOn(many, sessions, one, '2023-03-31'), 'health')).toMatchObject({ staff: 16, trained: 1, percentTrained: 6.3 });
  });
});
