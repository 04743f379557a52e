/** @module Thin handlers for training: coverage on a date (`training:view`); the staff register, courses, sessions and registers (`training:record`). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { HttpError } from '../../platform/http/httpError.js';
import { readDateInput } from '../../platform/forms/dates.js';
import { may } from '../../platform/access/access.js';
import { chartSvg } from '../../platform/documents/charts.js';
import { formValues, type FormValues } from '../../platform/forms/formValues.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import type { Actor } from '../../platform/access/user.js';
import type { Course } from './training.js';
import { readCourse, readReason, readSession, readSessionCorrection, readStaff, ticked } from './trainingForms.js';
import {
  presentCourseForm, presentCourses, presentCoverage, presentRegister, presentSessionCorrection, presentSessionForm, presentSessions, presentStaffForm, presentStaffList,
  presentWithdrawal, sessionValues, staffValues,
} from './trainingPresenter.js';
import { askToConfirm, confirmed, fieldsToRepost } from '../../platform/forms/confirmation.js';
import type { TrainingSession } from './training.js';
import { tellNextPage } from '../../platform/http/flash.js';
import type { UserService } from '../users/userService.js';
import type { TrainingService } from './trainingService.js';

/** What trainingRoutes needs from the composition root. */
export interface TrainingRoutesNeeds {
  training: TrainingService;
  users: UserService;
}

const idParam = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/);

const actorOf = (request: FastifyRequest): Actor => ({ kind: 'user', user: request.user! });

function param(request: FastifyRequest, name: string, what: string): string {
  const id = idParam.safeParse((request.params as Record<string, string | undefined>)[name]);
  if (!id.success) throw new HttpError(404, `There is no ${what} with that id`);
  return id.data;
}


/**
 * `/training` (coverage) and the recording pages under it.
 * @example await trainingRoutes(app, services)
 */
export async function trainingRoutes(app: FastifyInstance, services: TrainingRoutesNeeds): Promise<void> {
  const view = { config: { access: { permission: 'training:view' as const } } };
  const record = { config: { access: { permission: 'training:record' as const } } };
  const { training } = services;

  app.get(paths.training.coverage.pattern, view, async (request, reply) => {
    const values = formValues(request.query, [], ['on']);
    const read = readDateInput('Date', values['on-day'], values['on-month'], values['on-year']);
    const onDate = read.date ?? todayIso();
    const coverage = presentCoverage(await training.coverage(actorOf(request), onDate), onDate);
    reply.header('cache-control', 'no-store');
    return reply.view('training/views/coverage.njk', {
      title: 'Training coverage', coverage, values, errors: read.error ? { on: read.error } : {},
      errorList: read.error ? [{ text: read.error, href: '#on-day' }] : [],
      chartSvg: coverage.chart.points.length ? await chartSvg(coverage.chart, 'coverage-chart') : undefined,
      mayRecord: may(request.user, 'training:record'),
    });
  });

  // The staff register.
  app.get(paths.training.staff.pattern, record, async (request, reply) => {
    return reply.view('training/views/staff.njk', { title: 'Staff register', staff: presentStaffList(await training.staff()) });
  });
  const staffForm = (reply: FastifyReply, heading: string, action: string, values: FormValues, problems: Record<string, string>) =>
    reply.view('training/views/staffForm.njk', { title: heading, form: presentStaffForm(action, values, problems) });
  app.get(paths.training.newStaff.pattern, record, async (_request, reply) => staffForm(reply, 'Add someone to the staff register', paths.training.newStaff(), {}, {}));
  app.post(paths.training.newStaff.pattern, record, async (request, reply) => {
    const form = readStaff(request.body);
    if (!form.data) return staffForm(reply, 'Add someone to the staff register', paths.training.newStaff(), form.values, form.problems);
    const saved = await training.addStaff(actorOf(request), form.data);
    if (saved.outcome === 'problems') return staffForm(reply, 'Add someone to the staff register', paths.training.newStaff(), form.values, saved.problems);
    tellNextPage(request, `${form.data.name} added to the staff register`);
    return reply.redirect(paths.training.staff(), 303);
  });
  app.get(paths.training.editStaff.pattern, record, async (request, reply) => {
    const staffId = param(request, 'staffId', 'person');
    const person = await training.staffMember(staffId);
    if (!person) throw new HttpError(404, 'There is no person with that id on the staff register');
    const username = person.userId ? (await services.users.findById(person.userId))?.username ?? '' : '';
    return staffForm(reply, `Change ${person.name}’s details`, paths.training.editStaff(person), staffValues(person, username), {});
  });
  app.post(paths.training.editStaff.pattern, record, async (request, reply) => {
    const staffId = param(request, 'staffId', 'person');
    const person = await training.staffMember(staffId);
    if (!person) throw new HttpError(404, 'There is no person with that id on the staff register');
    const form = readStaff(request.body);
    const heading = `Change ${person.name}’s details`;
    if (!form.data) return staffForm(reply, heading, paths.training.editStaff({ staffId }), form.values, form.problems);
    const saved = await training.changeStaff(actorOf(request), staffId, form.data);
    if (saved.outcome === 'not_found') throw new HttpError(404, 'There is no person with that id on the staff register');
    if (saved.outcome === 'problems') return staffForm(reply, heading, paths.training.editStaff({ staffId }), form.values, saved.problems);
    tellNextPage(request, `${form.data.name}’s details changed`);
    return reply.redirect(paths.training.staff(), 303);
  });

  // Courses and their sessions.
  app.get(paths.training.courses.pattern, record, async (request, reply) => {
    const [courses, sessions] = await Promise.all([training.courses(), training.sessions()]);
    return reply.view('training/views/courses.njk', { title: 'Training courses', courses: presentCourses(courses, sessions) });
  });
  const courseForm = (reply: FastifyReply, values: FormValues, groups: string[], problems: Record<string, string>) =>
    reply.view('training/views/courseForm.njk', { title: 'Add a course', form: presentCourseForm(values, groups, problems) });
  app.get(paths.training.newCourse.pattern, record, async (_request, reply) => courseForm(reply, {}, [], {}));
  app.post(paths.training.newCourse.pattern, record, async (request, reply) => {
    const form = readCourse(request.body);
    if (!form.data) return courseForm(reply, form.values, form.groups, form.problems);
    const saved = await training.addCourse(actorOf(request), form.data);
    if (saved.outcome === 'problems') return courseForm(reply, form.values, form.groups, saved.problems);
    tellNextPage(request, `${form.data.title} added`);
    return reply.redirect(paths.training.courses(), 303);
  });

  async function courseOf(request: FastifyRequest): Promise<Course> {
    const courseId = param(request, 'courseId', 'course');
    const course = (await training.courses()).find((c) => c.courseId === courseId);
    if (!course) throw new HttpError(404, 'There is no course with that id');
    return course;
  }
  const sessionForm = (reply: FastifyReply, course: Course, values: FormValues, problems: Record<string, string>) =>
    reply.view('training/views/sessionForm.njk', { title: `Add a session of ${course.title}`, form: presentSessionForm(course, values, problems) });
  app.get(paths.training.newSession.pattern, record, async (request, reply) => sessionForm(reply, await courseOf(request), {}, {}));
  app.post(paths.training.newSession.pattern, record, async (request, reply) => {
    const course = await courseOf(request);
    const form = readSession(request.body, course.days);
    if (!form.data) return sessionForm(reply, course, form.values, form.problems);
    const saved = await training.addSession(actorOf(request), { courseId: course.courseId, ...form.data });
    if (saved.outcome === 'not_found') throw new HttpError(404, 'There is no course with that id');
    if (saved.outcome === 'problems') return sessionForm(reply, course, form.values, saved.problems);
    tellNextPage(request, `Session of ${course.title} added. Take the register once it has happened.`);
    return reply.redirect(paths.training.register({ sessionId: saved.id }), 303);
  });

  // Sessions and their registers.
  app.get(paths.training.sessions.pattern, record, async (_request, reply) => {
    return reply.view('training/views/sessions.njk', { title: 'Training sessions', sessions: presentSessions(await training.sessions()) });
  });
  app.get(paths.training.register.pattern, record, async (request, reply) => {
    const register = await training.register(param(request, 'sessionId', 'session'));
    if (!register) throw new HttpError(404, 'There is no session with that id');
    const history = await training.amendments(register.session.sessionId);
    return reply.view('training/views/register.njk', { title: `Register: ${register.course.title}`, register: presentRegister(register, {}, undefined, history) });
  });
  app.post(paths.training.register.pattern, record, async (request, reply) => {
    const sessionId = param(request, 'sessionId', 'session');
    const attended = new Set(ticked((request.body as Record<string, unknown> | undefined)?.attended));
    const values = formValues(request.body, ['reason']);
    const saved = await training.recordAttendance(actorOf(request), sessionId, attended, values.reason);
    if (saved.outcome === 'not_found') throw new HttpError(404, 'There is no session with that id');
    if (saved.outcome === 'problems') {
      const register = (await training.register(sessionId))!;
      const history = await training.amendments(sessionId);
      return reply.view('training/views/register.njk', { title: `Register: ${register.course.title}`, register: presentRegister(register, saved.problems, attended, history, values) });
    }
    tellNextPage(request, values.reason ? 'Register corrected' : 'Register saved');
    return reply.redirect(paths.training.register({ sessionId }), 303);
  });

  // Correcting a session (course, dates, venue, trainer) or withdrawing it: amendments with a reason.
  async function sessionOf(request: FastifyRequest): Promise<TrainingSession> {
    const register = await training.register(param(request, 'sessionId', 'session'));
    if (!register) throw new HttpError(404, 'There is no session with that id');
    return register.session;
  }
  const correctionForm = async (reply: FastifyReply, session: TrainingSession, values: FormValues, problems: Record<string, string>) =>
    reply.view('training/views/sessionForm.njk', { title: `Correct a session of ${session.courseTitle}`, form: presentSessionCorrection(session, await training.courses(), values, problems) });
  app.get(paths.training.correctSession.pattern, record, async (request, reply) => {
    const session = await sessionOf(request);
    if (session.withdrawn) return reply.redirect(paths.training.register(session), 303);
    return correctionForm(reply, session, sessionValues(session), {});
  });
  app.post(paths.training.correctSession.pattern, record, async (request, reply) => {
    const session = await sessionOf(request);
    const form = readSessionCorrection(request.body, session.days.length);
    if (!form.data) return correctionForm(reply, session, form.values, form.problems);
    const { reason, ...corrected } = form.data;
    const saved = await training.correctSession(actorOf(request), session.sessionId, corrected, reason);
    if (saved.outcome === 'not_found') throw new HttpError(404, 'There is no session with that id');
    if (saved.outcome === 'problems') return correctionForm(reply, session, form.values, saved.problems);
    tellNextPage(request, 'Session corrected');
    return reply.redirect(paths.training.register(session), 303);
  });

  const withdrawalForm = (reply: FastifyReply, session: TrainingSession, values: FormValues, problems: Record<string, string>) =>
    reply.view('training/views/withdrawSession.njk', { title: 'Withdraw a training session', form: presentWithdrawal(session, values, problems) });
  app.get(paths.training.withdrawSession.pattern, record, async (request, reply) => {
    const session = await sessionOf(request);
    if (session.withdrawn) return reply.redirect(paths.training.register(session), 303);
    return withdrawalForm(reply, session, {}, {});
  });
  app.post(paths.training.withdrawSession.pattern, record, async (request, reply) => {
    const session = await sessionOf(request);
    const form = readReason(request.body, 'Enter why you are withdrawing this session');
    if (!form.data) return withdrawalForm(reply, session, form.values, form.problems);
    if (!confirmed(request.body)) {
      const { present } = presentSessions([session]).map((s) => ({ present: `${s.course}, ${s.dates}, ${s.venue}` }))[0]!;
      return askToConfirm(reply, {
        question: 'Withdraw this training session?', details: [present, `Reason: ${form.data.reason}`],
        consequence: 'It stays on record, marked withdrawn, and no longer counts towards anyone’s training.',
        action: paths.training.withdrawSession(session), confirmText: 'Yes, withdraw it', backHref: paths.training.register(session), fields: fieldsToRepost(request.body),
      });
    }
    const saved = await training.withdrawSession(actorOf(request), session.sessionId, form.data.reason);
    if (saved.outcome === 'not_found') throw new HttpError(404, 'There is no session with that id');
    if (saved.outcome === 'problems') return withdrawalForm(reply, session, form.values, saved.problems);
    tellNextPage(request, 'Session withdrawn');
    return reply.redirect(paths.training.register(session), 303);
  });
}
