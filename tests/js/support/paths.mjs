// Where the tests find the build outputs they exercise.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const distDir = join(repoDir, 'web', 'lib', 'dist');
export const wasmPath = join(distDir, 'articlescope-core.wasm');
/** The native CLI the WASM build must agree with (ARTICLESCOPE_CLI overrides). */
export const cliPath = process.env.ARTICLESCOPE_CLI ?? join(repoDir, 'build', 'native', 'articlescope');
export const corpusDir = join(repoDir, 'tests', 'corpus');

/** The module's bytes; a missing build is a failure with a clear message, not a skip. */
export function readWasm() {
  if (!existsSync(wasmPath)) {
    throw new Error(`${wasmPath} is missing: build the WebAssembly module first (cmake --preset wasm && cmake --build build/wasm)`);
  }
  return readFileSync(wasmPath);
}
