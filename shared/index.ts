// The one entry to the shared domain: zod schemas and pure logic used by extension and server.
export * from './primitives';
export * from './category';
export * from './user';
export * from './steps';
export * from './case';
export * from './template';
export * from './reminder';
export * from './render';
export * from './taxonomy';
export * from './default-templates';
export * from './api';
export * from './crm-site';
export * from './messages';
export * from './demo-crm';
export * from './wording-rule';
export * from './review';
