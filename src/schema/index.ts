// The content model in one place: import schemas and their types from here.
export * from './document.ts';
export * from './event.ts';
export * from './figure.ts';
export * from './framework.ts';
export * from './judgement.ts';
export * from './metric.ts';
export * from './partial-date.ts';
export * from './slug.ts';
export * from './derived.ts';
export * from './page.ts';
