/**
 * A withdrawn release's words stay with the newsroom: the derived search text is never in an
 * answer, to anyone, over REST, GraphQL or the versions; and the public cannot filter or sort
 * by what it cannot read, which would tell, yes or no, what a withdrawn release says.
 * The site's own search goes on finding what stands.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { api, signIn, type Api } from '../helpers/api'
import { allMessages } from '../helpers/errors'
import { publishRelease, transition } from '../helpers/releases'
import { ADMIN } from '../helpers/server'
import { sharedServer, type SharedServer } from '../helpers/sharedServer'

let server: SharedServer
let admin: Api
let anonymous: Api
let withdrawn: { id: number; slug: string }
let standing: { id: number; slug: string }

/** Words found nowhere else, one in each part of the withdrawn release. */
const SECRET = { title: 'quillfeather', summary: 'zanzibarquoll', body: 'marmaladeferret' }

const paragraph = (text: string) => [{ children: [{ text }] }]

beforeAll(async () => {
  server = await sharedServer()
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  anonymous = api(server.url)
  withdrawn = await publishRelease(admin, {
    title: `Appeal ${SECRET.title} for witnesses`,
    summary: `Officers name ${SECRET.summary} in an appeal later withdrawn.`,
    body: paragraph(`The body says ${SECRET.body} and more that must not stay public.`),
  })
  expect(
    (
      await transition(admin, withdrawn.id, 'withdraw', {
        note: 'Legal advice: proceedings are active.',
      })
    ).status,
  ).toBe(200)
  standing = await publishRelease(admin, {
    title: 'Cycle marking at the market',
    summary: 'Free bike marking on Saturday.',
    body: paragraph('Bring your bicycle to the periwinkle stall.'),
  })
})
const graphql = (as: Api, query: string) => as.post('/api/graphql', { query })

describe('the search text is never in an answer', () => {
  it('not over REST, to the public or to staff, by id or in a list', async () => {
    for (const [who, as] of [
      ['public', anonymous],
      ['admin', admin],
    ] as const) {
      for (const path of [
        `/api/news/${withdrawn.id}?depth=0`,
        `/api/news/${standing.id}?depth=0`,
        '/api/news?depth=0&limit=50',
        `/api/news/${standing.id}?draft=true`,
      ]) {
        const { status, body } = await as.get(path)
        expect(status, `${who} ${path}`).toBe(200)
        expect(JSON.stringify(body), `${who} ${path}`).not.toMatch(/searchText/)
      }
    }
  })

  it('nor in the versions, which staff read', async () => {
    const { status, body } = await admin.get(
      `/api/news/versions?where[parent][equals]=${withdrawn.id}&depth=0`,
    )
    expect(status).toBe(200)
    expect(body.totalDocs).toBeGreaterThan(0)
    expect(JSON.stringify(body)).not.toMatch(/searchText/)
    const one = await admin.get(`/api/news/versions/${body.docs[0].id}?depth=0`)
    expect(one.status).toBe(200)
    expect(JSON.stringify(one.body)).not.toMatch(/searchText/)
  })

  it('nor over GraphQL, where it is always null', async () => {
    for (const as of [anonymous, admin]) {
      for (const query of [
        `{ News(id: ${standing.id}) { id searchText } }`,
        `{ allNews { docs { id searchText } } }`,
        `{ versionsallNews { docs { id version { searchText } } } }`,
      ]) {
        const { body } = await graphql(as, query)
        expect(
          body.errors?.find((error: { message: string }) =>
            /Cannot query field/.test(error.message),
          ),
          query,
        ).toBeUndefined()
        const answer = JSON.stringify(body)
        for (const word of ['periwinkle', ...Object.values(SECRET)])
          expect(answer, query).not.toContain(word)
        expect(answer, query).not.toMatch(/"searchText":"/)
      }
    }
  })
})

describe('the public cannot ask about what it cannot read', () => {
  it('refuses a filter on the search text, to everyone', async () => {
    for (const as of [anonymous, admin]) {
      const { status, body } = await as.get(`/api/news?where[searchText][like]=${SECRET.body}`)
      expect(status).toBe(400)
      expect(allMessages(body)).toMatch(/searchText/)
    }
  })

  it('refuses the public a filter or a sort on a withdrawn release’s content', async () => {
    for (const query of [
      `where[summary][like]=${SECRET.summary}`,
      `where[body][like]=${SECRET.body}`,
      `where[meta.description][like]=${SECRET.summary}`,
      'where[quotes][exists]=true',
      'sort=summary',
      'sort=-body',
    ]) {
      const { status, body } = await anonymous.get(`/api/news?depth=0&${query}`)
      expect(status, query).toBe(400)
      expect(JSON.stringify(body), query).not.toContain(String(withdrawn.id) + ',')
      expect(allMessages(body), query).toMatch(/cannot be queried|cannot sort|not allowed/i)
    }
  })

  it('refuses it over GraphQL too', async () => {
    const { body } = await graphql(
      anonymous,
      `{ allNews(where: { summary: { like: "${SECRET.summary}" } }) { totalDocs docs { id } } }`,
    )
    expect(body.data?.allNews?.totalDocs ?? 0).toBe(0)
    expect(allMessages(body)).toMatch(/summary/)
  })

  it('shows the public no content of a withdrawn release however the fields are selected', async () => {
    for (const path of [
      `/api/news/${withdrawn.id}?depth=0`,
      `/api/news/${withdrawn.id}?select[summary]=true&select[body]=true`,
      `/api/news?where[id][equals]=${withdrawn.id}&select[summary]=true&select[body]=true&select[meta]=true`,
    ]) {
      const { status, body } = await anonymous.get(path)
      expect(status, path).toBe(200)
      expect(JSON.stringify(body), path).not.toContain(SECRET.summary)
      expect(JSON.stringify(body), path).not.toContain(SECRET.body)
    }
  })

  it('still lets staff filter by the content, as the admin’s list search does', async () => {
    const { status, body } = await admin.get(
      `/api/news?depth=0&where[summary][like]=${SECRET.summary}`,
    )
    expect(status).toBe(200)
    expect(body.docs.map((doc: { id: number }) => doc.id)).toEqual([withdrawn.id])
  })

  it('still lets the public read and filter what it may: titles, addresses, dates', async () => {
    const { status, body } = await anonymous.get(
      `/api/news?depth=0&where[slug][equals]=${standing.slug}&sort=-publishAt`,
    )
    expect(status).toBe(200)
    expect(body.docs.map((doc: { id: number }) => doc.id)).toEqual([standing.id])
    const one = await anonymous.get(`/api/news/${standing.id}?depth=0&select[summary]=true`)
    expect(one.body.summary).toBe('Free bike marking on Saturday.')
  })
})

describe('the site’s search', () => {
  it('finds a standing release by a word of its body, and the withdrawn one by none of its words', async () => {
    const found = await (await fetch(`${server.url}/search?q=periwinkle`)).text()
    expect(found).toContain('Cycle marking at the market')
    for (const word of Object.values(SECRET)) {
      const page = await (await fetch(`${server.url}/search?q=${word}`)).text()
      expect(page, word).not.toContain(`/news/${withdrawn.slug}`)
    }
  })
})
