/** @module Post, redirect, get: how Cairn answers a form that was saved. */

/**
 * A save answers a POST by sending the person on (post, redirect, get); a form shown again with problems does not.
 * @example isSaved(303) // true; isSaved(422) // false
 */
export const isSaved = (statusCode: number): boolean => statusCode >= 300 && statusCode < 400;
