import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check-content.ts';
import { formatProblem } from '../../../src/lib/content/problems.ts';
import { networkSchema } from '../../../src/lib/schemas/network.ts';
import { contentTree, NETWORK_YAML } from '../../helpers/content-tree.ts';

/** The content check's lines for one network file. */
function problemsOf(yaml: string): string[] {
  const tree = contentTree({ 'src/content/networks/spain.yaml': yaml });
  try {
    return checkContent(tree.root)
      .problems.filter((problem) => problem.file.endsWith('networks/spain.yaml'))
      .map(formatProblem);
  } finally {
    tree.remove();
  }
}

describe('a national network', () => {
  it('may name its coordinator and say its details are demonstration content', () => {
    const data = networkSchema.parse({
      name: { en: 'Spanish network' },
      country: 'ES',
      description: { en: 'Cities of Spain.' },
      coordinator: { name: 'RECI technical secretariat', email: 'reci@city.example.org' },
      demonstration: true,
    });
    expect(data.coordinator).toEqual({ name: 'RECI technical secretariat', email: 'reci@city.example.org' });
    expect(problemsOf(`${NETWORK_YAML}coordinator:\n  url: https://reci.example.org\ndemonstration: true\n`)).toEqual([]);
  });

  it('refuses a coordinator nobody can reach, naming file, field and fix', () => {
    expect(problemsOf(`${NETWORK_YAML}coordinator:\n  name: Secretariat\n`)).toEqual([
      'src/content/networks/spain.yaml: coordinator needs an email or a url, so that a city can reach the coordinator: add one of them, or remove coordinator',
    ]);
  });

  it("refuses a coordinator's address that is not one e-mail address", () => {
    expect(problemsOf(`${NETWORK_YAML}coordinator:\n  email: reci@city.org, other@city.org\n`)).toEqual([
      `src/content/networks/spain.yaml: coordinator.email must be one e-mail address like name@city.org, without "," (no spaces, quotes, <, >, ?, & or commas): e-mail address of the network's coordinator (found "reci@city.org, other@city.org")`,
    ]);
  });

  it('refuses unknown coordinator fields and a demonstration flag that is not true or false', () => {
    expect(problemsOf(`${NETWORK_YAML}coordinator:\n  email: reci@city.org\n  phone: '123'\ndemonstration: yes please\n`)).toEqual([
      'src/content/networks/spain.yaml: coordinator has unknown field "phone": check the spelling, or remove it',
      'src/content/networks/spain.yaml: demonstration must be true or false: whether the details of this network are demonstration content (found "yes please")',
    ]);
  });
});
