/**
 * Test support for the census: a store holding the fixture directory plus Agadir (a collectivity
 * the Oujda contributor must not touch), imported as the CLI does (with versions), accounts for
 * an administrator, an editor and two contributors, and a clock the test can move.
 */
import { loadFixture } from '../model/fixtures/index.js';
import type { RepertoireDocument } from '../model/schema.js';
import { createAccountService } from '../accounts/service.js';
import { MemoryPostman } from '../accounts/mail.js';
import { CLI_ACTOR, type Actor } from '../accounts/roles.js';
import type { User } from '../accounts/users.js';
import { openEngineStore, type Engine } from '../test-support/engines.js';
import { createCensus } from './index.js';
import { importDocument } from './import.js';

export const OUJDA = 'ma-commune-urbaine-oujda';
export const AIX = 'fr-ville-aix-en-provence';
export const AGADIR = 'ma-commune-agadir';
export const AIX_OUJDA = 'aix-en-provence-oujda';
export const AIX_OUJDA_PROJECT = 'aix-en-provence-oujda-plan-de-deplacements';
export const AGADIR_PARTNERSHIP = 'aix-en-provence-agadir';
export const AGADIR_PROJECT = 'aix-en-provence-agadir-eau';
export const DOCUMENT = 'fixture.json';

/** The fixture with Agadir, a partnership Aix ⇄ Agadir and its project. */
export function censusDocument(): RepertoireDocument {
  const doc = loadFixture();
  doc.collectivities.push({ id: AGADIR, name: "Commune urbaine d'Agadir", shortName: 'Agadir', country: 'MA', kind: 'commune-urbaine' });
  doc.partnerships.push({
    id: AGADIR_PARTNERSHIP,
    tier: 'brief',
    parties: [
      { collectivityId: AIX, country: 'FR' },
      { collectivityId: AGADIR, country: 'MA' },
    ],
    projects: [{ id: AGADIR_PROJECT, title: 'Eau potable', status: 'ongoing' }],
    contacts: [{ name: 'Fatima Zahra', kind: 'staff', collectivityId: AGADIR, phones: ['+212 5 28 00 00 00'], emails: ['f.zahra@agadir.ma'] }],
  });
  return doc;
}

/** A clock that stands still until the test moves it. */
export function testClock(start = '2026-03-02T09:00:00.000Z') {
  let now = new Date(start);
  const clock = () => new Date(now);
  return Object.assign(clock, {
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  });
}

export function actorOf(user: User): Actor {
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role };
  if (user.directoryId) actor.directoryId = user.directoryId;
  if (user.collectivityId) actor.collectivityId = user.collectivityId;
  return actor;
}

export async function censusStore(engine: Engine) {
  const store = await openEngineStore(engine);
  const { db } = store;
  const clock = testClock();
  const mail = new MemoryPostman();
  await importDocument(db, censusDocument(), { documentName: DOCUMENT, now: clock() });
  const accounts = createAccountService({ db, baseUrl: 'https://repertoire.test', mail, now: clock });
  const census = createCensus({ db, now: clock, mail });
  const add = async (email: string, name: string, role: 'admin' | 'editor' | 'contributor', collectivityId?: string) =>
    actorOf((await accounts.createUser({ email, name, role, ...(collectivityId ? { collectivityId } : {}) }, CLI_ACTOR)).user);
  const admin = await add('admin@repertoire.test', 'Alice Admin', 'admin');
  const editor = await add('editor@repertoire.test', 'Éric Éditeur', 'editor');
  const oujda = await add('staff@oujda.ma', 'Karim Oujda', 'contributor', OUJDA);
  const agadir = await add('staff@agadir.ma', 'Samira Agadir', 'contributor', AGADIR);
  return { store, db, clock, mail, accounts, census, admin, editor, oujda, agadir };
}
