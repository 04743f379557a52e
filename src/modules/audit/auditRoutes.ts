/** @module PLACEHOLDER — being written. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';

export async function auditRoutes(app: FastifyInstance, services: Services): Promise<void> {
  void app; void services;
}
