/** @module Single sign-on with the council's OpenID Connect provider: authorization code flow with PKCE, state and nonce. */
import * as client from 'openid-client';
import type { OidcSettings } from '../../platform/config.js';

/** What must be kept in the session between sending someone to the provider and their return. */
export interface OidcChecks {
  state: string;
  nonce: string;
  verifier: string;
}

/** Why a return from the provider was refused; the message is for the log, never the page. */
export class OidcError extends Error {
  override name = 'OidcError';
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Plain http is accepted only for a provider on this machine (a test or development provider);
 * a real provider must use https.
 */
function allowsPlainHttp(issuer: URL): boolean {
  return issuer.protocol === 'http:' && loopbackHosts.has(issuer.hostname);
}

/**
 * A client for one provider. Discovery happens on first use (and is retried after a failure), so
 * Cairn starts even when the provider is briefly unreachable.
 * @example
 * const oidc = oidcClient(config.oidc);
 * const { url, checks } = await oidc.start();          // keep checks in the session, redirect to url
 * const subject = await oidc.finish('?code=…&state=…', checks); // the provider's `sub` for this person
 */
export function oidcClient(settings: OidcSettings) {
  const issuer = new URL(settings.issuer);
  let discovered: Promise<client.Configuration> | undefined;

  function configuration(): Promise<client.Configuration> {
    discovered ??= client
      .discovery(issuer, settings.clientId, undefined, client.ClientSecretBasic(settings.clientSecret), {
        execute: allowsPlainHttp(issuer) ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  }

  return {
    /** The provider's authorization URL for a new sign-in, and the checks to keep until the person returns. */
    async start(): Promise<{ url: URL; checks: OidcChecks }> {
      const config = await configuration();
      const checks: OidcChecks = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: 'openid',
        response_type: 'code',
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(checks.verifier),
        code_challenge_method: 'S256',
      });
      return { url, checks };
    },

    /**
     * Check the provider's response (state, issuer, PKCE, the ID token's signature, audience and nonce),
     * exchange the code, and return the person's subject identifier. Throws when anything does not match.
     * `query` is the callback's query string; the URL it arrived at is taken to be the configured redirect
     * URI, so the token request names exactly the registered one even behind a proxy.
     */
    async finish(query: string, checks: OidcChecks): Promise<string> {
      const config = await configuration();
      const callbackUrl = new URL(settings.redirectUri);
      callbackUrl.search = query;
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        pkceCodeVerifier: checks.verifier,
        idTokenExpected: true,
      });
      const subject = tokens.claims()?.sub;
      if (!subject) throw new OidcError('the ID token has no subject');
      return subject;
    },
  };
}
export type OidcClient = ReturnType<typeof oidcClient>;
