/**
 * @module A typed path: one object that carries its route pattern (to register the route) and builds its links
 * (to link and redirect to it), so a URL is written once. Parameters are percent-encoded; a query may follow.
 */

/** The `:name` parameters of a pattern, e.g. `'childId' | 'mapId'` for `/children/:childId/safety/maps/:mapId`. */
export type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}.${string}`
    ? Name
    : P extends `${string}:${infer Name}`
      ? Name
      : never;

/** What fills a pattern's parameters: one value per name. */
export type PathParams<P extends string> = { [K in ParamNames<P>]: string | number };

/** A query to follow the path: a ready-made query string, or names and values. */
export type Query = string | Record<string, string> | URLSearchParams | undefined;

type Build<P extends string> = [ParamNames<P>] extends [never] ? (query?: Query) => string : (params: PathParams<P>, query?: Query) => string;

/** A path's builder with its pattern attached. */
export type Path<P extends string = string, B = Build<P>> = B & { readonly pattern: P };

/**
 * `?a=1&b=2` from a query, or nothing for an empty one.
 * @example queryString({ hearing: 'H1' }) // '?hearing=H1'
 */
export function queryString(query: Query): string {
  if (!query) return '';
  const text = typeof query === 'string' ? query.replace(/^\?/, '') : new URLSearchParams(query).toString();
  return text ? `?${text}` : '';
}

/**
 * Fill a pattern's parameters.
 * @example fillPattern('/children/:childId/care', { childId: 'C012 987' }) // '/children/C012%20987/care'
 */
export function fillPattern(pattern: string, params: Record<string, string | number>): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new Error(`The path ${pattern} needs ${name}`);
    return encodeURIComponent(String(value));
  });
}

/**
 * A typed path from its pattern; `build` replaces the usual builder where links take other arguments.
 * @example const show = path('/children/:childId'); show.pattern // '/children/:childId'; show({ childId: 'A1' }) // '/children/A1'
 */
export function path<P extends string>(pattern: P): Path<P>;
export function path<P extends string, B extends (...args: never[]) => string>(pattern: P, build: B): Path<P, B>;
export function path<P extends string>(pattern: P, build?: (...args: never[]) => string): Path<P> {
  const hasParams = /:[A-Za-z]/.test(pattern);
  const builder =
    build ??
    (hasParams
      ? (params: Record<string, string | number>, query?: Query) => fillPattern(pattern, params) + queryString(query)
      : (query?: Query) => pattern + queryString(query));
  return Object.assign(builder, { pattern }) as unknown as Path<P>;
}

/**
 * Every typed path in a tree of paths (for the test that each registered route comes from one).
 * @example allPatterns({ a: path('/a'), b: { c: path('/c/:id') } }) // ['/a', '/c/:id']
 */
export function allPatterns(tree: object): string[] {
  return Object.values(tree).flatMap((value: unknown) =>
    typeof value === 'function' && 'pattern' in value ? [String((value as { pattern: string }).pattern)] : value && typeof value === 'object' ? allPatterns(value) : [],
  );
}
