/** Every case module, by campaign id: what coverage.test.ts checks against campaigns/. */
import type { Tables } from '../rule-tester.js';
import * as cchc from './cchc-2026-2030.js';
import * as snv from './so-noi-vu-cchc-2026.js';

export const CASES: Record<string, Record<string, Tables>> = {
  [cchc.campaignId]: cchc.tables,
  [snv.campaignId]: snv.tables,
};
