/** @module View models for the commissioning page, the providers page and their forms. */
import { paths } from '../../platform/http/paths.js';
import { restrictedRecordLabel } from '../children/child.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import type { ProviderWithHomes } from './commissioningRepository.js';
import { firstRateFrom, type CommissioningView } from './commissioningService.js';
import { moneyOf } from '../../platform/dates/formats.js';
import { placementType, providerType, providerTypeLabels } from '../../platform/codes/careCodes.js';

/**
 * A year of a weekly cost: 365 days of it, in pence.
 * @example yearlyCost(700) // 36500
 */
export const yearlyCost = (weekly: number) => Math.round((weekly * 365 * 100) / 7) / 100;

/** @example presentCommissioning(view).totals.weekly // '£4,250.00' */
export function presentCommissioning(view: CommissioningView) {
  const costed = view.placements.filter((p) => p.weeklyCost !== null);
  const weekly = costed.reduce((sum, p) => sum + p.weeklyCost!, 0);
  return {
    date: longDateOf(view.date),
    rows: view.placements.map((p) => ({
      child: p.nameShown ? p.childName : p.restricted ? restrictedRecordLabel(p.childId) : 'A child outside your team',
      childHref: p.nameShown ? paths.care.child({ childId: p.childId }) : undefined,
      type: placementType.label(p.placementType),
      provider: p.providerName ? `${p.providerName} (${providerType.label(p.providerType)})` : 'Not recorded',
      outOfAuthority: p.outOfAuthority ? 'Yes' : 'No',
      since: longDateOf(p.startDate),
      weekly: p.weeklyCost === null ? 'Not recorded' : moneyOf(p.weeklyCost),
      yearly: p.weeklyCost === null ? 'Not recorded' : moneyOf(yearlyCost(p.weeklyCost)),
    })),
    totals: { count: view.placements.length, weekly: moneyOf(weekly), yearly: moneyOf(yearlyCost(weekly)) },
    spend: { year: `${view.reportingYear.label} (${longDateOf(view.reportingYear.first)} to ${longDateOf(view.reportingYear.last)})`, total: moneyOf(view.externalSpend, { whole: true }) },
  };
}

/** @example presentProviders(providers, '2024-05-01')[0].homes[0].weeklyRate // '£4,200.00' */
export function presentProviders(providers: readonly ProviderWithHomes[], today: string) {
  return providers.map((p) => ({
    name: p.name,
    type: providerType.label(p.providerType),
    homes: p.homes.map((h) => {
      const current = h.rates.find((r) => r.fromDate <= today);
      return {
        name: h.name,
        outOfAuthority: h.outOfAuthority ? 'Yes' : 'No',
        weeklyRate: current ? moneyOf(current.weeklyRate) : 'No rate yet',
        rates: h.rates.map((r) => `${moneyOf(r.weeklyRate)} a week from ${r.fromDate === firstRateFrom ? 'before Cairn’s records' : longDateOf(r.fromDate)}`),
        addRateHref: paths.care.newRate({ homeId: h.homeId }),
      };
    }),
  }));
}

/** @example presentRateForm('Braeside', {}, {}).home // 'Braeside' */
export function presentRateForm(home: string, values: FormValues, problems: Record<string, string>) {
  return { home, values, errors: problems, errorList: errorSummary(problems, ['fromDate', 'weeklyRate']) };
}

/** @example presentProviderForm({}, {}).typeItems.length // 4 */
export function presentProviderForm(values: FormValues, problems: Record<string, string>) {
  return {
    values, errors: problems, errorList: errorSummary(problems, ['name', 'providerType']),
    typeItems: Object.entries(providerTypeLabels).map(([value, text]) => ({ value, text, checked: values.providerType === value })),
  };
}

/** @example presentHomeForm(providers, {}, {}).providerItems[0].text // 'Choose a provider' */
export function presentHomeForm(providers: readonly ProviderWithHomes[], values: FormValues, problems: Record<string, string>) {
  return {
    values, errors: problems, errorList: errorSummary(problems, ['providerId', 'homeName', 'outOfAuthority', 'weeklyRate', 'rateFrom']),
    providerItems: [{ value: '', text: 'Choose a provider', selected: !values.providerId }, ...providers.map((p) => ({ value: p.providerId, text: p.name, selected: p.providerId === values.providerId }))],
    outOfAuthorityItems: [
      { value: 'no', text: 'No, in the council’s area', checked: values.outOfAuthority === 'no' },
      { value: 'yes', text: 'Yes, outside the council’s area', checked: values.outOfAuthority === 'yes' },
    ],
  };
}
