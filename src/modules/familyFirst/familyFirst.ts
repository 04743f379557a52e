/** @module A Family First involvement: the family's plan, sessions with them, their own words, and how it ended. */
import { InvolvementEnding } from '../../platform/codes/referralCodes.js';


export interface Involvement {
  involvementId: string;
  caseId: string;
  childId: string;
  childName: string;
  referralId: string | null;
  startedDate: string;
  plan: string | null;
  endedDate: string | null;
  ending: InvolvementEnding | null;
  endingNotes: string | null;
  team: string | null;
  workerId: string | null;
}

export interface FamilySession {
  sessionId: string;
  sessionDate: string;
  who: string;
  whatWasDone: string;
}

export interface FamilyFeedback {
  feedbackId: string;
  givenDate: string;
  words: string;
  consentToQuote: boolean;
}

export interface InvolvementRecord {
  involvement: Involvement;
  sessions: FamilySession[];
  feedback: FamilyFeedback[];
}
