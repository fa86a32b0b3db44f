/** Prisma's wasm query compiler glue (no types shipped); only its class is used. */
declare module '@prisma/client/runtime/query_compiler_bg.postgresql.js' {
  export const QueryCompiler: { prototype: { compile(request: string): unknown } } | undefined;
}
