/** @module Typed URL builders: every link and redirect comes from here, never a hand-built string. */

const encode = encodeURIComponent;

export const paths = {
  home: () => '/',
  health: () => '/health',
  signIn: {
    show: () => '/sign-in',
    submit: () => '/sign-in',
    oidcStart: () => '/sign-in/sso',
    oidcCallback: () => '/sign-in/sso/callback',
  },
  signOut: () => '/sign-out',
  session: {
    keepAlive: () => '/session/keep-alive',
    status: () => '/session/status',
    draft: () => '/session/draft',
  },
  children: {
    search: () => '/children',
    show: ({ childId }: { childId: string }) => `/children/${encode(childId)}`,
  },
  admin: {
    audit: () => '/admin/audit',
    users: () => '/admin/users',
    newUser: () => '/admin/users/new',
  },
} as const;
