export * from './error-code';
export * from './http-error-table';
export * from './payload-too-large-error';
export * from './unsupported-media-type-error';
