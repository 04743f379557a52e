/** @module Cairn's progressive enhancement: the idle timeout warning, GOV.UK Frontend's components and wide tables' scrolling regions a tab stop only while they scroll. Pages work without it. */
import { initAll } from '../govuk-frontend/govuk-frontend.min.js';
import { startIdleTimeout } from './idleTimeout.js';
import { startFittingTableTabStops } from './wideTables.js';

startIdleTimeout();
initAll();
startFittingTableTabStops();
