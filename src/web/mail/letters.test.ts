/** Each letter in French words from the catalogue, with its link where the members' pages are. */
import { describe, expect, it } from 'vitest';
import { letterWriter } from './letters.js';

const write = letterWriter({ baseUrl: 'https://repertoire.example.org/', locale: 'fr' });

describe('the letters', () => {
  it('writes an invitation and a reset link with their expiry, in Paris time', () => {
    const invitation = write({ kind: 'invitation', to: 'a@b.org', name: 'Nadia', link: 'https://repertoire.example.org/invitation/T', expiresAt: '2026-03-09T09:00:00.000Z' });
    expect(invitation).toMatchObject({ to: 'a@b.org', subject: 'Votre accès au Répertoire des partenariats de coopération décentralisée' });
    expect(invitation.text).toMatch(/^Bonjour Nadia,\n\n/);
    expect(invitation.text).toContain('avant le 9 mars 2026 à 10:00 :\nhttps://repertoire.example.org/invitation/T');
    const reset = write({ kind: 'password-reset', to: 'a@b.org', name: 'Nadia', link: 'https://x/mot-de-passe/T', expiresAt: '2026-07-01T10:30:00.000Z' });
    expect(reset.subject).toBe('Choisir un nouveau mot de passe');
    expect(reset.text).toContain('avant le 1 juillet 2026 à 12:30');
  });

  it('writes decisions, with the comment and the campaign link, and reminders by the answer’s state', () => {
    const rejected = write({ kind: 'review-decision', to: 'a@b.org', name: 'Karim', decision: 'rejected', recordType: 'partnership', recordId: 'p', recordLabel: 'Aix ⇄ Oujda', comment: 'Date attestée.', campaignId: 'c 1' });
    expect(rejected.subject).toBe('Votre proposition est refusée : Aix ⇄ Oujda');
    expect(rejected.text).toContain('Commentaire de l’éditeur : Date attestée.');
    expect(rejected.text).toContain('https://repertoire.example.org/recensement/c%201');
    const approved = write({ kind: 'review-decision', to: 'a@b.org', name: 'Karim', decision: 'approved', recordType: 'collectivity', recordId: 'o', recordLabel: 'Oujda' });
    expect(approved.text).not.toContain('Commentaire');
    const draft = write({ kind: 'campaign-reminder', to: 'a@b.org', name: 'Karim', campaignId: 'c', campaignTitle: 'Recensement 2026', collectivityName: 'Oujda', answer: 'draft', openedAt: '2026-03-02T09:00:00.000Z' });
    expect(draft.subject).toBe('Rappel : Recensement 2026');
    expect(draft.text).toContain('Vous avez commencé la réponse de Oujda');
    expect(draft.text).toContain('ouverte le 2 mars 2026');
  });

  it('writes each letter in its recipient’s language when it knows it, Arabic with Western digits', () => {
    const decision = write({ kind: 'review-decision', language: 'ar', to: 'a@b.org', name: 'كريم', decision: 'approved', recordType: 'collectivity', recordId: 'o', recordLabel: 'Oujda' });
    expect(decision.subject).toBe('قُبل مقترحك: \u2068Oujda\u2069');
    expect(decision.text).toMatch(/^مرحبًا كريم،\n\n/);
    const reminder = write({ kind: 'campaign-reminder', language: 'ar', to: 'a@b.org', name: 'كريم', campaignId: 'c', campaignTitle: 'Recensement 2026', collectivityName: 'Oujda', answer: 'none', openedAt: '2026-03-02T09:00:00.000Z' });
    expect(reminder.text).toContain('2 مارس 2026');
    // its links open the pages in that language
    expect(reminder.text).toContain('https://repertoire.example.org/ar/recensement/c');
    const english = write({ kind: 'password-reset', language: 'en', to: 'a@b.org', name: 'Nadia', link: 'https://x/mot-de-passe/T', expiresAt: '2026-07-01T10:30:00.000Z' });
    expect(english.subject).toBe('Choose a new password');
    expect(english.text).toContain('July 1, 2026');
    expect(english.text).toContain('https://x/en/mot-de-passe/T');
    // a language the site does not have: the writer's own
    expect(write({ kind: 'password-reset', language: 'de', to: 'a@b.org', name: 'N', link: 'https://x/T', expiresAt: '2026-07-01T10:30:00.000Z' }).subject).toBe('Choisir un nouveau mot de passe');
  });
});
