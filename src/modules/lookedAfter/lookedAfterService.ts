/**
 * @module Use cases for a child's care: start and end episodes, place, move and end placements. Each change
 * is checked against the rules (with messages for the form), made in one transaction with the child's row
 * locked, and audited in that transaction.
 */
import type { Database, Queryable } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { ChildService } from '../children/childService.js';
import type { SignedInUser } from '../../platform/access/user.js';
import { placementStartProblems, type CareHistory, type EpisodeDetails, type PlacementDetails, type Provider, type ProviderHome } from './lookedAfter.js';
import { costFromRate, retakeRate } from './placementCosts.js';
import { episodeCorrectionProblems, episodeDetailsOf } from './episodeCorrection.js';
import { newRecordId } from '../../platform/ids/recordIds.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { type FieldErrors } from '../../platform/forms/fieldErrors.js';
import type { LookedAfterRepository } from './lookedAfterRepository.js';
import type { AmendmentRepository } from '../../platform/amendments/amendmentRepository.js';
import type { Amendment } from '../../platform/amendments/amendment.js';
import { type LegalReason, type ReasonEnded } from '../../platform/codes/careCodes.js';
import { orderLegalReasons, type OrderEpisodeAmendment, type OrderEpisodeChange } from '../scra/orderEpisodes.js';

/** How a change went: done, refused with problems to show beside the fields, or not allowed. */
export type CareChange<T extends object = object> =
  | ({ outcome: 'done' } & T)
  | { outcome: 'problems'; problems: FieldErrors }
  | { outcome: 'forbidden' }
  | { outcome: 'not_found' };

export type CareView = { outcome: 'shown'; history: CareHistory; providers: Provider[]; homes: ProviderHome[]; amendments: Amendment[]; episodeAmendments: Amendment[] } | { outcome: 'forbidden' } | { outcome: 'not_found' };

/** PostgreSQL's answer when a constraint checked at commit is broken (another change got there first). */
function isConstraintFailure(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '23P01' || code === '23514' || code === '23505';
}

export function lookedAfterService(db: Database, repository: LookedAfterRepository, children: ChildService, audit: AuditService, amendments: AmendmentRepository) {
  /** Run a change to one child's care: access checked, child locked, problems returned, audit in the same transaction. */
  async function change<T extends object>(user: SignedInUser, childId: string, work: (tx: Queryable) => Promise<CareChange<T>>): Promise<CareChange<T>> {
    if (!(await repository.childName(db, childId))) return { outcome: 'not_found' };
    if (!(await children.mayAccess(user, childId))) return { outcome: 'forbidden' };
    try {
      return await db.transaction(async (tx) => {
        await repository.lockChild(tx, childId);
        const result = await work(tx);
        if (result.outcome === 'problems') throw new Refused(result.problems);
        return result;
      });
    } catch (error) {
      if (error instanceof Refused) return { outcome: 'problems', problems: error.problems };
      if (isConstraintFailure(error)) {
        return { outcome: 'problems', problems: { startDate: 'Someone else changed this child’s placements at the same time. Check the record and try again.' } };
      }
      throw error;
    }
  }

  return {
    /**
     * A child's episodes and placements, for someone who may see the child; the view is audited.
     * @example const view = await lookedAfter.history(user, 'C1')
     */
    async history(user: SignedInUser, childId: string): Promise<CareView> {
      const name = await repository.childName(db, childId);
      if (!name) return { outcome: 'not_found' };
      if (!(await children.mayAccess(user, childId))) {
        await audit.record({ kind: 'user', user }, { action: 'child.viewed', childId, subject: 'looked after', details: { refused: true } });
        return { outcome: 'forbidden' };
      }
      const [episodes, placements, providers, homes, corrections, episodeCorrections] = await Promise.all([
        repository.episodes(db, childId), repository.placements(db, childId), repository.providers(db), repository.homes(db),
        amendments.forChild(db, childId, 'placement'), amendments.forChild(db, childId, 'looked_after_episode'),
      ]);
      await audit.record({ kind: 'user', user }, { action: 'child.viewed', childId, subject: 'looked after' });
      return { outcome: 'shown', history: { childId, name, episodes, placements }, providers, homes, amendments: corrections, episodeAmendments: episodeCorrections };
    },

    /**
     * Start a looked after episode. Refused while another episode is open or when it would start before one ended.
     * @example await lookedAfter.startEpisode(user, 'C1', { startDate: '2024-05-01', legalReason: 'cso_away' })
     */
    startEpisode(user: SignedInUser, childId: string, input: { startDate: string; legalReason: LegalReason }): Promise<CareChange<{ episodeId: string }>> {
      return change<{ episodeId: string }>(user, childId, async (tx) => {
        const started = await startNewEpisode(tx, user, childId, input);
        return 'problems' in started ? { outcome: 'problems', problems: started.problems } : { outcome: 'done', episodeId: started.episodeId };
      });
    },

    /**
     * End the open episode; a placement still open ends on the same day (a placement lies inside its episode).
     * @example await lookedAfter.endEpisode(user, 'C1', { endDate: '2024-09-01', reasonEnded: 'home_with_parents' })
     */
    endEpisode(user: SignedInUser, childId: string, input: { endDate: string; reasonEnded: ReasonEnded }): Promise<CareChange> {
      return change<object>(user, childId, async (tx) => {
        const problems = await endOpenEpisode(tx, user, childId, input);
        return Object.keys(problems).length ? { outcome: 'problems', problems } : { outcome: 'done' };
      });
    },

    /**
     * Follow the child's Compulsory Supervision Orders (the `OrderEpisodes` contract, ADR 0025), inside the order's
     * transaction: an order made starts an episode with its legal reason, or gives an open episode that reason; an
     * order ended with another in force gives the episode that one's reason; the last order ended ends an episode held
     * under an order, for the reason the worker confirmed. An episode under another legal reason (voluntary
     * accommodation, a permanence order) is left as it is when an order ends. Problems come back keyed `date` or
     * `reasonEnded`.
     * @example await lookedAfter.followOrder(tx, user, 'C1', { change: 'made', orderId: 'SO-1', date: '2024-05-10', legalReason: 'cso_home' })
     */
    async followOrder(tx: Queryable, user: SignedInUser, childId: string, order: OrderEpisodeChange): Promise<FieldErrors> {
      await repository.lockChild(tx, childId);
      const open = (await repository.episodes(tx, childId)).find((e) => e.endDate === null);
      const legalReason = order.change === 'made' ? order.legalReason : order.stillInForce;
      if (legalReason && !open) {
        const started = await startNewEpisode(tx, user, childId, { startDate: order.date, legalReason }, order.orderId);
        return 'problems' in started ? { date: started.problems.startDate ?? 'The looked after episode could not be started' } : {};
      }
      if (legalReason && open && open.legalReason !== legalReason) {
        await repository.changeLegalReason(tx, open.episodeId, legalReason);
        await audit.record({ kind: 'user', user }, { action: 'care.episode_changed', childId, subject: open.episodeId, details: { legalReason, was: open.legalReason, fromOrder: order.orderId } }, tx);
        return {};
      }
      if (order.change === 'made' || legalReason || !open || !orderLegalReasons.includes(open.legalReason)) return {};
      if (!order.reasonEnded) return { reasonEnded: 'Select where the child went when the order ended: this ends their looked after episode' };
      const problems = await endOpenEpisode(tx, user, childId, { endDate: order.date, reasonEnded: order.reasonEnded }, order.orderId);
      return problems.endDate ? { date: problems.endDate } : problems;
    },

    /**
     * Correct or withdraw the episode an order started (the `OrderEpisodes` contract, ADR 0025), inside the order's
     * transaction, as an amendment with the order's reason. The order's episode is the one that started on the order's
     * made date under an order's legal reason; an order that only updated an episode already open leaves it alone.
     * A withdrawal with a `later` order in the episode moves the episode's start to that order; otherwise the episode is
     * withdrawn, refused while it has placements. Problems come back keyed `madeDate` or `reason`.
     * @example await lookedAfter.amendWithOrder(tx, user, 'C1', { orderId: 'SO-1', was: { date: '2024-05-10', legalReason: 'cso_home' }, now: { date: '2024-05-09', legalReason: 'cso_home' }, reason: 'Date mistyped' })
     */
    async amendWithOrder(tx: Queryable, user: SignedInUser, childId: string, order: OrderEpisodeAmendment): Promise<FieldErrors> {
      await repository.lockChild(tx, childId);
      const [episodes, placements] = await Promise.all([repository.episodes(tx, childId), repository.placements(tx, childId)]);
      const episode = episodes.find((e) => e.startDate === order.was.date && orderLegalReasons.includes(e.legalReason));
      if (!episode) return {};
      const before = episodeDetailsOf(episode);
      const later = order.now ? null : (order.later ?? null);
      if (!order.now && !later) {
        if (placements.some((p) => p.episodeId === episode.episodeId)) {
          return { reason: 'The looked after episode this order started has placements recorded. Correct or withdraw the episode on the child’s care page first.' };
        }
        await repository.deleteEpisode(tx, episode.episodeId);
        await amendments.add(tx, { childId, recordKind: 'looked_after_episode', recordId: episode.episodeId, reason: order.reason, before, after: { withdrawn: true }, userId: user.userId });
        await audit.record({ kind: 'user', user }, { action: 'care.episode_withdrawn', childId, subject: episode.episodeId, reason: order.reason, details: { before, fromOrder: order.orderId } }, tx);
        return {};
      }
      const to = order.now ?? later!;
      const legalReason = episode.legalReason === order.was.legalReason ? to.legalReason : episode.legalReason;
      const fixed: EpisodeDetails = { ...before, startDate: to.date, legalReason };
      const problems = episodeCorrectionProblems(fixed, episode, episodes, placements);
      if (Object.keys(problems).length) {
        const words = Object.values(problems).join(' ');
        return order.now ? { madeDate: `The looked after episode this order started cannot move with it: ${words}` } : { reason: `The looked after episode this order started cannot move to the next order: ${words}` };
      }
      if (!(await repository.correctEpisode(tx, episode.episodeId, fixed, episode.version))) return { reason: 'Someone else corrected the child’s looked after episode at the same time. Check it and save again.' };
      await amendments.add(tx, { childId, recordKind: 'looked_after_episode', recordId: episode.episodeId, reason: order.reason, before, after: fixed, userId: user.userId });
      await audit.record({ kind: 'user', user }, { action: 'care.episode_amended', childId, subject: episode.episodeId, reason: order.reason, details: { before, after: fixed, fromOrder: order.orderId } }, tx);
      return {};
    },

    /**
     * Place a child who has no current placement, inside their open episode.
     * @example await lookedAfter.place(user, 'C1', { placementType: 'foster_la', providerId: null, outOfAuthority: false, weeklyCost: 450, startDate: '2024-05-01' })
     */
    place(user: SignedInUser, childId: string, details: PlacementDetails): Promise<CareChange<{ placementId: string }>> {
      return change<{ placementId: string }>(user, childId, async (tx) => {
        const [episodes, placements] = await Promise.all([repository.episodes(tx, childId), repository.placements(tx, childId)]);
        const openEpisode = episodes.find((e) => e.endDate === null);
        const problems = { ...placementStartProblems({ startDate: details.startDate, openEpisode, placements }), ...(await providerProblems(tx, details.providerId)) };
        const priced = await costed(tx, details);
        if ('problems' in priced) Object.assign(problems, priced.problems);
        if (Object.keys(problems).length || !openEpisode || 'problems' in priced) return { outcome: 'problems', problems };
        details = priced;
        const placementId = newRecordId('PLC');
        await repository.insertPlacement(tx, { ...details, placementId, episodeId: openEpisode.episodeId, childId, moveReason: null });
        await audit.record({ kind: 'user', user }, { action: 'care.placed', childId, subject: placementId, details: { ...details } }, tx);
        return { outcome: 'done', placementId };
      });
    },

    /**
     * Move a child: the current placement ends on the day the new one begins.
     * @example await lookedAfter.move(user, 'C1', { ...details, startDate: '2024-08-01' }, 'Carers retiring')
     */
    move(user: SignedInUser, childId: string, details: PlacementDetails, moveReason: string): Promise<CareChange<{ placementId: string }>> {
      return change<{ placementId: string }>(user, childId, async (tx) => {
        const [episodes, placements] = await Promise.all([repository.episodes(tx, childId), repository.placements(tx, childId)]);
        const openEpisode = episodes.find((e) => e.endDate === null);
        const current = placements.find((p) => p.endDate === null);
        if (!current) return { outcome: 'problems', problems: { startDate: 'This child has no current placement to move from. Place them instead.' } };
        const problems = { ...placementStartProblems({ startDate: details.startDate, openEpisode, placements, moving: current }), ...(await providerProblems(tx, details.providerId)) };
        const priced = await costed(tx, details);
        if ('problems' in priced) Object.assign(problems, priced.problems);
        if (Object.keys(problems).length || !openEpisode || 'problems' in priced) return { outcome: 'problems', problems };
        details = priced;
        await repository.endPlacement(tx, current.placementId, details.startDate);
        const placementId = newRecordId('PLC');
        await repository.insertPlacement(tx, { ...details, placementId, episodeId: openEpisode.episodeId, childId, moveReason });
        await audit.record({ kind: 'user', user }, { action: 'care.moved', childId, subject: placementId, reason: moveReason, details: { ...details, previous: current.placementId } }, tx);
        return { outcome: 'done', placementId };
      });
    },

    /**
     * End the current placement (the child stays looked after, e.g. waiting for the next one).
     * @example await lookedAfter.endPlacement(user, 'C1', { endDate: '2024-08-01' })
     */
    endPlacement(user: SignedInUser, childId: string, input: { endDate: string }): Promise<CareChange> {
      return change<object>(user, childId, async (tx) => {
        const current = (await repository.placements(tx, childId)).find((p) => p.endDate === null);
        if (!current) return { outcome: 'problems', problems: { endDate: 'This child has no current placement to end.' } };
        if (input.endDate < current.startDate) return { outcome: 'problems', problems: { endDate: `The placement must end on or after the day it started (${longDateOf(current.startDate)})` } };
        await repository.endPlacement(tx, current.placementId, input.endDate);
        await audit.record({ kind: 'user', user }, { action: 'care.placement_ended', childId, subject: current.placementId, details: { ...input } }, tx);
        return { outcome: 'done' };
      });
    },

    /**
     * Correct a placement as recorded (dates, type, provider, area, weekly cost), with a reason. The placement holds
     * the corrected values, so every figure uses them; what it said before is kept as an amendment, and audited.
     * @example await lookedAfter.correctPlacement(user, 'C1', 'PLC1', { ...details, endDate: null }, 'Cost mistyped', 1)
     */
    correctPlacement(user: SignedInUser, childId: string, placementId: string, corrected: PlacementDetails & { endDate: string | null }, reason: string, version: number): Promise<CareChange> {
      return change<object>(user, childId, async (tx) => {
        const [episodes, placements] = await Promise.all([repository.episodes(tx, childId), repository.placements(tx, childId)]);
        const placement = placements.find((p) => p.placementId === placementId);
        if (!placement) return { outcome: 'not_found' };
        const episode = episodes.find((e) => e.episodeId === placement.episodeId)!;
        const problems: FieldErrors = { ...(await providerProblems(tx, corrected.providerId)) };
        const priced = await costed(tx, retakeRate(placement, corrected));
        if ('problems' in priced) Object.assign(problems, priced.problems);
        else corrected = priced;
        if (corrected.startDate < episode.startDate) problems.startDate = `The placement must start on or after the looked after episode did (${longDateOf(episode.startDate)})`;
        if (episode.endDate && (!corrected.endDate || corrected.endDate > episode.endDate)) problems.endDate = `The placement must end by the day the episode ended (${longDateOf(episode.endDate)})`;
        if (Object.keys(problems).length) return { outcome: 'problems', problems };
        if (!(await repository.correctPlacement(tx, placementId, corrected, version))) {
          return { outcome: 'problems', problems: { reason: 'Someone else corrected this placement at the same time. Check it and save again.' } };
        }
        const before = {
          startDate: placement.startDate, endDate: placement.endDate, placementType: placement.placementType, providerId: placement.providerId, outOfAuthority: placement.outOfAuthority,
          weeklyCost: placement.weeklyCost, homeId: placement.homeId, costOverrideReason: placement.costOverrideReason,
        };
        const after = {
          startDate: corrected.startDate, endDate: corrected.endDate, placementType: corrected.placementType, providerId: corrected.providerId, outOfAuthority: corrected.outOfAuthority,
          weeklyCost: corrected.weeklyCost, homeId: corrected.homeId ?? null, costOverrideReason: corrected.costOverrideReason ?? null,
        };
        await amendments.add(tx, { childId, recordKind: 'placement', recordId: placementId, reason, before, after, userId: user.userId });
        await audit.record({ kind: 'user', user }, { action: 'care.placement_amended', childId, subject: placementId, reason, details: { before, after } }, tx);
        return { outcome: 'done' };
      });
    },

    /**
     * Correct an episode as recorded (dates, legal reason, why it ended), with a reason. The episode holds the corrected
     * values, so every figure uses them; what it said before is kept as an amendment, audited in the same transaction.
     * @example await lookedAfter.correctEpisode(user, 'C1', 'EP1', { startDate: '2024-05-02', endDate: null, legalReason: 'cso_away', reasonEnded: null }, 'Date mistyped', 1)
     */
    correctEpisode(user: SignedInUser, childId: string, episodeId: string, corrected: EpisodeDetails, reason: string, version: number): Promise<CareChange> {
      return change<object>(user, childId, async (tx) => {
        const [episodes, placements] = await Promise.all([repository.episodes(tx, childId), repository.placements(tx, childId)]);
        const episode = episodes.find((e) => e.episodeId === episodeId);
        if (!episode) return { outcome: 'not_found' };
        const fixed: EpisodeDetails = { ...corrected, reasonEnded: corrected.endDate === null ? null : corrected.reasonEnded };
        const problems = episodeCorrectionProblems(fixed, episode, episodes, placements);
        if (Object.keys(problems).length) return { outcome: 'problems', problems };
        if (!(await repository.correctEpisode(tx, episodeId, fixed, version))) {
          return { outcome: 'problems', problems: { reason: 'Someone else corrected this episode at the same time. Check it and save again.' } };
        }
        const before = episodeDetailsOf(episode);
        await amendments.add(tx, { childId, recordKind: 'looked_after_episode', recordId: episodeId, reason, before, after: fixed, userId: user.userId });
        await audit.record({ kind: 'user', user }, { action: 'care.episode_amended', childId, subject: episodeId, reason, details: { before, after: fixed } }, tx);
        return { outcome: 'done' };
      });
    },

    /**
     * Withdraw an episode recorded in error, with its placements: they leave the record (and every figure), and the
     * amendment keeps what they said, who withdrew them, when and why. Audited in the same transaction.
     * @example await lookedAfter.withdrawEpisode(user, 'C1', 'EP1', 'Recorded on the wrong child')
     */
    withdrawEpisode(user: SignedInUser, childId: string, episodeId: string, reason: string): Promise<CareChange> {
      return change<object>(user, childId, async (tx) => {
        const [episodes, placements] = await Promise.all([repository.episodes(tx, childId), repository.placements(tx, childId)]);
        const episode = episodes.find((e) => e.episodeId === episodeId);
        if (!episode) return { outcome: 'not_found' };
        const own = placements.filter((p) => p.episodeId === episodeId)
          .map((p) => ({ placementId: p.placementId, startDate: p.startDate, endDate: p.endDate, placementType: p.placementType, providerId: p.providerId, weeklyCost: p.weeklyCost }));
        await repository.deleteEpisode(tx, episodeId);
        const before = { ...episodeDetailsOf(episode), placements: own };
        await amendments.add(tx, { childId, recordKind: 'looked_after_episode', recordId: episodeId, reason, before, after: { withdrawn: true }, userId: user.userId });
        await audit.record({ kind: 'user', user }, { action: 'care.episode_withdrawn', childId, subject: episodeId, reason, details: { before } }, tx);
        return { outcome: 'done' };
      });
    },

    /** @example await lookedAfter.today() // '2026-11-22' */
    today: todayIso,
  };

  /** Start an episode in `tx` (none may be open, nor one have ended after it starts), audited. */
  async function startNewEpisode(tx: Queryable, user: SignedInUser, childId: string, input: { startDate: string; legalReason: LegalReason }, fromOrder?: string): Promise<{ episodeId: string } | { problems: FieldErrors }> {
    const episodes = await repository.episodes(tx, childId);
    if (episodes.some((e) => e.endDate === null)) {
      return { problems: { startDate: 'This child is already looked after. End the current episode before starting another.' } };
    }
    const later = episodes.find((e) => e.endDate !== null && e.endDate > input.startDate);
    if (later) return { problems: { startDate: `An earlier episode ran until ${longDateOf(later.endDate!)}. A new episode must start on or after that day.` } };
    const episodeId = newRecordId('EP');
    await repository.insertEpisode(tx, { episodeId, childId, ...input });
    await audit.record({ kind: 'user', user }, { action: 'care.episode_started', childId, subject: episodeId, details: { ...input, ...(fromOrder ? { fromOrder } : {}) } }, tx);
    return { episodeId };
  }

  /** End the open episode in `tx`, and a placement still open on the same day (a placement lies inside its episode), audited. */
  async function endOpenEpisode(tx: Queryable, user: SignedInUser, childId: string, input: { endDate: string; reasonEnded: ReasonEnded }, fromOrder?: string): Promise<FieldErrors> {
    const open = (await repository.episodes(tx, childId)).find((e) => e.endDate === null);
    if (!open) return { endDate: 'This child has no open looked after episode to end.' };
    if (input.endDate < open.startDate) return { endDate: `The episode must end on or after the day it started (${longDateOf(open.startDate)})` };
    const placements = (await repository.placements(tx, childId)).filter((p) => p.episodeId === open.episodeId);
    const current = placements.find((p) => p.endDate === null);
    if (current && input.endDate < current.startDate) {
      return { endDate: `The current placement started on ${longDateOf(current.startDate)}. The episode cannot end before that day.` };
    }
    const endedAfter = placements.find((p) => p.endDate !== null && p.endDate > input.endDate);
    if (endedAfter) return { endDate: `A placement in this episode ran until ${longDateOf(endedAfter.endDate!)}. The episode cannot end before that day.` };
    if (current) await repository.endPlacement(tx, current.placementId, input.endDate);
    await repository.endEpisode(tx, open.episodeId, input.endDate, input.reasonEnded);
    await audit.record({ kind: 'user', user }, { action: 'care.episode_ended', childId, subject: open.episodeId, details: { ...input, placementEnded: current?.placementId ?? null, ...(fromOrder ? { fromOrder } : {}) } }, tx);
    return {};
  }

  /** The placement's cost from its home's rate on its start date, or as typed with a reason; its provider is the home's. */
  async function costed<T extends PlacementDetails>(tx: Queryable, details: T): Promise<T | { problems: FieldErrors }> {
    if (!details.homeId) return { ...details, homeId: null, costOverrideReason: null };
    const found = await repository.homeOn(tx, details.homeId, details.startDate);
    if (!found) return { problems: { homeId: 'Select a home from the list' } };
    const cost = costFromRate(details, found.home, found.rate);
    return 'problems' in cost ? cost : { ...details, providerId: found.home.providerId, ...cost };
  }

  async function providerProblems(tx: Queryable, providerId: string | null): Promise<FieldErrors> {
    if (providerId === null || (await repository.providerExists(tx, providerId))) return {};
    return { providerId: 'Select a provider from the list' };
  }
}
export type LookedAfterService = ReturnType<typeof lookedAfterService>;

class Refused extends Error {
  constructor(readonly problems: FieldErrors) {
    super('refused');
  }
}
