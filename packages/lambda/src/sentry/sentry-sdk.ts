/**
 * The parts of `@sentry/aws-serverless` the app calls, by name: importing the package's whole
 * namespace would keep every integration it exports in each Lambda bundle (about twice the code).
 */
export {
  captureException,
  init,
  isInitialized,
  withScope,
  wrapHandler,
} from '@sentry/aws-serverless';
