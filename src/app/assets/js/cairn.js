/** @module Cairn's progressive enhancement: the idle timeout warning, GOV.UK Frontend's components and wide tables held in a scrolling region. Pages work without it. */
import { initAll } from '../govuk-frontend/govuk-frontend.min.js';
import { startIdleTimeout } from './idleTimeout.js';
import { startHoldingWideTables } from './wideTables.js';

startIdleTimeout();
initAll();
startHoldingWideTables();
