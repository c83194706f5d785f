import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent, type ContentCheck } from '../lib/content/check-content.ts';
import { isLang, LANGUAGES, REGISTERED_LANGUAGES } from '../lib/languages.ts';
import { formatReport, formatWarnings } from '../lib/content/problems.ts';
import { translationStatus } from '../lib/content/translation-status.ts';
import { handOverTranslationStatus } from '../data/translation-status.ts';

/**
 * Runs the content check before Astro reads any content. A build stops before anything is
 * written; the dev server starts anyway (so editors can keep working) and prints every problem.
 * Whatever the content holds, the hook reports rather than crashes the dev server. A build hands
 * the translation status of the files it checked to the editors' page (src/data/translation-status.ts).
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
          const unpublished = REGISTERED_LANGUAGES.filter((code) => !isLang(code));
          if (unpublished.length > 0) {
            const files = check.entries.filter((entry) => entry.lang && !isLang(entry.lang)).length;
            logger.info(
              `SITE_LANGUAGES=${process.env.SITE_LANGUAGES}: publishing ${LANGUAGES.join(', ')}; not publishing ${unpublished.join(', ')} (${files} files in ${unpublished.length === 1 ? 'that language' : 'those languages'} checked, not built)`,
            );
          }
          if (command === 'build') handOverTranslationStatus(translationStatus(check.entries));
          return;
        }
        const report = formatReport(problems);
        if (command === 'build') throw new Error(`Content is invalid, nothing was built.\n${report}`);
        logger.error(report);
      },
    },
  };
}
