/** Prints the plain line "N passed, N failed" from vitest's JSON report (CI keeps it as the record). */
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2] ?? 'test-results/vitest.json', 'utf8')) as {
  numPassedTests: number;
  numFailedTests: number;
};
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed`);
