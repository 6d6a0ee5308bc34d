/** For what only the server itself writes or reads (it passes overrideAccess): a collection, a global or a field. */
export const nobody = (): boolean => false
