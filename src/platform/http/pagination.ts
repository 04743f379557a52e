/** @module Pages of a long list: how many there are and the links either side of the one shown (GOV.UK pagination). */

/** A page of a list: its number, how many there are, and links to the pages either side where there are some. */
export interface Pagination {
  page: number;
  pages: number;
  previous: { href: string } | undefined;
  next: { href: string } | undefined;
}

/**
 * How many pages `total` items make at `pageSize` a page (at least one).
 * @example pageCount(130, 100) // 2
 */
export const pageCount = (total: number, pageSize: number): number => Math.max(1, Math.ceil(total / pageSize));

/**
 * Page `page` of `total` items, `link` naming the address of any page.
 * @example pagination(2, 100, 130, (p) => `/data-quality?page=${p}`).previous // { href: '/data-quality?page=1' }
 */
export function pagination(page: number, pageSize: number, total: number, link: (page: number) => string): Pagination {
  const pages = pageCount(total, pageSize);
  return {
    page,
    pages,
    previous: page > 1 ? { href: link(page - 1) } : undefined,
    next: page < pages ? { href: link(page + 1) } : undefined,
  };
}
