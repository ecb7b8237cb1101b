import {defineConfig} from 'vitest/config'

// CLI tests spawn the real binary several times per test, some on a whole
// class; on a 2-core machine at load 6 one such test took over 30 s. The
// timeout only guards against hangs (the run helper kills a binary after
// 120 s), so it is generous: a slow machine must not fail a correct test.
export default defineConfig({
  test: {
    testTimeout: 300_000,
    hookTimeout: 300_000
  }
})
