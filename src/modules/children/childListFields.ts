/**
 * @module A child's school and school cluster, chosen from the reference lists (ADR 0029) on the change-details and
 * add-a-child forms: the select fields, and the problem when a posted value is not on the list.
 */
import { listField, notOnList, type ListChoice, type ListField } from '../../platform/forms/chooseFromList.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import type { FormValues } from '../../platform/forms/formValues.js';

/** The lists the fields choose from (ReferenceService.choices of each). */
export interface ChildListChoices {
  schools: ListChoice[];
  clusters: ListChoice[];
}

/** What the child's record holds now (kept on offer even if retired); nothing for a child being added. */
export interface KeptValues {
  school?: string | null;
  schoolCluster?: string | null;
}

/** @example childListFields(choices, values, { schoolCluster: 'Belmont' }, errors).schoolClusterField.items */
export function childListFields(choices: ChildListChoices, values: FormValues, kept: KeptValues, errors: FieldErrors): { schoolField: ListField; schoolClusterField: ListField } {
  return {
    schoolField: listField(choices.schools, {
      id: 'school', label: 'School (optional)', hint: 'Recorded in Cairn only: the school is not in the council’s extract',
      value: values.school, kept: kept.school, error: errors.school,
    }),
    schoolClusterField: listField(choices.clusters, { id: 'schoolCluster', label: 'School cluster (optional)', value: values.schoolCluster, kept: kept.schoolCluster, error: errors.schoolCluster }),
  };
}

/** The problems with the posted school and school cluster: each must be on its list, or what the record already holds. */
export function childListProblems(choices: ChildListChoices, values: FormValues, kept: KeptValues): FieldErrors {
  const errors: FieldErrors = {};
  const school = notOnList(choices.schools, values.school, { kept: kept.school, label: 'school' });
  if (school) errors.school = school;
  const cluster = notOnList(choices.clusters, values.schoolCluster, { kept: kept.schoolCluster, label: 'school cluster' });
  if (cluster) errors.schoolCluster = cluster;
  return errors;
}
