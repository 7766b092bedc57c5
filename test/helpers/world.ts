import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startMoto, type Moto } from './moto.js';
import { makeSandbox, type Sandbox } from './sandbox.js';

/**
 * One moto for the test file, reset before each test, and a fresh sandbox HOME per test
 * (removed after it). Register it first in a describe: its afterEach then runs last.
 */
export function useMotoWorld(): { readonly moto: Moto; readonly box: Sandbox } {
  const world = {} as { moto: Moto; box: Sandbox };
  beforeAll(async () => {
    world.moto = await startMoto();
  });
  afterAll(async () => {
    await world.moto?.stop();
  });
  beforeEach(async () => {
    await world.moto.reset();
    world.box = await makeSandbox();
  });
  afterEach(async () => {
    await world.box?.cleanup();
  });
  return world;
}
