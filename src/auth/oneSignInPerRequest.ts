import { GraphQLError, type FieldNode, type ValidationRule } from 'graphql'

/** GraphQL's mutations that check a password or handle one, for the users collection. */
const PASSWORD_MUTATIONS = new Set([
  'loginUser',
  'forgotPasswordUser',
  'resetPasswordUser',
  'unlockUser',
])

/**
 * One password mutation per GraphQL request: aliases (`a: loginUser(…) b: loginUser(…)`)
 * would otherwise make one request many attempts. Each is counted by the sign-in throttle
 * anyway; this refuses the request before any of them runs. Fields are counted wherever
 * they are written, fragments included.
 */
export const oneSignInPerRequest: ValidationRule = (context) => {
  const found: FieldNode[] = []
  return {
    Field(node) {
      if (PASSWORD_MUTATIONS.has(node.name.value)) found.push(node)
    },
    Document: {
      leave() {
        if (found.length < 2) return
        const names = [...new Set(found.map((node) => node.name.value))].join(', ')
        context.reportError(
          new GraphQLError(
            `Send one sign-in or password mutation per request; this one has ${found.length} (${names}).`,
            { nodes: found },
          ),
        )
      },
    },
  }
}
