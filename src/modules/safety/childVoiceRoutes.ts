/** @module Thin handlers for the child's voice: their words, their drawings (uploaded, checked, served only to those allowed). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { HttpError } from '../../platform/http/httpError.js';
import { maxDrawingBytes } from './childVoice.js';
import { drawingForm, specErrorSummary, readForm, submittedValues, wordsForm, type FormSpec } from './safetyForms.js';
import { presentFormFields, presentVoice } from './safetyPresenter.js';
import { refuse } from './refuse.js';
import type { SafetyService } from './safetyService.js';
import type { ChildService } from '../children/childService.js';
import { tellNextPage } from '../../platform/http/flash.js';

/** What childVoiceRoutes needs from the composition root. */
export interface ChildVoiceRoutesNeeds {
  children: ChildService;
  safety: SafetyService;
}

const childParams = z.object({ childId: z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/) });
const view = { config: { access: { permission: 'safety:view' as const } } };
const record = { config: { access: { permission: 'safety:record' as const } } };

function childOf(request: FastifyRequest): string {
  const parsed = childParams.safeParse(request.params);
  if (!parsed.success) throw new HttpError(404, 'Page not found');
  return parsed.data.childId;
}

/**
 * `/children/:childId/voice…`. Registered in its own scope so multipart uploads are accepted only here.
 * @example await app.register(async (scope) => childVoiceRoutes(scope, services))
 */
export async function childVoiceRoutes(app: FastifyInstance, services: ChildVoiceRoutesNeeds): Promise<void> {
  // One file, one byte over the limit so an oversized drawing can be told apart and refused in words.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { files: 1, fileSize: maxDrawingBytes + 1, fields: 20, fieldSize: 10_000, parts: 25 },
    throwFileSizeLimit: false,
  });
  const { safety } = services;

  function renderForm(reply: FastifyReply, child: string, spec: FormSpec<unknown>, state: { title: string; action: string; upload: boolean; values: Record<string, string>; errors: Record<string, string>; restored: boolean }) {
    return reply.view('safety/views/entryForm.njk', {
      title: state.title,
      values: state.values,
      errors: state.errors,
      errorList: [...specErrorSummary(spec, state.errors), ...(state.errors.picture ? [{ text: state.errors.picture, href: '#picture' }] : [])],
      restored: state.restored,
      form: {
        caption: "The child's voice",
        lead: [],
        action: state.action,
        upload: state.upload,
        fields: presentFormFields(spec, state.values),
        submitText: 'Save',
        backText: "Back to the child's voice",
        backHref: paths.safety.voice({ childId: child }),
      },
    });
  }

  const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

  app.get(paths.safety.voice.pattern, view, async (request, reply) => {
    const child = childOf(request);
    const voice = await safety.childVoice(request.user!, child);
    if (voice.outcome !== 'shown') refuse(voice.outcome);
    reply.header('cache-control', 'no-store');
    return reply.view('safety/views/voice.njk', { title: "The child's voice", ...presentVoice(child, voice.entries, voice.drawings) });
  });

  const wordsPage = (child: string, values: Record<string, string>, errors: Record<string, string>, restored: boolean) => ({
    title: 'Record what the child said', action: paths.safety.newWords({ childId: child }), upload: false, values, errors, restored,
  });
  app.get(paths.safety.newWords.pattern, record, async (request, reply) => {
    const child = childOf(request);
    const opened = await safety.openVoiceForm(request.user!, child, 'words');
    if (opened.outcome !== 'shown') refuse(opened.outcome);
    return renderForm(reply, child, wordsForm as FormSpec<unknown>, wordsPage(child, request.draft ? submittedValues(wordsForm, request.draft) : {}, {}, !!request.draft));
  });
  app.post(paths.safety.newWords.pattern, record, async (request, reply) => {
    const child = childOf(request);
    const read = readForm(wordsForm, body(request));
    if (read.errors) return renderForm(reply, child, wordsForm as FormSpec<unknown>, wordsPage(child, submittedValues(wordsForm, body(request)), read.errors, false));
    const saved = await safety.recordWords(request.user!, child, read.value);
    if (saved.outcome !== 'saved') refuse(saved.outcome);
    tellNextPage(request, 'The child’s words are saved');
    return reply.redirect(paths.safety.voice({ childId: child }), 303);
  });

  const drawingPage = (child: string, values: Record<string, string>, errors: Record<string, string>, restored: boolean) => ({
    title: 'Add a drawing', action: paths.safety.newDrawing({ childId: child }), upload: true, values, errors, restored,
  });
  app.get(paths.safety.newDrawing.pattern, record, async (request, reply) => {
    const child = childOf(request);
    const opened = await safety.openVoiceForm(request.user!, child, 'drawing');
    if (opened.outcome !== 'shown') refuse(opened.outcome);
    return renderForm(reply, child, drawingForm as FormSpec<unknown>, drawingPage(child, request.draft ? submittedValues(drawingForm, request.draft) : {}, {}, !!request.draft));
  });
  app.post(paths.safety.newDrawing.pattern, { ...record, bodyLimit: maxDrawingBytes + 64 * 1024 }, async (request, reply) => {
    const child = childOf(request);
    const fields = body(request);
    const read = readForm(drawingForm, fields);
    const picture = Buffer.isBuffer(fields.picture) ? fields.picture : undefined;
    const errors: Record<string, string> = { ...(read.errors ?? {}) };
    if (!picture || picture.length === 0) errors.picture = 'Select the drawing to upload';
    else if (picture.length > maxDrawingBytes) errors.picture = 'The drawing must be 5 MB or smaller';
    if (read.value && picture && Object.keys(errors).length === 0) {
      const saved = await safety.recordDrawing(request.user!, child, { ...read.value, picture });
      if (saved.outcome === 'saved') {
        tellNextPage(request, 'Drawing added');
        return reply.redirect(paths.safety.voice({ childId: child }), 303);
      }
      if (saved.outcome === 'not_a_picture') errors.picture = 'The drawing must be a PNG or JPEG picture';
      else if (saved.outcome === 'too_many_pixels') errors.picture = 'The drawing is too big: it must be at most 40 million pixels, for example 8,000 by 5,000';
      else if (saved.outcome === 'too_large') errors.picture = 'The drawing must be 5 MB or smaller';
      else refuse(saved.outcome);
    }
    return renderForm(reply, child, drawingForm as FormSpec<unknown>, drawingPage(child, submittedValues(drawingForm, fields), errors, false));
  });

  app.get(paths.safety.drawing.pattern, view, async (request, reply) => {
    const parsed = z.object({ childId: childParams.shape.childId, drawingId: z.uuid() }).safeParse(request.params);
    if (!parsed.success) throw new HttpError(404, 'Page not found');
    const drawing = await safety.drawingPicture(request.user!, parsed.data.childId, parsed.data.drawingId);
    if (drawing.outcome !== 'shown') refuse(drawing.outcome);
    reply.header('content-type', drawing.contentType);
    reply.header('content-disposition', `inline; filename="drawing.${drawing.contentType === 'image/png' ? 'png' : 'jpg'}"`);
    reply.header('cache-control', 'private, no-store');
    reply.header('x-content-type-options', 'nosniff');
    return reply.send(drawing.picture);
  });
}
