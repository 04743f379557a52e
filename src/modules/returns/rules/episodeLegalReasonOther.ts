/** @module E110: an episode whose legal reason is "other". */
import { notKnownCode } from '../families/notKnownCode.js';

export const episodeLegalReasonOther = notKnownCode({
  code: 'E110',
  kind: 'query',
  table: 'episodes',
  field: 'legalReason',
  codes: ['other'],
  message: 'The legal reason is recorded as "other"',
  meaning: 'An episode in the year with "other" as its legal reason. Every legal basis for looking after a child has its own code; "other" is rarely right.',
  scope: (context) => context.episodesInYear(),
});
