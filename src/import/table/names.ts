/** Which files are tables, by name: asked by every `import`, so kept apart from the readers (exceljs, the outlines) that take a second to load. */
import { extname } from 'node:path';

/** `.csv`, `.tsv`, `.xlsx`: a table (a `.txt` is one only when a mapping is given). */
export function isTableName(name: string): boolean {
  return ['.csv', '.tsv', '.tab', '.xlsx'].includes(extname(name).toLowerCase());
}
