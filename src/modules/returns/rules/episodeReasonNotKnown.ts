/** @module E109: an episode that ended for a reason "not known". */
import { notKnownCode } from '../families/notKnownCode.js';

export const episodeReasonNotKnown = notKnownCode({
  code: 'E109',
  kind: 'query',
  table: 'episodes',
  field: 'reasonEnded',
  codes: ['not_known'],
  message: 'The reason the episode ended is recorded as not known',
  meaning: 'An episode that ended in the year with "not known" as the reason: where a child went when they stopped being looked after is almost always known.',
  scope: (context) => context.episodesInYear(),
});
