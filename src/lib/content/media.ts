/**
 * The content check's part for pictures: every file in the media folder (public/images/) must be
 * a raster image, named and made like one (src/lib/media.ts says why). A link, an .svg, .html or
 * .js file, or a ".png" holding text stops the check, and so the build, naming the file.
 */
import { closeSync, existsSync, lstatSync, openSync, readSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MAGIC_BYTES_LENGTH, MEDIA_FOLDER, mediaFileProblem, mediaLinkProblem } from '../media.ts';
import type { Problem } from './problems.ts';

function head(path: string): Uint8Array {
  const buffer = new Uint8Array(MAGIC_BYTES_LENGTH);
  const descriptor = openSync(path, 'r');
  try {
    return buffer.subarray(0, readSync(descriptor, buffer, 0, MAGIC_BYTES_LENGTH, 0));
  } finally {
    closeSync(descriptor);
  }
}

/** Problems with the files under `<root>/public/images/` (none when the folder does not exist). */
export function checkMediaFolder(root: string, folder: string = MEDIA_FOLDER): Problem[] {
  const problems: Problem[] = [];
  const visit = (relative: string) => {
    for (const name of readdirSync(join(root, relative)).sort()) {
      const file = `${relative}/${name}`;
      const stats = lstatSync(join(root, file));
      if (stats.isSymbolicLink()) problems.push({ file, field: '', message: mediaLinkProblem(folder) });
      else if (stats.isDirectory()) visit(file);
      // An empty .gitkeep only keeps the folder in git; it is never a page or a script.
      else if (name === '.gitkeep' && stats.size === 0) continue;
      else {
        const problem = mediaFileProblem(name, head(join(root, file)), folder);
        if (problem) problems.push({ file, field: '', message: problem });
      }
    }
  };
  const top = join(root, folder);
  if (!existsSync(top)) return problems;
  if (lstatSync(top).isSymbolicLink()) return [{ file: folder, field: '', message: mediaLinkProblem(folder) }];
  visit(folder);
  return problems;
}
