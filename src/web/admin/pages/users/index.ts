import { requireAdmin } from '../../../../accounts/roles.js';
import { defineMemberPage } from '../../../auth/member-page.js';
import { UsersView, usersView } from './data.js';
import { renderUsers } from './render.js';

export const usersPage = defineMemberPage({
  name: 'UsersView',
  path: '/admin/utilisateurs',
  summary: 'The accounts: each one’s role, collectivity, state and last sign-in',
  audience: 'Administrators only.',
  schema: UsersView,
  allow: requireAdmin,
  load: usersView,
  render: renderUsers,
});
