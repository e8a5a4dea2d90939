/**
 * The commands, in the order of the main help: each one's summary, and its module loaded only when
 * the command runs (see `CommandEntry`).
 */
import type { CommandEntry } from '../context.js';

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'setup', summary: 'setup [--from FILE]             create the store; import the bundled 2008 directory if it is empty', load: async () => (await import('./setup.js')).setupCommand },
  { name: 'import', summary: 'import FILE [--json-report]     read a directory text, an interchange JSON file or a table into the store', load: async () => (await import('./import.js')).importCommand },
  { name: 'directories', summary: 'directories [--json]            list the directories of the store, with their counts', load: async () => (await import('./directories.js')).directoriesCommand },
  { name: 'compare', summary: 'compare FROM TO [--json]        what changed between two editions of a directory', load: async () => (await import('./compare.js')).compareCommand },
  { name: 'export', summary: 'export --format F [--out FILE]    publish the stored directory: json, csv, xlsx, iati, html, pdf', load: async () => (await import('./export.js')).exportCommand },
  { name: 'report', summary: 'report [--json] [--directory ID] print the latest import report', load: async () => (await import('./report.js')).reportCommand },
  { name: 'quality', summary: 'quality [--json] [--directory ID] list the data-quality findings an editor should look at', load: async () => (await import('./quality.js')).qualityCommand },
  { name: 'migrate', summary: 'migrate                         bring the store schema up to date (SQLite or PostgreSQL)', load: async () => (await import('./migrate.js')).migrateCommand },
  { name: 'copy', summary: 'copy --from URL --to URL [--replace]  move a whole store between SQLite and PostgreSQL', load: async () => (await import('./copy.js')).copyCommand },
  { name: 'backup', summary: 'backup --out FILE               write the whole store to a portable backup file', load: async () => (await import('./backup.js')).backupCommand },
  { name: 'restore', summary: 'restore FILE [--replace]        restore a backup file into the store', load: async () => (await import('./restore.js')).restoreCommand },
  { name: 'user', summary: 'user add|list|invite|disable     manage the accounts of editors and contributors', load: async () => (await import('./user.js')).userCommand },
  { name: 'campaign', summary: 'campaign invite|remind          invite every collectivity; remind those who have not answered', load: async () => (await import('./campaign.js')).campaignCommand },
  { name: 'purge', summary: 'purge [--json]                  delete expired sessions, old sign-in attempts, used links', load: async () => (await import('./purge.js')).purgeCommand },
  { name: 'serve', summary: 'serve [--directory ID]          serve the public site (PORT, HOST); imports the bundled directory into an empty store', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'synth', summary: 'synth --partnerships N [--seed S] [--countries FR,SN]  write a synthetic directory of N partnerships into the store, and index it', load: async () => (await import('./synth.js')).synthCommand },
];
