/**
 * How hosts apply the configurations of hosting/, simulated for tests: which headers a path gets
 * from a `_headers` file (three behaviours seen in hosts), an nginx location set, an Apache .htaccess.
 */
export type Headers = Record<string, string[]>;

/** `_headers` rules: [path pattern, [name, value][]]. */
export function parseHeadersFile(text: string): [RegExp, [string, string][]][] {
  const rules: [RegExp, [string, string][]][] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!line.startsWith(' ')) {
      const pattern = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
      rules.push([new RegExp(`^${pattern}$`), []]);
    } else {
      const [name, ...value] = line.trim().split(':');
      rules.at(-1)![1].push([name!.trim(), value.join(':').trim()]);
    }
  }
  return rules;
}

/** What three kinds of `_headers` host send for a path. */
export function headersHost(text: string, path: string, kind: 'last-wins' | 'join-with-detach' | 'join'): Headers {
  const headers: Headers = {};
  for (const [pattern, values] of parseHeadersFile(text)) {
    if (!pattern.test(path)) continue;
    const here: Headers = {};
    for (const [name, value] of values) {
      if (name.startsWith('!')) {
        if (kind === 'join-with-detach') delete headers[name.slice(1).trim().toLowerCase()];
        continue;
      }
      (here[name.toLowerCase()] ??= []).push(value);
    }
    for (const [name, value] of Object.entries(here)) headers[name] = kind === 'last-wins' ? value : [...(headers[name] ?? []), ...value];
  }
  return headers;
}

/** nginx: the longest matching prefix location, with its own add_header lines only. */
export function nginxHost(text: string, path: string): Headers {
  const locations = [...text.matchAll(/location (\S+) \{([^}]*)\}/g)].map(([, prefix, body]) => ({ prefix: prefix!, body: body! }));
  const location = locations.filter(({ prefix }) => path.startsWith(prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0]!;
  const headers: Headers = {};
  for (const [, name, value] of location.body.matchAll(/add_header (\S+) "([^"]*)" always;/g)) (headers[name!.toLowerCase()] ??= []).push(value!);
  return headers;
}

/** Apache: the headers outside the conditions, then the first matching If/ElseIf, or the Else. */
export function apacheHost(text: string, path: string): Headers {
  const headers: Headers = {};
  let branch: 'outside' | 'matched' | 'skipped' | 'done' = 'outside';
  for (const line of text.split('\n').map((each) => each.trim())) {
    const condition = /^<(?:If|ElseIf) "%\{REQUEST_URI\} =~ m#(.*)#">$/.exec(line);
    if (condition) branch = branch === 'done' ? 'done' : new RegExp(condition[1]!).test(path) ? 'matched' : 'skipped';
    else if (line === '<Else>') branch = branch === 'done' ? 'done' : 'matched';
    else if (/^<\/(?:If|ElseIf|Else)>$/.test(line)) branch = branch === 'matched' ? 'done' : branch === 'done' ? 'done' : 'outside';
    const header = /^Header always set (\S+) "(.*)"$/.exec(line);
    if (header && (branch === 'outside' || branch === 'matched')) (headers[header[1]!.toLowerCase()] ??= []).push(header[2]!);
  }
  return headers;
}
