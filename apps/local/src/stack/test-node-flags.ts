/**
 * Node flags for the processes that run the tests: jest's (`npm test` starts jest as
 * `node <flags> node_modules/jest/bin/jest.js`, and jest's worker processes inherit them) and the
 * stacks the restart tests spawn. Node refuses V8 flags in `NODE_OPTIONS`, hence the explicit
 * `node` there; `test-node-flags.test.ts` keeps package.json's scripts in step with this list.
 *
 * `--wasm-wrapper-tiering-budget=1000000000`: V8 24.x calls WebAssembly's JavaScript imports
 * through a generic wrapper and, after 1 000 calls, compiles a wrapper for the signature into a
 * cache shared by every isolate of the process. Freeing one there (`Runtime_TierUpWasmToJSWrapper`
 * → `WasmImportWrapperCache::Free` → `ThreadIsolation::UnregisterWasmAllocation`) aborted test
 * processes that run PGlite in several worker threads (`Check failed:
 * jit_page_->allocations_.erase(addr) == 1`), about once per full CI run. With this budget the
 * wrappers are never compiled, so never freed (docs/adr/0020).
 */
export const TEST_NODE_FLAGS: readonly string[] = ['--wasm-wrapper-tiering-budget=1000000000'];
