import { listDirectories, type DirectoryListing } from '../../store/directories.js';
import type { Command } from '../context.js';
import { withStore } from '../with-store.js';

export const directoriesCommand: Command = {
  name: 'directories',
  help: `Usage: repertoire directories [--json]

Lists the directories the store holds: the id that \`--directory ID\` takes, the title, the
countries (home country first, then the partner countries), the edition, and how many
partnerships, projects and collectivities each has.

Options:
  --json       print the list as JSON
  -h, --help   show this help
`,
  options: { json: { type: 'boolean' } },
  positionals: 0,
  async run(values, _positionals, context) {
    const listings = await withStore(context, ({ db }) => listDirectories(db));
    if (values.json) {
      context.stdout.write(`${JSON.stringify(listings.map(listingJson), null, 2)}\n`);
      return 0;
    }
    if (listings.length === 0) {
      context.stderr.write('No directory yet: run `repertoire setup` or `repertoire import FILE`.\n');
      return 0;
    }
    context.stdout.write(listings.map(listingText).join('\n'));
    return 0;
  },
};

function listingJson(listing: DirectoryListing) {
  const { id, directory, partnerships, projects, collectivities } = listing;
  return { id, title: directory.title, countries: directory.countries, edition: directory.edition ?? null, partnerships, projects, collectivities };
}

function listingText(listing: DirectoryListing): string {
  const { id, directory, partnerships, projects, collectivities } = listing;
  const [home, ...partners] = directory.countries;
  const edition = directory.edition === undefined ? '' : `, ${directory.edition}`;
  return (
    `${id}\n  ${directory.title}${edition}\n  ${home ?? '?'} ⇄ ${partners.join(', ')}: ` +
    `${counted(partnerships, 'partnership')}, ${counted(projects, 'project')}, ${counted(collectivities, 'collectivity', 'collectivities')}\n`
  );
}

function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
