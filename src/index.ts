/**
 * vanban — library API. Every face (CLI, HTTP, web) calls these functions and holds no business logic.
 */
export { KIND_IDS, isKindId, kindInfo, listKinds, type KindId, type KindInfo } from './kinds.js';
export { hasBlocking, sortFindings, FindingsError, type Finding, type Severity } from './findings.js';
export { validate, type ValidationResult } from './validate/index.js';
export { kindSchema, loadSchemas } from './validate/schemas.js';
export { normalizeInput, normalizeText, detectLegacyEncoding } from './normalize/nfc.js';
export { compose, viewSpec } from './compose/index.js';
export { renderDocument as render, check, type RenderResult } from './render/index.js';
export { getCampaign, listCampaigns, loadCampaigns, validateCampaign, CampaignError } from './rules/campaigns.js';
export { checkNominees, checkAwardContext, applyRule, type AwardContext, type NomineeRef } from './rules/engine.js';
export { computeBonus, baseSalaryOn, type BonusResult } from './rules/bonus.js';
export type { Campaign, Nominee, Rule } from './rules/types.js';
export { renderTemplate, type DocxResult } from './render/docx.js';
export { renderOutputs, libreOfficePdf, type OutputOptions, type OutputResult, type Format, type PdfEngine } from './render/output.js';
export { docxToPdf, bundlePdfs, type PdfOptions, type PdfResult } from './pdf/index.js';
export { lintTemplate, lintTemplates } from './lint/template-lint.js';
export * from './format/index.js';
// Batch production of award decisions (issue 5): list → plan → run, and jobs that survive restarts.
export * from './batch/index.js';
// The HTTP face (express app and a listening server with graceful shutdown); its routers call the exports above.
export { createApp, type AppOptions } from './http/app.js';
export { startServer, type ServerOptions, type RunningServer } from './http/server.js';
export { HTTP_LIMITS, type HttpLimits } from './http/context.js';
export { buildOpenApi } from './http/openapi.js';
