/**
 * The same operations over Payload's two public APIs, REST and GraphQL, so that one check
 * (the access table, for one) can run over both. Each answer is reduced to what the
 * checks need: a status (REST's own; for GraphQL, 200 without errors or the status its
 * first error carries) and the ids or document it returned.
 */
import type { Api } from './api'

export type Transport = 'REST' | 'GraphQL'

export type Answer = {
  status: number
  body: unknown
  id?: number | string
  ids?: (number | string)[]
  doc?: Record<string, any>
}

export type Client = {
  transport: Transport
  list: (collection: string, options?: { draft?: boolean }) => Promise<Answer>
  read: (collection: string, id: number | string, options?: { draft?: boolean }) => Promise<Answer>
  create: (
    collection: string,
    data: Record<string, unknown>,
    options?: { draft?: boolean },
  ) => Promise<Answer>
  update: (
    collection: string,
    id: number | string,
    data: Record<string, unknown>,
    options?: { draft?: boolean },
  ) => Promise<Answer>
  remove: (collection: string, id: number | string) => Promise<Answer>
  readGlobal: (slug: string) => Promise<Answer>
  updateGlobal: (slug: string, data: Record<string, unknown>) => Promise<Answer>
}

export const restClient = (api: Api): Client => {
  const draft = (options?: { draft?: boolean }) => (options?.draft ? 'draft=true' : '')
  return {
    transport: 'REST',
    list: async (collection, options) => {
      const { status, body } = await api.get(
        `/api/${collection}?limit=500&depth=0&${draft(options)}`,
      )
      return {
        status,
        body,
        ids: status === 200 ? body.docs.map((doc: { id: number }) => doc.id) : undefined,
      }
    },
    read: async (collection, id, options) => {
      const { status, body } = await api.get(`/api/${collection}/${id}?depth=0&${draft(options)}`)
      return { status, body, doc: status === 200 ? body : undefined }
    },
    create: async (collection, data, options) => {
      const { status, body } = await api.post(`/api/${collection}?${draft(options)}`, data)
      return { status, body, id: body?.doc?.id }
    },
    update: async (collection, id, data, options) => {
      const { status, body } = await api.patch(`/api/${collection}/${id}?${draft(options)}`, data)
      return { status, body, doc: body?.doc }
    },
    remove: async (collection, id) => {
      const { status, body } = await api.delete(`/api/${collection}/${id}`)
      return { status, body }
    },
    readGlobal: async (slug) => {
      const { status, body } = await api.get(`/api/globals/${slug}`)
      return { status, body, doc: status === 200 ? body : undefined }
    },
    updateGlobal: async (slug, data) => {
      const { status, body } = await api.post(`/api/globals/${slug}`, data)
      return { status, body }
    },
  }
}

/** GraphQL's names for a slug, as Payload makes them (singular, plural). */
export const GRAPHQL_NAMES: Record<string, { one: string; many: string }> = {
  news: { one: 'News', many: 'allNews' },
  quotes: { one: 'Quote', many: 'Quotes' },
  'report-links': { one: 'ReportLink', many: 'ReportLinks' },
  media: { one: 'Media', many: 'allMedia' },
  'recruitment-ctas': { one: 'RecruitmentCta', many: 'RecruitmentCtas' },
  categories: { one: 'Category', many: 'Categories' },
  'media-contacts': { one: 'MediaContact', many: 'MediaContacts' },
  'media-lists': { one: 'MediaList', many: 'MediaLists' },
  users: { one: 'User', many: 'Users' },
  subscribers: { one: 'Subscriber', many: 'Subscribers' },
  'site-settings': { one: 'SiteSetting', many: 'SiteSetting' },
}

const names = (slug: string) => {
  const found = GRAPHQL_NAMES[slug]
  if (!found) throw new Error(`No GraphQL names for "${slug}"`)
  return found
}

export const graphqlClient = (api: Api): Client => {
  const run = async (
    query: string,
    variables: Record<string, unknown> = {},
    field: string,
  ): Promise<Answer & { data?: any }> => {
    const { status, body } = await api.post('/api/graphql', { query, variables })
    if (status !== 200) return { status, body }
    const errors = (body as { errors?: { extensions?: { statusCode?: number } }[] }).errors
    if (errors?.length) return { status: errors[0]!.extensions?.statusCode ?? 400, body }
    return { status: 200, body, data: body.data[field] }
  }
  const id = (value: number | string) => JSON.stringify(value)
  const draft = (options?: { draft?: boolean }) => (options?.draft ? ', draft: true' : '')
  return {
    transport: 'GraphQL',
    list: async (collection, options) => {
      const { many } = names(collection)
      const answer = await run(
        `query { ${many}(limit: 500${draft(options)}) { docs { id } } }`,
        {},
        many,
      )
      return { ...answer, ids: answer.data?.docs.map((doc: { id: number }) => doc.id) }
    },
    read: async (collection, docId, options) => {
      const { one } = names(collection)
      const answer = await run(
        `query { ${one}(id: ${id(docId)}${draft(options)}) { id } }`,
        {},
        one,
      )
      // A document the reader may not see comes back as null with no error.
      return answer.status === 200 && !answer.data
        ? { ...answer, status: 404 }
        : { ...answer, doc: answer.data }
    },
    create: async (collection, data, options) => {
      const { one } = names(collection)
      const answer = await run(
        `mutation ($data: mutation${one}Input!) { create${one}(data: $data${draft(options)}) { id } }`,
        { data },
        `create${one}`,
      )
      return answer.status === 200 ? { ...answer, status: 201, id: answer.data?.id } : answer
    },
    update: async (collection, docId, data, options) => {
      const { one } = names(collection)
      return run(
        `mutation ($data: mutation${one}UpdateInput!) { update${one}(id: ${id(docId)}, data: $data${draft(options)}) { id } }`,
        { data },
        `update${one}`,
      )
    },
    remove: async (collection, docId) => {
      const { one } = names(collection)
      return run(`mutation { delete${one}(id: ${id(docId)}) { id } }`, {}, `delete${one}`)
    },
    readGlobal: async (slug) => {
      const { one } = names(slug)
      const answer = await run(`query { ${one} { __typename } }`, {}, one)
      return { ...answer, doc: answer.data }
    },
    updateGlobal: async (slug, data) => {
      const { one } = names(slug)
      return run(
        `mutation ($data: mutation${one}Input!) { update${one}(data: $data) { __typename } }`,
        { data },
        `update${one}`,
      )
    },
  }
}
