/**
 * Language data for telling a person's contact line from an organisation's or a service's own:
 * the words such a line starts with, and the civilities a person's name starts with. Keyed by
 * language, because the directories and the census are written in French, Arabic and English;
 * a name is read against every language (a contact's language is not known).
 *
 * Written as people write them; `named-person.ts` folds them as it folds the names (`foldKey`).
 */

export interface PersonWords {
  /** what may stand before a word: Arabic's article (المديرية, مديرية) */
  readonly prefixes: readonly string[];
  /** what may follow it: the plural's -s ("Services") */
  readonly suffixes: readonly string[];
  /** the words (or word groups) an organisation's or a service's own line starts with */
  readonly institutions: readonly string[];
  /** what stands before a person's name (the full stop of "M." is punctuation and folds away) */
  readonly civilities: readonly string[];
}

export const PERSON_WORDS: Readonly<Record<'fr' | 'en' | 'ar', PersonWords>> = {
  fr: {
    prefixes: [],
    suffixes: ['s'],
    institutions: [
      'Service', 'Direction', 'Département', 'Division', 'Délégation', 'Secrétariat', 'Cabinet', 'Bureau', 'Pôle',
      'Cellule', 'Unité', 'Mission', 'Accueil', 'Standard', 'Mairie', 'Hôtel de ville', 'Ville', 'Commune', 'Communauté',
      'Conseil', 'Région', 'Province', 'Préfecture', 'Wilaya', 'Agence', 'Office', 'Régie', 'Syndicat', 'Association',
      'Fédération', 'Fondation', 'Comité', 'Centre', 'Maison', 'Institut', 'Ambassade', 'Consulat',
    ],
    civilities: ['M', 'Mme', 'Mlle', 'Monsieur', 'Madame', 'Mademoiselle', 'Docteur', 'Professeur', 'Dr', 'Pr'],
  },
  en: {
    prefixes: [],
    suffixes: ['s'],
    institutions: [
      'Department', 'Directorate', 'Secretariat', 'Unit', 'Reception', 'Switchboard', 'Town hall', 'City hall', 'City council',
      'Municipality', 'Council', 'Agency', 'Authority', 'Federation', 'Foundation', 'Committee', 'Center', 'Institute',
      'Embassy', 'Consulate', 'Ministry',
    ],
    civilities: ['Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Prof'],
  },
  ar: {
    prefixes: ['ال'],
    suffixes: [],
    institutions: [
      'مصلحة', 'مديرية', 'قسم', 'مندوبية', 'الكتابة العامة', 'ديوان', 'مكتب', 'خلية', 'وحدة', 'بلدية', 'جماعة', 'مجلس',
      'جهة', 'إقليم', 'عمالة', 'ولاية', 'وكالة', 'جمعية', 'مؤسسة', 'لجنة', 'مركز', 'دار', 'معهد', 'سفارة', 'قنصلية',
      'وزارة',
    ],
    civilities: ['السيد', 'السيدة', 'الدكتور', 'الدكتورة', 'الأستاذ', 'الأستاذة'],
  },
};
