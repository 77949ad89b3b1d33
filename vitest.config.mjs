import { defineConfig } from 'vitest/config';

// Tests assert behaviour, never speed: the default 5 s per test failed whole-corpus and property tests on a busy
// 2-core machine. A hang is still caught, later.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
});
