/** Administrators change roles from the users page: the change takes effect at the person's next request, and is audited. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../accounts/audit.js';
import { openMembersSite, PEOPLE, type MembersSite } from '../census/testing.js';

let site: MembersSite;

beforeAll(async () => {
  site = await openMembersSite();
}, 120_000);

afterAll(async () => {
  await site?.dispose();
});

describe('changing roles', () => {
  it('makes an editor an administrator at once, audited; a contributor made editor leaves its collectivity', async () => {
    const admin = await site.signIn('admin');
    const editor2 = await site.signIn('editor2');
    expect((await editor2.get('/admin/utilisateurs')).statusCode).toBe(403);
    const page = await admin.get('/admin/utilisateurs');
    expect(page.body).toContain(`Rôle de ${PEOPLE.editor2.email}`);
    // no role form for oneself
    expect(page.body).not.toContain(`Rôle de ${PEOPLE.admin.email}`);

    const changed = await admin.post('/admin/utilisateurs/role', { email: PEOPLE.editor2.email, role: 'admin' }, { csrfFrom: '/admin/utilisateurs' });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain(`Rôle de ${PEOPLE.editor2.email} : administrateur`);
    expect((await editor2.get('/admin/utilisateurs')).statusCode).toBe(200);
    const [event] = await listAudit(site.store.db, { action: 'user.role' });
    expect(event).toMatchObject({ subjectType: 'user', details: { from: 'editor', to: 'admin' } });

    expect((await admin.post('/admin/utilisateurs/role', { email: PEOPLE.oujda.email, role: 'editor' }, { csrfFrom: '/admin/utilisateurs' })).statusCode).toBe(200);
    const oujda = await site.store.db.selectFrom('users').select(['role', 'collectivity_id']).where('email', '=', PEOPLE.oujda.email).executeTakeFirst();
    expect(oujda).toEqual({ role: 'editor', collectivity_id: null });
    // back to contributor needs a collectivity
    const back = await admin.post('/admin/utilisateurs/role', { email: PEOPLE.oujda.email, role: 'contributor' }, { csrfFrom: '/admin/utilisateurs' });
    expect(back.statusCode).toBe(422);
    expect(back.body).toContain('Un contributeur représente une collectivité');
  });

  it('refuses one’s own role, an editor, and a forged form', async () => {
    const admin = await site.signIn('admin');
    expect((await admin.post('/admin/utilisateurs/role', { email: PEOPLE.admin.email, role: 'editor' }, { csrfFrom: '/admin/utilisateurs' })).statusCode).toBe(403);
    const editor = await site.signIn('editor');
    expect((await editor.post('/admin/utilisateurs/role', { email: PEOPLE.editor.email, role: 'admin' }, { csrfFrom: '/compte' })).statusCode).toBe(403);
    expect((await admin.post('/admin/utilisateurs/role', { email: PEOPLE.editor.email, role: 'admin' }, { csrf: 'forged' })).statusCode).toBe(403);
    const editorRow = await site.store.db.selectFrom('users').select('role').where('email', '=', PEOPLE.editor.email).executeTakeFirst();
    expect(editorRow?.role).toBe('editor');
  });
});
