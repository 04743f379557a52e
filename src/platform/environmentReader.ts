/**
 * @module Reads settings from environment variables, noting every one that is wrong in plain words. Hand-written
 * rather than a zod schema (ADR 0069): every `cairn` command reads its settings first, and loading zod cost about
 * 100 ms of each — a tenth of `cairn stats`.
 */

/** What a number setting must be. */
export interface NumberRule {
  fallback: number;
  /** A whole number. */
  whole?: boolean;
  /** At least this. */
  min?: number;
  /** More than this. */
  above?: number;
  /** At most this. */
  max?: number;
}

/**
 * Read settings from `env`; an empty variable counts as unset, as in a shell's `DATABASE_URL= npm start`. Each
 * reader gives the value (or the fallback) and, when the value is wrong, adds a problem naming the variable.
 * @example const read = environmentReader({ PORT: 'eighty' }); read.number('PORT', { fallback: 3000 }); read.problems // ['PORT must be a number (not "eighty")']
 */
export function environmentReader(env: NodeJS.ProcessEnv) {
  const problems: string[] = [];
  const given = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  const wrong = (name: string, what: string, value: string) => problems.push(`${name} must be ${what} (not "${value}")`);

  return {
    problems,

    /** Any text; with `minLength`, at least that many characters. */
    text(name: string, minLength = 0): string | undefined {
      const value = given(name);
      if (value === undefined || value.length >= minLength) return value;
      problems.push(`${name} must be at least ${minLength} characters (it has ${value.length})`);
      return undefined;
    },

    /** One of `choices`. */
    choice<const Choice extends string>(name: string, choices: readonly Choice[], fallback: Choice): Choice {
      const value = given(name);
      if (value === undefined) return fallback;
      if ((choices as readonly string[]).includes(value)) return value as Choice;
      wrong(name, `one of ${choices.join(', ')}`, value);
      return fallback;
    },

    number(name: string, rule: NumberRule): number {
      const value = given(name);
      if (value === undefined) return rule.fallback;
      const number = Number(value);
      const bounds = [
        rule.min !== undefined ? `at least ${rule.min}` : undefined,
        rule.above !== undefined ? `more than ${rule.above}` : undefined,
        rule.max !== undefined ? `at most ${rule.max}` : undefined,
      ].filter((bound): bound is string => bound !== undefined);
      const ok =
        value.trim() !== '' && Number.isFinite(number) && (!rule.whole || Number.isInteger(number)) &&
        (rule.min === undefined || number >= rule.min) && (rule.above === undefined || number > rule.above) &&
        (rule.max === undefined || number <= rule.max);
      if (ok) return number;
      wrong(name, [rule.whole ? 'a whole number' : 'a number', ...bounds].join(', '), value);
      return rule.fallback;
    },

    /** A web address (`postgres://…`, `https://…`). */
    url(name: string): string | undefined {
      const value = given(name);
      if (value === undefined || URL.canParse(value)) return value;
      wrong(name, 'a URL such as postgres://user@host/database or https://login.example.org', value);
      return undefined;
    },

    /** `true` or `1`, `false` or `0`. */
    flag(name: string): boolean | undefined {
      const value = given(name);
      if (value === undefined) return undefined;
      if (value === 'true' || value === '1') return true;
      if (value === 'false' || value === '0') return false;
      wrong(name, 'true or false (or 1 or 0)', value);
      return undefined;
    },

    /** A value matching `pattern`, else `message`. */
    matching(name: string, pattern: RegExp, message: string): string | undefined {
      const value = given(name);
      if (value === undefined || pattern.test(value)) return value;
      problems.push(message);
      return undefined;
    },
  };
}
