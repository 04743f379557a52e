/** @module The survey forms: a question's rules (scale, personal information) and a respondent's answers. */
import { describe, expect, it } from 'vitest';
import { likertScales, mentionsPersonalData, type Question } from './survey.js';
import { readAnswers, readLinkCount, readQuestion } from './surveyForms.js';

const question = (questionId: number, kind: Question['kind'], required = false): Question => ({
  questionId, position: questionId, kind, text: `Question ${questionId}`, hint: '', scale: kind === 'likert' ? [...likertScales.frequency] : [], asksPersonalData: false, required,
});

describe('a new question', () => {
  it('stores the chosen scale’s five answers with a Likert question, and none with free text', () => {
    expect(readQuestion({ kind: 'likert', text: 'I was kept informed', hint: '', scale: 'frequency', flags: 'required' }).data)
      .toEqual({ kind: 'likert', text: 'I was kept informed', hint: '', scale: ['Always', 'Often', 'Sometimes', 'Rarely', 'Never'], asksPersonalData: false, required: true });
    expect(readQuestion({ kind: 'free_text', text: 'Anything else?', hint: '', scale: 'agreement' }).data?.scale).toEqual([]);
    expect(readQuestion({ kind: 'likert', text: 'I was kept informed', hint: '', scale: 'made-up' }).problems).toEqual({ scale: 'Select the answers people choose from' });
  });

  it('must be marked as asking for personal information when its words ask for something identifying, and then cannot be required', () => {
    expect(mentionsPersonalData('What is your postcode?')).toBe(true);
    expect(mentionsPersonalData('Please give your phone number')).toBe(true);
    expect(mentionsPersonalData('My worker listened to me')).toBe(false);
    expect(mentionsPersonalData('I understood the plan for my family')).toBe(false);
    expect(readQuestion({ kind: 'free_text', text: 'Your name', hint: '' }).problems.flags).toMatch(/^This question looks as if it asks for something that could identify someone/);
    expect(readQuestion({ kind: 'free_text', text: 'Your name', hint: '', flags: 'asksPersonalData' }).data?.asksPersonalData).toBe(true);
    expect(readQuestion({ kind: 'free_text', text: 'Your name', hint: '', flags: ['asksPersonalData', 'required'] }).problems)
      .toEqual({ flags: 'A question that asks for personal information cannot be required: people must be free to leave it out' });
  });

  it('asks for 1 to 1,000 links as a whole number', () => {
    expect(readLinkCount({ count: ' 40 ' }).data).toEqual({ count: 40 });
    expect(readLinkCount({ count: '1001' }).problems).toEqual({ count: 'Enter 1,000 links or fewer at a time' });
    expect(readLinkCount({ count: '2.5' }).problems).toEqual({ count: 'Enter the number of links as a whole number, like 40' });
  });
});

describe('a respondent’s answers', () => {
  const questions = [question(1, 'likert', true), question(2, 'likert'), question(3, 'free_text')];

  it('reads a chosen answer as its position and words as typed (trimmed), leaving out what was not answered', () => {
    expect(readAnswers(questions, { q1: '5', q3: '  Kind and patient ' }).data).toEqual(new Map([[1, { choice: 5 }], [3, { words: 'Kind and patient' }]]));
  });

  it('gives a message beside each field that needs one, and keeps what was typed', () => {
    const reading = readAnswers(questions, { q2: '6', q3: 'x'.repeat(2001) });
    expect(reading.data).toBeUndefined();
    expect(reading.problems).toEqual({
      q1: 'Select an answer to this question',
      q2: 'Select one of the answers',
      q3: 'Your answer must be 2,000 characters or fewer (it has 2,001)',
    });
    expect(reading.values.q3).toHaveLength(2001);
  });
});
