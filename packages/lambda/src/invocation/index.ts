export * from './invocation-abandoned-error';
export * from './invocation-scope';
