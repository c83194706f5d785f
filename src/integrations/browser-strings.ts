import type { Plugin } from 'vite';

/**
 * Keeps the UI translation files (src/translations/*.json) out of the browser's scripts. Pages are
 * rendered at build time with every string; an island that imports shared code (the share form
 * checks with the content schemas, which read the language registry) would otherwise carry all
 * the translations of every language, about 40 KB gzipped, for strings it never shows (islands
 * take theirs from the page's data- attributes). In a browser bundle the files are empty objects.
 */
export function noUiStringsInBrowser(): Plugin {
  return {
    name: 'icc:no-ui-strings-in-browser',
    enforce: 'pre',
    load(id, options) {
      const server = options?.ssr ?? this.environment?.config.consumer === 'server';
      if (server || !/[\\/]src[\\/]translations[\\/][^\\/]+\.json$/.test(id.split('?')[0]!)) return null;
      // JSON text: Vite's JSON plugin turns it into the module.
      return '{}';
    },
  };
}
