/** @module Surveys of families and staff: questionnaires, their waves, answer scales, and the refusals a survey's rules give. */

export const audiences = ['families', 'staff'] as const;
export type Audience = (typeof audiences)[number];
export const audienceLabels: Record<Audience, string> = {
  families: 'Parents and children',
  staff: 'Staff',
};

export const questionKinds = ['likert', 'free_text'] as const;
export type QuestionKind = (typeof questionKinds)[number];
export const questionKindLabels: Record<QuestionKind, string> = {
  likert: 'Choose one of five answers',
  free_text: 'Answer in their own words',
};

/** The five-point scales a Likert question may use, most positive first; the labels are stored with the question. */
export const likertScales = {
  agreement: ['Strongly agree', 'Agree', 'Neither agree nor disagree', 'Disagree', 'Strongly disagree'],
  satisfaction: ['Very satisfied', 'Satisfied', 'Neither satisfied nor dissatisfied', 'Dissatisfied', 'Very dissatisfied'],
  frequency: ['Always', 'Often', 'Sometimes', 'Rarely', 'Never'],
} as const;
export type LikertScaleName = keyof typeof likertScales;
export const likertScaleNames = Object.keys(likertScales) as LikertScaleName[];

export interface NewQuestion {
  kind: QuestionKind;
  text: string;
  hint: string;
  /** A Likert question's five answers, most positive first; empty for free text. */
  scale: string[];
  asksPersonalData: boolean;
  required: boolean;
}

export interface Question extends NewQuestion {
  questionId: number;
  position: number;
}

/** Most links one request may issue. */
export const mostLinksAtOnce = 1000;

export interface Wave {
  waveId: number;
  surveyId: number;
  name: string;
  opensOn: string;
  closedOn: string | null;
  linksIssued: number;
  respondents: number;
}

export interface Survey {
  surveyId: number;
  title: string;
  audience: Audience;
  intro: string;
  questions: Question[];
  waves: Wave[];
}

export interface NewSurvey {
  title: string;
  audience: Audience;
  intro: string;
}

/** What a respondent sent: per question id, the chosen answer's position (1-5) or their words. */
export type Answers = Map<number, { choice: number } | { words: string }>;

/**
 * A survey rule refused what was asked, in words for the person. `statusCode` lets the web error page show it
 * (404: no such survey or wave; 409: the survey's state forbids it; 403: not permitted).
 */
export class SurveyRefusal extends Error {
  constructor(readonly statusCode: 403 | 404 | 409, message: string) {
    super(message);
    this.name = 'SurveyRefusal';
  }
}

/** Words that show a question asks for something identifying; such a question must say it asks for personal information. */
const identifyingWords = /\b(name|names|surname|address|postcode|post code|e-?mail|phone|telephone|mobile|date of birth|birthday|dob|age|contact you|contact details)\b/i;

/**
 * Whether a question's words look as if they ask for something identifying.
 * @example mentionsPersonalData('What is your postcode?') // true
 * @example mentionsPersonalData('My worker listened to me') // false
 */
export const mentionsPersonalData = (text: string) => identifyingWords.test(text);

/**
 * The one message given when a questionnaire can no longer change.
 * @example fixedMessage // 'This survey’s questions cannot change …'
 */
export const fixedMessage = 'This survey’s questions cannot change because a wave has been opened: every wave must ask the same questions so that waves can be compared. Build a new survey to ask different questions.';

/**
 * The message given when a survey's title, audience or introduction can no longer change.
 * @example detailsFixedMessage // 'This survey’s details cannot change …'
 */
export const detailsFixedMessage = 'This survey’s details cannot change because a wave has been opened: respondents have already been sent it with these words. Build a new survey to change them.';
