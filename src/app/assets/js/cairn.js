/** @module Cairn's progressive enhancement: the idle timeout warning and GOV.UK Frontend's components. Pages work without it. */
import { initAll } from '../govuk-frontend/govuk-frontend.min.js';
import { startIdleTimeout } from './idleTimeout.js';

startIdleTimeout();
initAll();
