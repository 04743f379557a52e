/**
 * @module How far V8 lets its heap grow past what it holds. After each full collection V8 sets the next one's start at
 * between 1.1 and 4 times the memory still in use, the more the faster a program allocates; a command that reads a
 * large authority's records and runs rules over them allocates fast, and its heap ran to more than twice what it
 * held — `cairn returns check` peaked at 546–551 MB here, `cairn import` with its check at 547–606 (ADR 0074).
 * Never for the server, whose collections would then hold up requests more often.
 */
import { setFlagsFromString } from 'node:v8';

/** Growth past what the heap holds, in per cent, at which the next full collection starts. */
export const heapGrowthPercent = 20;

/**
 * From now on, start a full collection once the heap has grown a fifth past what the last one kept: more collections
 * of a heap that holds what the work needs, instead of a heap twice its size. The flag is read at each collection.
 * @example holdHeapNearWhatIsHeld() // before `cairn returns check` reads every record
 */
export function holdHeapNearWhatIsHeld(): void {
  setFlagsFromString(`--heap-growing-percent=${heapGrowthPercent}`);
}
