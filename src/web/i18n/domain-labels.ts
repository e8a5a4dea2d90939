/**
 * The domains' labels in the site's other languages. A directory prints its domains in French
 * ("Eau & assainissement"); a page in English or Arabic shows them in its own words where this
 * catalogue has them, and the French as printed (marked so) where it does not. Keyed by the folded
 * French label (`foldKey`), so that "EAU & Assainissement" finds "Eau & assainissement"; a domain
 * is known by its label, not its code, since two directories' codes for one domain may differ.
 */
import { foldKey } from '../../text/fold.js';
import { DEFAULT_LOCALE, type Locale } from './index.js';

/** A label in each language of the site but French, the directory's. */
type Translated = Readonly<Partial<Record<Locale, string>>>;

/** The 2008 directory's domains (its Synthèse), parents first, each followed by its sub-domains. */
const LABELS: readonly (readonly [string, Translated])[] = [
  ['Développement urbain', { en: 'Urban development', ar: 'التنمية الحضرية' }],
  ['Aménagement', { en: 'Urban planning', ar: 'التهيئة العمرانية' }],
  ['Transports', { en: 'Transport', ar: 'النقل' }],
  ['Eau & assainissement', { en: 'Water & sanitation', ar: 'الماء والتطهير السائل' }],
  ['Propreté', { en: 'Waste & cleanliness', ar: 'النظافة' }],
  ['Développement rural', { en: 'Rural development', ar: 'التنمية القروية' }],
  ['Développement économique', { en: 'Economic development', ar: 'التنمية الاقتصادية' }],
  ['Tourisme', { en: 'Tourism', ar: 'السياحة' }],
  ['Artisanat', { en: 'Handicrafts', ar: 'الصناعة التقليدية' }],
  ['Commerce équitable', { en: 'Fair trade', ar: 'التجارة العادلة' }],
  ['Autres (Développement économique)', { en: 'Other (Economic development)', ar: 'أخرى (التنمية الاقتصادية)' }],
  ['Environnement', { en: 'Environment', ar: 'البيئة' }],
  ['Maîtrise de l’énergie', { en: 'Energy efficiency', ar: 'النجاعة الطاقية' }],
  ['Circulations douces', { en: 'Walking & cycling', ar: 'التنقل بالمشي والدراجات' }],
  ['Autres (Environnement)', { en: 'Other (Environment)', ar: 'أخرى (البيئة)' }],
  ['Développement social', { en: 'Social development', ar: 'التنمية الاجتماعية' }],
  ['Renforcement de la société civile', { en: 'Strengthening civil society', ar: 'تقوية المجتمع المدني' }],
  ['Santé', { en: 'Health', ar: 'الصحة' }],
  ['Insertion des jeunes par l’économie', { en: 'Economic integration of young people', ar: 'الإدماج الاقتصادي للشباب' }],
  ['Insertion des femmes', { en: 'Integration of women', ar: 'إدماج النساء' }],
  ['Autres (Développement social)', { en: 'Other (Social development)', ar: 'أخرى (التنمية الاجتماعية)' }],
  ['Éducation et jeunesse', { en: 'Education & youth', ar: 'التربية والشباب' }],
  ['Chantiers et échanges de jeunes', { en: 'Youth work camps & exchanges', ar: 'الأوراش والتبادلات الشبابية' }],
  ['Coopération universitaire', { en: 'University cooperation', ar: 'التعاون الجامعي' }],
  ['Éducation', { en: 'Education', ar: 'التربية والتعليم' }],
  ['Autres types d’actions en matière de jeunesse', { en: 'Other youth activities', ar: 'أنشطة أخرى لفائدة الشباب' }],
  ['Culture', { en: 'Culture', ar: 'الثقافة' }],
  ['Lecture', { en: 'Reading', ar: 'القراءة' }],
  ['Échanges culturels', { en: 'Cultural exchanges', ar: 'التبادل الثقافي' }],
  ['Soutien aux lieux et événements culturels', { en: 'Support for cultural venues & events', ar: 'دعم الفضاءات والتظاهرات الثقافية' }],
  ['Autres (Culture)', { en: 'Other (Culture)', ar: 'أخرى (الثقافة)' }],
  ['Patrimoine', { en: 'Heritage', ar: 'التراث' }],
  ['Sport', { en: 'Sport', ar: 'الرياضة' }],
];

const BY_KEY: ReadonlyMap<string, Translated> = new Map(LABELS.map(([french, words]) => [foldKey(french), words]));

/** The French labels this catalogue translates (for its tests). */
export const TRANSLATED_DOMAIN_LABELS: readonly string[] = LABELS.map(([french]) => french);

/**
 * A domain's label in `locale`: the catalogue's translation, or the directory's French as printed
 * (`printed`: a page in another language marks it French) when the page is French or the
 * catalogue has none.
 */
export function domainWords(locale: Locale, frenchLabel: string): { label: string; printed: boolean } {
  if (locale === DEFAULT_LOCALE) return { label: frenchLabel, printed: true };
  const translated = BY_KEY.get(foldKey(frenchLabel))?.[locale];
  return translated === undefined ? { label: frenchLabel, printed: true } : { label: translated, printed: false };
}
