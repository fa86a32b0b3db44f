/**
 * How a handler factory receives its dependencies: a function of the capability's composition
 * that builds them (once per process) at the first invocation, never at import.
 */
export type Compose<T> = () => T;
