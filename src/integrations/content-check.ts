import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../lib/content/check-content.ts';
import { formatReport } from '../lib/content/problems.ts';

/**
 * Runs the content check before Astro reads any content. A build stops before anything is
 * written; the dev server starts anyway (so editors can keep working) and prints every problem.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'icc:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        const root = fileURLToPath(config.root);
        const { problems, fileCount } = checkContent(root, process.env.ICC_CONTENT_DIR && resolve(root, process.env.ICC_CONTENT_DIR));
        if (problems.length === 0) {
          logger.info(`content is valid (${fileCount} files)`);
          return;
        }
        const report = formatReport(problems);
        if (command === 'build') throw new Error(`Content is invalid, nothing was built.\n${report}`);
        logger.error(report);
      },
    },
  };
}
