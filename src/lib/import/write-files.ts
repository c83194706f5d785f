/**
 * Writes planned files all together: each goes to a temporary file next to its target first, and
 * only when every one is written are they renamed into place, so a failure (disk full, a folder
 * without permission) leaves the content as it was.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PlannedFile } from './plan-import.ts';

export function writePlannedFiles(files: readonly PlannedFile[]): void {
  const temporary: string[] = [];
  try {
    for (const file of files) {
      mkdirSync(dirname(file.absolutePath), { recursive: true });
      const path = `${file.absolutePath}.import-${process.pid}.tmp`;
      writeFileSync(path, file.content, 'utf8');
      temporary.push(path);
    }
  } catch (error) {
    for (const path of temporary) rmSync(path, { force: true });
    throw error;
  }
  files.forEach((file, index) => renameSync(temporary[index]!, file.absolutePath));
}
