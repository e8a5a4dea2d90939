/**
 * The book's own words, by language: its headings, labels and running headers. The records' text
 * (titles, histories, descriptions, the agreements' wording) is the source's, in French, and stays
 * so; only what the book adds around it is translated. French is the printed directory's: the
 * book in French is read back by the directory reader (roundtrip.test.ts), so its words are the
 * reader's and change only with it. English and Arabic books are for reading, not for reading back.
 */
import { formatNumber, formatPartialDate, phrase, tn, type Locale } from '../../web/i18n/index.js';

export interface BookWords {
  readonly locale: Locale;
  /** the sections of the printed directory, by their French names (the records' `section`) */
  section(name: string): string;
  readonly toc: string;
  readonly complementary: string;
  readonly briefTitle: string;
  readonly synthesisTitle: string;
  readonly synthesisHeader: string;
  readonly mapsTitle: string;
  readonly mapsHeader: string;
  readonly mapsIntro: string;
  /** a map's caption: the country, how many collectivities it places, those it could not */
  mapCaption(country: string, count: number, unplaced: readonly string[]): string;
  /** "Juillet 2008": an edition on the cover */
  edition(year: number, month: number): string;
  /** 150 000 */
  number(value: number): string;
  inhabitants(population: string): string;
  /** between a label and its value: " : " in French, ": " in English */
  readonly colon: string;
  readonly legalFramework: string;
  readonly date: string;
  readonly history: string;
  readonly domains: string;
  readonly status: { readonly ongoing: string; readonly completed: string; readonly planned: string };
  readonly roles: { readonly 'maitre-ouvrage': string; readonly 'assistant-maitre-ouvrage': string; readonly operator: string };
  readonly padCofinanced: string;
  readonly objectives: string;
  readonly description: string;
  readonly partners: string;
  partnersIn(where: string): string;
  readonly expectedResults: string;
  readonly obtainedResults: string;
  readonly beneficiaries: string;
  readonly observations: string;
  readonly contact: string;
  contactAt(name: string): string;
  readonly totalCost: string;
  readonly estimate: string;
  readonly budget: string;
  readonly funding: string;
  readonly partnershipBudget: string;
  readonly humanResources: string;
  readonly otherPartnerships: string;
  readonly partnershipInformation: string;
  readonly staff: string;
  readonly elected: string;
  readonly phone: string;
  readonly fax: string;
  readonly contacts: string;
  partnershipWith(partner: string): string;
  /** where a country's partners are: "au Maroc", "in Morocco" */
  inCountry(country: string): string;
}

const FRENCH_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

const inCountry = (locale: Locale) => (country: string) => phrase(locale, 'country.in', country) ?? `(${country})`;

const FRENCH: BookWords = {
  locale: 'fr',
  section: (name) => name,
  toc: 'Sommaire',
  complementary: 'Documents complémentaires',
  briefTitle: 'Autres partenariats répertoriés',
  synthesisTitle: 'Synthèse des coopérations par domaines d’intervention',
  synthesisHeader: 'Synthèse par domaines',
  mapsTitle: 'Cartes du Maroc et de la France',
  mapsHeader: 'Cartes',
  mapsIntro: 'Les collectivités parties à un partenariat du répertoire, d’aire proportionnelle à leur nombre de partenariats.',
  mapCaption: (country, count, unplaced) =>
    `${country} : ${count} collectivité${count > 1 ? 's' : ''} sur la carte.` + (unplaced.length ? ` Sans position connue : ${unplaced.join(', ')}.` : ''),
  edition: (year, month) => {
    const name = FRENCH_MONTHS[month - 1]!;
    return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${year}`;
  },
  // the printed directory's grouping, with a plain space (what its reader reads)
  number: (value) => String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ' '),
  inhabitants: (population) => `${population} habitants`,
  colon: ' : ',
  legalFramework: 'Cadre juridique',
  date: 'Date',
  history: 'Historique',
  domains: 'Domaines d’activités',
  status: { ongoing: 'PROJETS EN COURS', completed: 'PROJETS RÉALISÉS', planned: 'INTENTIONS DE PROJETS' },
  roles: { 'maitre-ouvrage': 'Maître d’ouvrage', 'assistant-maitre-ouvrage': 'Assistant à la maîtrise d’ouvrage', operator: 'Opérateur' },
  padCofinanced: 'Cofinancement PAD',
  objectives: '→ Objectifs :',
  description: 'Description du projet',
  partners: 'Partenaires',
  partnersIn: (where) => `Partenaires ${where} :`,
  expectedResults: 'Résultats attendus',
  obtainedResults: 'Résultats obtenus',
  beneficiaries: 'Bénéficiaires',
  observations: 'Observations',
  contact: 'Contact',
  contactAt: (name) => `Contact à ${name}`,
  totalCost: 'Coût total du projet',
  estimate: ' (estimation)',
  budget: 'Budget',
  funding: 'Financement',
  partnershipBudget: 'Budget attribué au partenariat',
  humanResources: 'Ressources humaines pour la coopération décentralisée',
  otherPartnerships: 'Autres partenariats',
  partnershipInformation: 'INFORMATIONS RELATIVES AU PARTENARIAT',
  staff: 'Agent en charge du dossier',
  elected: 'Élu en charge du dossier',
  phone: 'Tél',
  fax: 'Fax',
  contacts: 'CONTACTS',
  partnershipWith: (partner) => `Partenariat avec ${partner}`,
  inCountry: inCountry('fr'),
};

const ENGLISH_SECTIONS: Readonly<Record<string, string>> = {
  Villes: 'Cities',
  'Communautés urbaines': 'Urban communities',
  'Conseils généraux': 'Departmental councils',
  'Conseils régionaux': 'Regional councils',
};

const ENGLISH: BookWords = {
  locale: 'en',
  section: (name) => ENGLISH_SECTIONS[name] ?? name,
  toc: 'Contents',
  complementary: 'Further documents',
  briefTitle: 'Other listed partnerships',
  synthesisTitle: 'Overview of cooperation by field of action',
  synthesisHeader: 'Overview by field',
  mapsTitle: 'Maps of the countries',
  mapsHeader: 'Maps',
  mapsIntro: 'The local authorities party to a partnership of the directory, each as a disc whose area is proportional to its number of partnerships.',
  mapCaption: (country, count, unplaced) =>
    `${country}: ${count} local ${count === 1 ? 'authority' : 'authorities'} on the map.` + (unplaced.length ? ` Position unknown: ${unplaced.join(', ')}.` : ''),
  edition: (year, month) => formatPartialDate('en', `${year}-${String(month).padStart(2, '0')}`),
  number: (value) => formatNumber('en', Math.round(value)),
  inhabitants: (population) => `${population} inhabitants`,
  colon: ': ',
  legalFramework: 'Legal framework',
  date: 'Date',
  history: 'History',
  domains: 'Fields of activity',
  status: { ongoing: 'ONGOING PROJECTS', completed: 'COMPLETED PROJECTS', planned: 'PLANNED PROJECTS' },
  roles: { 'maitre-ouvrage': 'Project owner', 'assistant-maitre-ouvrage': 'Assistant to the project owner', operator: 'Operator' },
  padCofinanced: 'PAD co-financed',
  objectives: '→ Objectives:',
  description: 'Project description',
  partners: 'Partners',
  partnersIn: (where) => `Partners ${where}:`,
  expectedResults: 'Expected results',
  obtainedResults: 'Results obtained',
  beneficiaries: 'Beneficiaries',
  observations: 'Remarks',
  contact: 'Contact',
  contactAt: (name) => `Contact in ${name}`,
  totalCost: 'Total cost of the project',
  estimate: ' (estimate)',
  budget: 'Budget',
  funding: 'Funding',
  partnershipBudget: 'Budget allocated to the partnership',
  humanResources: 'Human resources for decentralised cooperation',
  otherPartnerships: 'Other partnerships',
  partnershipInformation: 'ABOUT THE PARTNERSHIP',
  staff: 'Officer in charge',
  elected: 'Elected official in charge',
  phone: 'Tel',
  fax: 'Fax',
  contacts: 'CONTACTS',
  partnershipWith: (partner) => `Partnership with ${partner}`,
  inCountry: inCountry('en'),
};

const ARABIC_SECTIONS: Readonly<Record<string, string>> = {
  Villes: 'المدن',
  'Communautés urbaines': 'المجموعات الحضرية',
  'Conseils généraux': 'المجالس العامة',
  'Conseils régionaux': 'المجالس الجهوية',
};

const ARABIC: BookWords = {
  locale: 'ar',
  section: (name) => ARABIC_SECTIONS[name] ?? name,
  toc: 'الفهرس',
  complementary: 'وثائق تكميلية',
  briefTitle: 'شراكات أخرى مدرجة',
  synthesisTitle: 'خلاصة التعاون حسب مجالات التدخل',
  synthesisHeader: 'الخلاصة حسب المجالات',
  mapsTitle: 'خرائط البلدين',
  mapsHeader: 'الخرائط',
  mapsIntro: 'الجماعات الترابية الأطراف في شراكة من شراكات الدليل، ومساحة كل دائرة متناسبة مع عدد شراكاتها.',
  mapCaption: (country, count, unplaced) =>
    `${country}: ${tn('ar', 'common.collectivities', count)} على الخريطة.` + (unplaced.length ? ` موقع غير معروف: ${unplaced.join('، ')}.` : ''),
  edition: (year, month) => formatPartialDate('ar', `${year}-${String(month).padStart(2, '0')}`),
  number: (value) => formatNumber('ar', Math.round(value)),
  inhabitants: (population) => `${population} نسمة`,
  colon: ': ',
  legalFramework: 'الإطار القانوني',
  date: 'التاريخ',
  history: 'نبذة تاريخية',
  domains: 'مجالات النشاط',
  status: { ongoing: 'مشاريع جارية', completed: 'مشاريع منجزة', planned: 'مشاريع مبرمجة' },
  roles: { 'maitre-ouvrage': 'صاحب المشروع', 'assistant-maitre-ouvrage': 'مساعد صاحب المشروع', operator: 'المنفذ' },
  padCofinanced: 'بتمويل مشترك من PAD',
  objectives: '← الأهداف:',
  description: 'وصف المشروع',
  partners: 'الشركاء',
  partnersIn: (where) => `الشركاء ${where}:`,
  expectedResults: 'النتائج المنتظرة',
  obtainedResults: 'النتائج المحققة',
  beneficiaries: 'المستفيدون',
  observations: 'ملاحظات',
  contact: 'جهة الاتصال',
  contactAt: (name) => `جهة الاتصال في ${name}`,
  totalCost: 'الكلفة الإجمالية للمشروع',
  estimate: ' (تقديرية)',
  budget: 'الميزانية',
  funding: 'التمويل',
  partnershipBudget: 'الميزانية المخصصة للشراكة',
  humanResources: 'الموارد البشرية للتعاون اللامركزي',
  otherPartnerships: 'شراكات أخرى',
  partnershipInformation: 'معلومات عن الشراكة',
  staff: 'الموظف المكلف بالملف',
  elected: 'المنتخب المكلف بالملف',
  phone: 'الهاتف',
  fax: 'الفاكس',
  contacts: 'جهات الاتصال',
  partnershipWith: (partner) => `شراكة مع ${partner}`,
  inCountry: inCountry('ar'),
};

export const BOOK_WORDS: Readonly<Record<Locale, BookWords>> = { fr: FRENCH, en: ENGLISH, ar: ARABIC };
