import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent, type ContentCheck } from '../lib/content/check-content.ts';
import { formatReport, formatWarnings } from '../lib/content/problems.ts';

/**
 * Runs the content check before Astro reads any content. A build stops before anything is
 * written; the dev server starts anyway (so editors can keep working) and prints every problem.
 * Whatever the content holds, the hook reports rather than crashes the dev server.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'icc:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        const root = fileURLToPath(config.root);
        let check: ContentCheck;
        try {
          check = checkContent(root, process.env.ICC_CONTENT_DIR && resolve(root, process.env.ICC_CONTENT_DIR));
        } catch (error) {
          // checkContent turns every file's failure into a problem; this is the last safety net.
          const message = `The content check could not run: ${error instanceof Error ? error.message : String(error)}`;
          if (command === 'build') throw new Error(`${message}\nNothing was built.`);
          logger.error(message);
          return;
        }
        const { problems, warnings, fileCount } = check;
        if (warnings.length > 0) logger.warn(formatWarnings(warnings));
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
