/** @module The demo extract told today: generated around the story's own reference date, then moved forward (demoTimeline.ts). */
import { todayIso } from '../../platform/dates/isoDates.js';
import type { DemoExtract } from './extract.js';
import { generateDemoExtract } from './generateDemoExtract.js';
import { demoTimeline, shiftDemoExtract } from './demoTimeline.js';

/**
 * The demo extract whose history runs to `today` (by default, the real today).
 * @example const extract = generateDemoStory({ seed: 2021, today: '2026-12-02' }) // extract.today === '2026-12-02'
 */
export function generateDemoStory(options: { seed: number; today?: string }): DemoExtract {
  const timeline = demoTimeline(options.today ?? todayIso());
  return shiftDemoExtract(generateDemoExtract({ seed: options.seed, today: timeline.storyToday }), timeline.years);
}

