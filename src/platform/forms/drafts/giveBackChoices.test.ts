import { describe, expect, it } from 'vitest';
import { giveBackChoices } from './giveBackChoices.js';

describe('giving back the choices of a kept draft', () => {
  it('checks the radio the draft chose and unchecks the one the page chose', () => {
    const page = '<input class="govuk-radios__input" id="kind" name="kind" type="radio" value="task" checked><input class="govuk-radios__input" id="kind-2" name="kind" type="radio" value="visit">';
    expect(giveBackChoices(page, { kind: 'visit' })).toBe('<input class="govuk-radios__input" id="kind" name="kind" type="radio" value="task"><input class="govuk-radios__input" id="kind-2" name="kind" type="radio" value="visit" checked>');
  });

  it('selects the option the draft chose, matching values the page escapes', () => {
    const page = '<select id="team" name="team"><option value="" selected>Choose</option><option value="North &amp; West">North &amp; West</option></select>';
    expect(giveBackChoices(page, { team: 'North & West' })).toBe('<select id="team" name="team"><option value="">Choose</option><option value="North &amp; West" selected>North &amp; West</option></select>');
  });

  it('ticks every checkbox the draft holds, and leaves fields the draft does not hold as they were', () => {
    const page = '<input type="checkbox" name="concerns" value="neglect"><input type="checkbox" name="concerns" value="other" checked><input type="checkbox" name="confirm" value="yes" checked><input type="text" name="title" value="x">';
    expect(giveBackChoices(page, { concerns: ['neglect'] })).toBe('<input type="checkbox" name="concerns" value="neglect" checked><input type="checkbox" name="concerns" value="other"><input type="checkbox" name="confirm" value="yes" checked><input type="text" name="title" value="x">');
  });
});
