/** @module PLACEHOLDER — the demo authority loader is being written. */
import type { Services } from '../../composition.js';

export interface DemoSignIn {
  username: string;
  role: string;
  description: string;
}

export interface LoadedDemo {
  authorityName: string;
  password: string;
  signIns: DemoSignIn[];
}

export async function loadDemoIfEmpty(services: Services, options: { onProgress?: (line: string) => void } = {}): Promise<LoadedDemo | undefined> {
  void services; void options;
  return undefined;
}
