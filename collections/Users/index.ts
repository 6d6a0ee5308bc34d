import type { CollectionConfig } from 'payload'

import { admins, adminsField } from '../../src/access/admins'
import { adminsOrSelf } from '../../src/access/adminsOrSelf'
import { ROLES } from '../../src/access/roles'
import { staff } from '../../src/access/staff'
import { siteIsHttps } from '../../src/config/env'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { keepAnAdmin, keepAnAdminOnDelete } from './hooks/keepAnAdmin'
import { passwordPolicy, passwordPolicyOnReset } from './hooks/passwordPolicy'
import { resetEmail } from './resetEmail'
import { inviteWithoutPassword, sendInvitation } from './invitation'
import { NOTIFICATIONS } from '../../src/workflow/notifyWho'
import { clearThrottleOnResetOrUnlock, signedIn, throttleSignIn } from './hooks/signInThrottle'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'User', plural: 'Users' },
  auth: {
    // No lock on the account: anyone could lock anyone out. Wrong passwords slow down the
    // address that sends them instead (hooks/signInThrottle.ts, src/auth/signInThrottle.ts).
    maxLoginAttempts: 0,
    // A working day; the admin refreshes it while someone is active.
    tokenExpiration: 8 * 60 * 60,
    cookies: { sameSite: 'Lax', secure: siteIsHttps() },
    // "Forgot password?": an e-mail with a link valid for an hour, used once.
    forgotPassword: resetEmail,
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
    group: 'Administration',
    components: { beforeListTable: ['/src/admin/InviteColleague#InviteColleague'] },
  },
  access: {
    // Only people with a Newsroom role may use the admin at all.
    admin: ({ req: { user } }) => Boolean(user?.roles?.length),
    // Colleagues see each other (to credit authors); only admins manage accounts.
    read: staff,
    create: admins,
    update: adminsOrSelf,
    delete: admins,
    // Ends the waits of an account's wrong passwords (POST /api/users/unlock).
    unlock: admins,
  },
  hooks: {
    // At least 12 characters and hard to guess: see src/auth/passwords.ts.
    // An admin who adds a colleague without a password invites them by e-mail (./invitation.ts).
    beforeOperation: [throttleSignIn, passwordPolicyOnReset, inviteWithoutPassword],
    afterLogin: [signedIn],
    afterOperation: [clearThrottleOnResetOrUnlock],
    beforeValidate: [passwordPolicy],
    beforeChange: [firstUserIsAdmin, keepAnAdmin],
    afterChange: [sendInvitation],
    beforeDelete: [keepAnAdminOnDelete],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['author'],
      saveToJWT: true,
      options: ROLES.map((role) => ({
        label: role[0]!.toUpperCase() + role.slice(1),
        value: role,
      })),
      admin: {
        description:
          'Author: writes drafts and submits them for review. Editor: also reviews, publishes and schedules. Admin: also manages users and site settings. The first account made is always an admin.',
      },
      // Nobody can give themselves more rights: only an admin changes roles.
      access: { create: adminsField, update: adminsField },
    },
    {
      // Each person chooses which workflow e-mails they get (src/workflow/notify.ts); all on at first.
      name: 'notifications',
      label: 'E-mail me when',
      type: 'group',
      fields: NOTIFICATIONS.map(({ preference, label }) => ({
        name: preference,
        label,
        type: 'checkbox' as const,
        defaultValue: true,
      })),
    },
  ],
}
