export * from './poll-until';
