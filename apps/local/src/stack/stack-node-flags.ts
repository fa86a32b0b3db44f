/**
 * Node flags for every process that hosts the local stack or its embedded database (`npm start`,
 * `npm test`'s jest workers, the demo, the stacks the bench and the restart tests spawn).
 *
 * `--no-memory-protection-keys`: on CPUs with memory protection keys (PKU, most server CPUs, CI's
 * among them) V8 tracks every JIT and WebAssembly code page in one process-wide map. With the
 * embedded database's PGlite compiling and freeing WebAssembly in worker threads beside the main
 * thread's, V8 24.x aborts now and then as code is freed (`Check failed:
 * jit_page_->allocations_.erase(addr) == 1` in `ThreadIsolation::UnregisterWasmAllocation`),
 * killing the process. It never happened on machines without PKU. Lambda processes do not need
 * the flag: one isolate, no worker threads, no PGlite (docs/adr/0020).
 */
export const STACK_NODE_FLAGS: readonly string[] = ['--no-memory-protection-keys'];
