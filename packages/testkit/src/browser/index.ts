export * from './launch-chromium';
export * from './new-phone-context';
