// Cairn's progressive enhancement: starts GOV.UK Frontend's components. Pages work without it.
import { initAll } from '/assets/govuk-frontend/govuk-frontend.min.js';

initAll();
