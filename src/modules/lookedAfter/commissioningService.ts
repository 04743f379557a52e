/**
 * @module Commissioning: providers with their homes and weekly rates, and what external and out of authority care
 * costs, on a date and over a reporting year. The year's external spend is the registry's `placements.external_spend_gbp`.
 */
import type { Database } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { ChildService } from '../children/childService.js';
import type { Actor, SignedInUser } from '../../platform/access/user.js';
import { placementsExternalSpendGbp } from '../reporting/indicators/placementsExternalSpendGbp.js';
import { reportingYear, type Period } from '../reporting/periods.js';
import { newRecordId } from '../../platform/ids/recordIds.js';
import type { CommissionedPlacement, CommissioningRepository } from './commissioningRepository.js';

export interface CommissioningView {
  date: string;
  /** `restricted`: the child's record is restricted and closed to this person, so shown as "Restricted record" (ADR 0044). */
  placements: (CommissionedPlacement & { nameShown: boolean; restricted: boolean })[];
  reportingYear: Period;
  externalSpend: number;
}

/** The from date of a home's first rate when none is given: before any placement Cairn holds. */
export const firstRateFrom = '2000-01-01';

export type ProviderChange = { outcome: 'done' } | { outcome: 'problems'; problems: Record<string, string> };

/**
 * The census year whose reporting year (1 August to 31 July) holds `date`.
 * @example reportingYearEnding('2024-08-01') // 2025
 */
export function reportingYearEnding(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '08-01' ? year + 1 : year;
}

export function commissioningService(db: Database, repository: CommissioningRepository, children: ChildService, audit: AuditService) {
  return {
    /** @example await commissioning.providers() // [{ name: 'Heatherbank Care', homes: [...] }] */
    providers: () => repository.providers(db),

    /**
     * Add a provider (the council's own, voluntary, private or another council).
     * @example await commissioning.addProvider(actor, { name: 'Heatherbank Care', providerType: 'private' })
     */
    async addProvider(actor: Actor, input: { name: string; providerType: string }): Promise<ProviderChange> {
      if (await repository.providerNameTaken(db, input.name)) return { outcome: 'problems', problems: { name: 'A provider with this name already exists' } };
      const providerId = newRecordId('PR');
      await db.transaction(async (tx) => {
        await repository.insertProvider(tx, { providerId, ...input });
        await audit.record(actor, { action: 'commissioning.changed', subject: providerId, details: { provider: input.name } }, tx);
      });
      return { outcome: 'done' };
    },

    /**
     * Add a home to a provider with its weekly rate from a date (from long ago when no date is given).
     * @example await commissioning.addHome(actor, { providerId: 'PR-1', name: 'Braeside', outOfAuthority: true, weeklyRate: 4200, rateFrom: '2024-04-01' })
     */
    async addHome(actor: Actor, input: { providerId: string; name: string; outOfAuthority: boolean; weeklyRate: number; rateFrom?: string }): Promise<ProviderChange> {
      if (!(await repository.providers(db)).some((p) => p.providerId === input.providerId)) return { outcome: 'problems', problems: { providerId: 'Select a provider' } };
      if (await repository.homeNameTaken(db, input.providerId, input.name)) return { outcome: 'problems', problems: { homeName: 'This provider already has a home with this name' } };
      const homeId = newRecordId('HOME');
      const fromDate = input.rateFrom ?? firstRateFrom;
      await db.transaction(async (tx) => {
        await repository.insertHome(tx, { homeId, providerId: input.providerId, name: input.name, outOfAuthority: input.outOfAuthority });
        await repository.insertRate(tx, { homeId, fromDate, weeklyRate: input.weeklyRate, addedBy: actor.kind === 'user' ? actor.user.userId : null });
        await audit.record(actor, { action: 'commissioning.changed', subject: homeId, details: { home: input.name, weeklyRate: input.weeklyRate, rateFrom: fromDate } }, tx);
      });
      return { outcome: 'done' };
    },

    /**
     * Add a home's new weekly rate from a date; the earlier rates stay, for placements that began under them.
     * @example await commissioning.addRate(actor, 'HOME-1', { fromDate: '2025-04-01', weeklyRate: 4400 })
     */
    async addRate(actor: Actor, homeId: string, input: { fromDate: string; weeklyRate: number }): Promise<ProviderChange | { outcome: 'not_found' }> {
      const home = (await repository.providers(db)).flatMap((p) => p.homes).find((h) => h.homeId === homeId);
      if (!home) return { outcome: 'not_found' };
      return db.transaction(async (tx): Promise<ProviderChange> => {
        if (!(await repository.insertRate(tx, { homeId, ...input, addedBy: actor.kind === 'user' ? actor.user.userId : null }))) {
          return { outcome: 'problems', problems: { fromDate: `${home.name} already has a rate from that date` } };
        }
        await audit.record(actor, { action: 'commissioning.changed', subject: homeId, details: { home: home.name, weeklyRate: input.weeklyRate, rateFrom: input.fromDate } }, tx);
        return { outcome: 'done' };
      });
    },

    /**
     * External and out of authority placements open on `date`, and external spend over the reporting year
     * holding it. Children's names only for those this person may see; the viewing is audited.
     * @example await commissioning.view(manager, '2024-03-31')
     */
    async view(user: SignedInUser, date: string): Promise<CommissioningView> {
      const endYear = reportingYearEnding(date);
      const [placements, spend] = await Promise.all([
        repository.externalOrOutOfAuthority(db, date),
        placementsExternalSpendGbp.compute(db, { years: [endYear], baseline: endYear }),
      ]);
      const standing = await children.standingAmong(user, placements.map((p) => p.childId));
      const shown = placements.map((p) => ({ ...p, nameShown: standing.open.has(p.childId), restricted: standing.restricted.has(p.childId) }));
      await audit.record({ kind: 'user', user }, { action: 'commissioning.viewed', details: { date, placements: placements.length } });
      return { date, placements: shown, reportingYear: reportingYear(endYear), externalSpend: spend[0]?.value ?? 0 };
    },
  };
}
export type CommissioningService = ReturnType<typeof commissioningService>;
