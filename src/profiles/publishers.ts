/**
 * The organisations that publish directories (Cités Unies France, a programme such as the PAD), as
 * data in `data/publishers.json`: the importer recognises them in a directory's front matter, so a
 * new publisher is a line of data, not code.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { foldKey } from '../text/fold.js';
import { readDataFile } from './data-file.js';

const PublishersFile = z.strictObject({
  $comment: z.string().optional(),
  publishers: z.array(z.strictObject({ name: z.string().min(1), names: z.array(z.string().min(1)).min(1) })),
});

export class PublisherRegistry {
  private readonly keys: readonly { name: string; key: string }[];

  constructor(publishers: readonly { name: string; names: readonly string[] }[]) {
    this.keys = publishers.flatMap((p) => p.names.map((name) => ({ name: p.name, key: ` ${foldKey(name)} ` })));
  }

  /** The publishers a line of text names, in the registry's order. */
  namedIn(text: string): string[] {
    const words = ` ${foldKey(text)} `;
    return [...new Set(this.keys.filter((k) => words.includes(k.key)).map((k) => k.name))];
  }
}

const FILE = fileURLToPath(new URL('../../data/publishers.json', import.meta.url));

export function loadPublishers(path: string = FILE): PublisherRegistry {
  return new PublisherRegistry(readDataFile(path, PublishersFile).publishers);
}

let shared: PublisherRegistry | undefined;

/** The packaged registry, read on first use and kept (as `defaultFunders()`): the importer's default. */
export function defaultPublishers(): PublisherRegistry {
  shared ??= loadPublishers();
  return shared;
}
