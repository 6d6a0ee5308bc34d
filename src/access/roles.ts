/** The roles a Newsroom user can hold. An author drafts; an editor also publishes and
 *  schedules; an admin also manages users and settings. */
export const ROLES = ['admin', 'editor', 'author'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = { roles?: readonly string[] | null } | null | undefined

export const hasRole = (user: MaybeUser, ...roles: Role[]): boolean =>
  Boolean(user?.roles?.some((role) => (roles as readonly string[]).includes(role)))

/** Anyone who works in the press office, whatever their role. */
export const isStaffUser = (user: MaybeUser): boolean => hasRole(user, ...ROLES)
export const isEditorUser = (user: MaybeUser): boolean => hasRole(user, 'admin', 'editor')
export const isAdminUser = (user: MaybeUser): boolean => hasRole(user, 'admin')
