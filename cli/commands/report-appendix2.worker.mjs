// Worker thread of `congvu report appendix2`: parses and checks a big roster file on another core.
// Plain JavaScript entry that loads the TypeScript sources through tsx, as bin/congvu.mjs does.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { rosterWorkerResult } = await import('./report-appendix2.read.ts');
const { result, transfer } = await rosterWorkerResult(workerData.path);
parentPort.postMessage(result, transfer);
