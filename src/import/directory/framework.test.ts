import { describe, expect, it } from 'vitest';
import { frameworkKind } from './framework.js';

describe('frameworkKind', () => {
  it.each([
    ['Convention cadre de coopération décentralisée.', 'convention'],
    ['Accord de jumelage.', 'jumelage'],
    ['Acte de jumelage.', 'jumelage'],
    ['Charte de jumelage', 'jumelage'],
    ['Accord de coopération conforté par un Jumelage.', 'accord'],
    ['Déclaration commune de coopération signée le 27 juin 1998 / Charte de coopération', 'declaration'],
    ['Protocole de coopération technique.', 'protocole'],
    ['Échanges informels.', 'none'],
    ['Aucun accord de coopération décentralisée signé - Projet en cours.', 'none'],
    ["Relations d'amitié.", 'none'],
    ['Partenariat.', 'other'],
  ])('%s → %s', (text, kind) => expect(frameworkKind(text)).toBe(kind));
});
