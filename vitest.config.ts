import {defineConfig} from 'vitest/config'

// CLI tests spawn the real binary several times per test; on a loaded 2-core
// machine that can take seconds. The timeout only guards against hangs.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000
  }
})
