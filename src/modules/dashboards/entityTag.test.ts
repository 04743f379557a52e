/** @module Entity tags for chart images: the same content the same tag, and If-None-Match read as HTTP lists it. */
import { describe, expect, it } from 'vitest';
import { entityTag, matchesEntityTag } from './entityTag.js';

describe('entity tags', () => {
  it('are the same for the same content and differ for different content', () => {
    expect(entityTag('<svg>1</svg>')).toBe(entityTag('<svg>1</svg>'));
    expect(entityTag('<svg>1</svg>')).not.toBe(entityTag('<svg>2</svg>'));
    expect(entityTag('<svg/>')).toMatch(/^"[\w-]{27}"$/);
  });

  it('match a header naming the tag among others, weakly or as *, and nothing else', () => {
    const tag = entityTag('<svg/>');
    expect(matchesEntityTag(tag, tag)).toBe(true);
    expect(matchesEntityTag(`"other", W/${tag}`, tag)).toBe(true);
    expect(matchesEntityTag('*', tag)).toBe(true);
    expect(matchesEntityTag('"other"', tag)).toBe(false);
    expect(matchesEntityTag(undefined, tag)).toBe(false);
    expect(matchesEntityTag('', tag)).toBe(false);
  });
});
