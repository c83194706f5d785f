/** Worker thread of validate-html.ts: validates its share of the pages, posts the failures back. */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { HtmlValidate, type ConfigData } from 'html-validate';

const { pages, config } = workerData as { pages: { path: string; file: string }[]; config: ConfigData };
const validator = new HtmlValidate(config);
const failures: string[] = [];
for (const { path, file } of pages) {
  const report = await validator.validateString(readFileSync(file, 'utf8'), path);
  for (const result of report.results) {
    for (const message of result.messages) failures.push(`${path}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
  }
}
parentPort!.postMessage(failures);
