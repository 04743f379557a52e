/** @module What the sign-in page says: messages for why someone is here, and for a sign-in that did not work. */

/** Why someone is at the sign-in page, set in the session by whatever ended their last one. */
export type SignInFlash = 'idle' | 'signed_out' | 'session_ended';

/** A banner on the sign-in page: `success` for things the person did, otherwise important information. */
export interface SignInNotice {
  text: string;
  success: boolean;
}

/**
 * Minutes in words, as people read them.
 * @example minutesInWords(30) // '30 minutes'
 */
export function minutesInWords(minutes: number): string {
  const whole = Math.max(1, Math.round(minutes));
  return whole === 1 ? '1 minute' : `${whole} minutes`;
}

/**
 * The banner for a flash message left in the session, if it is one the sign-in page knows.
 * @example signInNotice('idle', 30)?.text // 'You were signed out after 30 minutes without activity. …'
 */
export function signInNotice(flash: string | undefined, idleTimeoutMinutes: number): SignInNotice | undefined {
  switch (flash as SignInFlash | undefined) {
    case 'idle':
      return {
        text: `You were signed out after ${minutesInWords(idleTimeoutMinutes)} without activity. What you were typing has been kept.`,
        success: false,
      };
    case 'signed_out':
      return { text: 'You have signed out', success: true };
    case 'session_ended':
      return { text: 'Your session has ended. Sign in again to carry on.', success: false };
    default:
      return undefined;
  }
}

/**
 * The inline error for a password sign-in that did not succeed: the same words whether the password was wrong or the
 * account is unknown, locked or disabled (issue 16 item 11).
 * @example signInErrors() // { password: 'The username or password is not right' }
 */
export function signInErrors(): Record<string, string> {
  return { password: 'The username or password is not right' };
}
