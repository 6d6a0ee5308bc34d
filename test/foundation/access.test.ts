/**
 * Every cell of docs/access.md, checked over REST and over GraphQL with real accounts on a
 * real server.
 * The table is the expectation: change a rule and the table must change with it.
 */
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { projectRoot } from '../../src/config/paths'
import { api, createUserAndSignIn, signIn, type Api } from '../helpers/api'
import { imageForm, jpeg } from '../helpers/images'
import { createDraft, publishRelease, transition } from '../helpers/releases'
import { ADMIN, startServer, type TestServer } from '../helpers/server'
import { graphqlClient, restClient, type Client, type Transport } from '../helpers/transports'

type Who = 'anonymous' | 'author' | 'editor' | 'admin'
type Row = { collection: string; action: string; rules: Record<Who, string> }

const WHO: Who[] = ['anonymous', 'author', 'editor', 'admin']
/**
 * GraphQL and REST reach the same access rules and the same queries: the PostgreSQL pass checks
 * the table over REST only, what the database decides (the rules' queries), while the SQLite
 * pass checks both transports.
 */
const TRANSPORTS: Transport[] =
  process.env.TEST_DATABASE === 'postgres' ? ['REST'] : ['REST', 'GraphQL']

const readTable = (): Row[] =>
  fs
    .readFileSync(path.join(projectRoot, 'docs/access.md'), 'utf8')
    .split('\n')
    .filter((line) => /^\| [a-z-]+ +\| [a-z ]+\|/.test(line))
    .map((line) => {
      const [collection, action, ...rules] = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim())
      return {
        collection: collection!,
        action: action!,
        rules: Object.fromEntries(WHO.map((who, i) => [who, rules[i]!])) as Record<Who, string>,
      }
    })

const table = readTable()

let server: TestServer
const as = {} as Record<Who, Api>
let unique = 0
const next = () => ++unique

/** Documents made by the admin before the checks: some public, some under embargo, some unused. */
const fx = {} as {
  publicRelease: number
  embargoedRelease: number
  draftRelease: number
  used: Record<string, number>
  embargoedOnly: Record<string, number>
  unused: Record<string, number>
  runningCta: number
  expiredCta: number
  category: number
  mediaContact: number
  mediaList: number
  subscriber: number
  users: Record<Who, number>
}

const DAY = 24 * 60 * 60 * 1000

const validData: Record<string, () => Record<string, unknown>> = {
  // Slugs are given: REST makes one from the title, but GraphQL's schema asks for every required field.
  news: () => ({
    title: `Release ${next()}`,
    slug: `release-${next()}`,
    summary: 'What happened, in one sentence.',
  }),
  quotes: () => ({
    speakerName: `Speaker ${next()}`,
    speakerRole: 'Inspector',
    text: 'We are grateful for the help.',
  }),
  'report-links': () => ({
    title: `Report ${next()}`,
    publisher: 'HMICFRS',
    url: `https://example.gov.uk/report-${next()}`,
  }),
  'recruitment-ctas': () => ({
    heading: `Join us ${next()}`,
    body: 'Apply now.',
    linkLabel: 'Apply',
    linkUrl: 'https://careers.example.police.uk',
    audience: ['volunteer'],
  }),
  categories: () => ({ name: `Category ${next()}`, slug: `category-${next()}` }),
  subscribers: () => ({
    email: `made${next()}@readers.test`,
    status: 'confirmed',
    frequency: 'immediately',
  }),
  'media-lists': () => ({ name: `Media list ${next()}` }),
  'media-contacts': () => ({
    name: `Reporter ${next()}`,
    outlet: 'Northmoor Echo',
    email: `reporter${next()}@echo.example`,
  }),
  users: () => ({
    email: `person${next()}@northmoor.test`,
    password: 'a-long-test-password-42',
    name: 'Someone',
    roles: ['author'],
  }),
}

const create = async (who: Api, collection: string, data?: Record<string, unknown>, query = '') => {
  if (collection === 'media')
    return who.upload(
      '/api/media',
      imageForm(await jpeg(800, 450), `m${next()}.jpg`, 'image/jpeg', { alt: `Picture ${next()}` }),
    )
  return who.post(`/api/${collection}${query}`, data ?? validData[collection]!())
}

/** A member of the public who asked for alerts on /alerts: the only way a subscriber is made. */
const subscribeOnTheSite = async () => {
  const email = `subscriber${next()}@readers.test`
  const asked = await fetch(`${server.url}/alerts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, what: 'all', frequency: 'daily' }),
  })
  expect(asked.status).toBe(200)
  const found = await as.admin.get(`/api/subscribers?where[email][equals]=${email}&depth=0`)
  return found.body.docs[0].id as number
}

const makeAsAdmin = async (collection: string, data?: Record<string, unknown>) => {
  if (collection === 'subscribers') return subscribeOnTheSite()
  const response = await create(as.admin, collection, data)
  if (response.status !== 201)
    throw new Error(`Fixture ${collection}: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body.doc.id as number
}

const getAsAdmin = async (collection: string, id: number) =>
  (await as.admin.get(`/api/${collection}/${id}?draft=true&depth=0`)).body

const shared = ['quotes', 'report-links', 'media'] as const

const releaseUsing = (ids: Record<string, number>) => ({
  ...validData.news!(),
  quotes: [ids.quotes],
  reportLinks: [ids['report-links']],
  heroImage: ids.media,
})

beforeAll(async () => {
  server = await startServer()
  as.anonymous = api(server.url)
  as.admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  as.editor = await createUserAndSignIn(server.url, as.admin, {
    email: 'editor@northmoor.test',
    roles: ['editor'],
  })
  as.author = await createUserAndSignIn(server.url, as.admin, {
    email: 'author@northmoor.test',
    roles: ['author'],
  })
  fx.users = {
    anonymous: 0,
    admin: (await as.admin.get('/api/users/me')).body.user.id,
    editor: (await as.editor.get('/api/users/me')).body.user.id,
    author: (await as.author.get('/api/users/me')).body.user.id,
  }
  fx.used = {}
  fx.embargoedOnly = {}
  fx.unused = {}
  for (const collection of shared) {
    fx.used[collection] = await makeAsAdmin(collection)
    fx.embargoedOnly[collection] = await makeAsAdmin(collection)
    fx.unused[collection] = await makeAsAdmin(collection)
  }
  fx.publicRelease = (
    await publishRelease(as.admin, releaseUsing(fx.used), {
      publishAt: new Date(Date.now() - DAY).toISOString(),
    })
  ).id
  fx.embargoedRelease = (
    await publishRelease(as.admin, releaseUsing(fx.embargoedOnly), {
      publishAt: new Date(Date.now() + DAY).toISOString(),
    })
  ).id
  fx.draftRelease = (await createDraft(as.admin, validData.news!())).id
  fx.runningCta = await makeAsAdmin('recruitment-ctas')
  fx.expiredCta = await makeAsAdmin('recruitment-ctas', {
    ...validData['recruitment-ctas']!(),
    activeFrom: new Date(Date.now() - 30 * DAY).toISOString(),
    activeUntil: new Date(Date.now() - DAY).toISOString(),
  })
  fx.category = await makeAsAdmin('categories')
  fx.subscriber = await subscribeOnTheSite()
  fx.mediaList = await makeAsAdmin('media-lists')
  fx.mediaContact = await makeAsAdmin('media-contacts', {
    ...validData['media-contacts']!(),
    lists: [fx.mediaList],
  })
})

afterAll(async () => {
  await server?.stop()
})

const isGlobal = (collection: string) => collection === 'site-settings'

/** What each collection's read check looks at: documents the rule lets through, and documents it must hide. */
const readTargets = (collection: string, rule: string): { shown: number[]; hidden: number[] } => {
  if (collection === 'news')
    return rule === 'public'
      ? { shown: [fx.publicRelease], hidden: [fx.embargoedRelease, fx.draftRelease] }
      : { shown: [fx.publicRelease, fx.embargoedRelease, fx.draftRelease], hidden: [] }
  if ((shared as readonly string[]).includes(collection)) {
    const all = [fx.used[collection]!, fx.embargoedOnly[collection]!, fx.unused[collection]!]
    return rule === 'public'
      ? { shown: [fx.used[collection]!], hidden: all.slice(1) }
      : { shown: all, hidden: [] }
  }
  if (collection === 'recruitment-ctas')
    return rule === 'running'
      ? { shown: [fx.runningCta], hidden: [fx.expiredCta] }
      : { shown: [fx.runningCta, fx.expiredCta], hidden: [] }
  if (collection === 'categories') return { shown: [fx.category], hidden: [] }
  if (collection === 'media-lists') return { shown: [fx.mediaList], hidden: [] }
  if (collection === 'subscribers') return { shown: [fx.subscriber], hidden: [] }
  if (collection === 'media-contacts') return { shown: [fx.mediaContact], hidden: [] }
  if (collection === 'users')
    return { shown: [fx.users.admin, fx.users.editor, fx.users.author], hidden: [] }
  throw new Error(`No read targets for ${collection}`)
}

const expectRefused = (status: number, body?: unknown) =>
  expect([401, 403], JSON.stringify(body)).toContain(status)

const checkRead = async (who: Client, collection: string, rule: string) => {
  if (isGlobal(collection)) {
    const { status } = await who.readGlobal(collection)
    if (rule === 'yes') expect(status).toBe(200)
    else expectRefused(status)
    return
  }
  if (rule === 'no') {
    const list = await who.list(collection)
    if (list.status === 200) expect(list.ids).toEqual([])
    else expectRefused(list.status)
    for (const id of readTargets(collection, 'yes').shown)
      expect([401, 403, 404]).toContain((await who.read(collection, id)).status)
    return
  }
  const { shown, hidden } = readTargets(collection, rule)
  // Staff read drafts; the public reads what is published, and asking for drafts shows it no more.
  const staff = rule === 'yes'
  const list = await who.list(collection, { draft: staff })
  const draftList = staff ? list : await who.list(collection, { draft: true })
  expect([list.status, draftList.status]).toEqual([200, 200])
  for (const id of shown) {
    expect(list.ids).toContain(id)
    expect((await who.read(collection, id, { draft: staff })).status).toBe(200)
  }
  for (const id of hidden) {
    expect(list.ids).not.toContain(id)
    expect(draftList.ids).not.toContain(id)
    const single = await who.read(collection, id, { draft: true })
    expect([403, 404]).toContain(single.status)
    expect(single.doc).toBeUndefined()
  }
}

const countAsAdmin = async (collection: string) =>
  (await as.admin.get(`/api/${collection}?limit=1&draft=true`)).body.totalDocs as number

const checkCreate = async (who: Client, whoName: Who, collection: string, rule: string) => {
  if (collection === 'news' && rule === 'draft') {
    const draft = await who.create(
      'news',
      { ...validData.news!(), _status: 'draft' },
      { draft: true },
    )
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    // Nobody creates a release already published: releases go out through the workflow.
    const before = await countAsAdmin('news')
    const published = await who.create('news', { ...validData.news!(), _status: 'published' })
    expectRefused(published.status)
    expect(await countAsAdmin('news')).toBe(before)
    return
  }
  const before = await countAsAdmin(collection)
  if (collection === 'media' && who.transport === 'GraphQL') {
    // GraphQL carries no files: an image can only be uploaded over REST, and a GraphQL
    // create is refused (for lack of access, or of a file) with nothing stored.
    const response = await who.create('media', { alt: `Picture ${next()}` })
    expect(rule === 'no' ? [401, 403] : [400]).toContain(response.status)
    expect(await countAsAdmin(collection)).toBe(before)
    return
  }
  const response =
    collection === 'media'
      ? await create(as[whoName], 'media')
      : await who.create(collection, validData[collection]!())
  if (rule === 'yes') {
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    return
  }
  expect(rule).toBe('no')
  expectRefused(response.status, response.body)
  expect(await countAsAdmin(collection)).toBe(before)
}

const changeFor = (collection: string): Record<string, unknown> =>
  ({
    news: { title: `Changed ${next()}` },
    quotes: { text: `Changed ${next()}` },
    'report-links': { title: `Changed ${next()}` },
    media: { alt: `Changed ${next()}` },
    'recruitment-ctas': { heading: `Changed ${next()}` },
    categories: { name: `Changed ${next()}` },
    'media-lists': { description: `Changed ${next()}` },
    'media-contacts': { outlet: `Changed ${next()}` },
    subscribers: { bounce: `Changed ${next()}` },
    users: { name: `Changed ${next()}` },
  })[collection]!

const expectUpdate = async (who: Client, collection: string, id: number, allowed: boolean) => {
  const change = changeFor(collection)
  const before = await getAsAdmin(collection, id)
  // A release's changes are saved as a draft; they reach the public only through the workflow.
  const response = await who.update(collection, id, change, { draft: collection === 'news' })
  const after = await getAsAdmin(collection, id)
  const [field, value] = Object.entries(change)[0]!
  if (allowed) {
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(after[field]).toBe(value)
  } else {
    expect([401, 403, 404]).toContain(response.status)
    expect(after[field]).toBe(before[field])
  }
}

const checkUpdate = async (who: Client, whoName: Who, collection: string, rule: string) => {
  if (isGlobal(collection)) {
    const current = (await as.admin.get('/api/globals/site-settings')).body
    const before = current.forceName
    // GraphQL's schema asks for the required groups too: the quick exit goes back as it was.
    const quickExit = { label: current.quickExit.label, url: current.quickExit.url }
    const response = await who.updateGlobal('site-settings', {
      forceName: `Force ${next()}`,
      quickExit,
    })
    const after = (await as.admin.get('/api/globals/site-settings')).body.forceName
    if (rule === 'yes')
      expect([response.status, after === before], JSON.stringify(response.body)).toEqual([
        200,
        false,
      ])
    else {
      expectRefused(response.status, response.body)
      expect(after).toBe(before)
    }
    return
  }
  const liveTarget =
    collection === 'news'
      ? fx.publicRelease
      : (shared as readonly string[]).includes(collection)
        ? fx.used[collection]!
        : undefined
  const freeTarget =
    collection === 'news'
      ? fx.draftRelease
      : (shared as readonly string[]).includes(collection)
        ? fx.unused[collection]!
        : collection === 'recruitment-ctas'
          ? fx.runningCta
          : collection === 'categories'
            ? fx.category
            : collection === 'media-lists'
              ? fx.mediaList
              : collection === 'media-contacts'
                ? fx.mediaContact
                : collection === 'subscribers'
                  ? fx.subscriber
                  : fx.users.author
  switch (rule) {
    case 'yes':
      await expectUpdate(who, collection, liveTarget ?? freeTarget, true)
      if (collection === 'users') await expectUpdate(who, collection, fx.users.editor, true)
      return
    case 'no':
      await expectUpdate(who, collection, freeTarget, false)
      return
    case 'unpublished':
      await expectUpdate(who, collection, freeTarget, true)
      await expectUpdate(who, collection, liveTarget!, false)
      return
    case 'self':
      await expectUpdate(who, collection, fx.users[whoName], true)
      await expectUpdate(
        who,
        collection,
        fx.users[whoName === 'author' ? 'editor' : 'author'],
        false,
      )
      return
  }
  throw new Error(`Unknown rule "${rule}" for ${collection} update`)
}

const checkDelete = async (who: Client, collection: string, rule: string) => {
  const fresh = await makeAsAdmin(
    collection,
    collection === 'news' ? { ...validData.news!(), _status: 'draft' } : undefined,
  )
  const exists = async (id: number) =>
    (await as.admin.get(`/api/${collection}/${id}?draft=true`)).status === 200
  const response = await who.remove(collection, fresh)
  if (rule === 'yes' || rule === 'unpublished') {
    expect(response.status).toBe(200)
    expect(await exists(fresh)).toBe(false)
  } else {
    expect(rule).toBe('no')
    expect([401, 403, 404]).toContain(response.status)
    expect(await exists(fresh)).toBe(true)
  }
  if (rule === 'unpublished') {
    const live = (await publishRelease(as.admin, validData.news!())).id
    expect([403, 404]).toContain((await who.remove('news', live)).status)
    expect(await exists(live)).toBe(true)
  }
}

/**
 * Publishing is approving a release someone else submitted (the workflow's second pair of
 * eyes), through the workflow's own endpoint, which records who did it; GraphQL has no
 * other way in. Writing the status directly is refused to everyone, over either API.
 */
const checkPublish = async (who: Client, whoName: Who, rule: string) => {
  const submitted = await createDraft(as.author, validData.news!())
  expect((await transition(as.author, submitted.id, 'submit')).status).toBe(200)
  const response = await transition(as[whoName], submitted.id, 'approve')
  const after = await getAsAdmin('news', submitted.id)
  if (rule === 'yes') {
    expect(response.status).toBe(200)
    expect([after._status, after.workflowState]).toEqual(['published', 'approved'])
  } else {
    expectRefused(response.status)
    expect([after._status, after.workflowState]).toEqual(['draft', 'in-review'])
  }
  const direct = await createDraft(as.admin, validData.news!())
  expectRefused((await who.update('news', direct.id, { _status: 'published' })).status)
  expect((await getAsAdmin('news', direct.id))._status).toBe('draft')
}

/**
 * What follows a police release (src/workflow/machine.ts): taking a missing person's appeal down
 * when they are found and a wanted person's photo when they are arrested; marking a case active,
 * closing an appeal. Workflow steps are REST endpoints, whichever transport the row is for.
 */
const policeRelease = (kind: string, extra: Record<string, unknown> = {}) =>
  publishRelease(as.admin, { ...validData.news!(), kind, ...extra })

const checkTakeDown = async (whoName: Who, rule: string) => {
  const missing = await policeRelease('missing-person', { missingPerson: { name: 'Ann Example' } })
  const wanted = await policeRelease('wanted', { wanted: { name: 'Sam Example' } })
  const found = await transition(as[whoName], missing.id, 'found', {})
  const arrested = await transition(as[whoName], wanted.id, 'arrested', {})
  const [missingNow, wantedNow] = [
    await getAsAdmin('news', missing.id),
    await getAsAdmin('news', wanted.id),
  ]
  if (rule === 'yes') {
    expect([found.status, arrested.status]).toEqual([200, 200])
    expect(missingNow.after.foundAt).toBeTruthy()
    expect(missingNow.missingPerson.name).toBeNull()
    expect(wantedNow.after.arrestedAt).toBeTruthy()
    return
  }
  expect(rule).toBe('no')
  expectRefused(found.status, found.body)
  expectRefused(arrested.status, arrested.body)
  expect(missingNow.missingPerson.name).toBe('Ann Example')
  expect(wantedNow.after?.arrestedAt ?? null).toBeNull()
}

const checkCaseSteps = async (whoName: Who, rule: string) => {
  const appeal = await policeRelease('appeal', { appeal: { reference: '26001234' } })
  const charged = await transition(as[whoName], appeal.id, 'charged', { note: 'A man is charged.' })
  const closed = await transition(as[whoName], appeal.id, 'closeAppeal', {})
  const now = await getAsAdmin('news', appeal.id)
  if (rule === 'yes') {
    expect([charged.status, closed.status]).toEqual([200, 200])
    expect(now.after).toMatchObject({ activeProceedingsNote: 'A man is charged.' })
    expect(now.after.appealClosedAt).toBeTruthy()
    // The public sees the appeal is closed; that proceedings are active is the staff's.
    const seen = (await as.anonymous.get(`/api/news/${appeal.id}`)).body
    expect(seen.after.appealClosedAt).toBeTruthy()
    expect(seen.after.activeProceedingsSince).toBeUndefined()
    expect(seen.after.activeProceedingsNote).toBeUndefined()
    return
  }
  expect(rule).toBe('no')
  expectRefused(charged.status, charged.body)
  expectRefused(closed.status, closed.body)
  expect(now.after?.activeProceedingsSince ?? null).toBeNull()
  expect(now.after?.appealClosedAt ?? null).toBeNull()
}

const checkChangeRoles = async (who: Client, whoName: Who, rule: string) => {
  if (rule === 'yes') {
    const someone = await makeAsAdmin('users')
    expect((await who.update('users', someone, { roles: ['editor'] })).status).toBe(200)
    expect((await getAsAdmin('users', someone)).roles).toEqual(['editor'])
    return
  }
  expect(rule).toBe('no')
  if (whoName === 'anonymous') {
    expectRefused((await who.update('users', fx.users.author, { roles: ['admin'] })).status)
    expect((await getAsAdmin('users', fx.users.author)).roles).toEqual(['author'])
    return
  }
  const before = (await getAsAdmin('users', fx.users[whoName])).roles
  await who.update('users', fx.users[whoName], { roles: ['admin'] })
  expect((await getAsAdmin('users', fx.users[whoName])).roles).toEqual(before)
}

describe('the access table in docs/access.md', () => {
  it('covers every collection and global, and every action', () => {
    const covered = new Set(table.map((row) => row.collection))
    expect([...covered].sort()).toEqual([
      'categories',
      'media',
      'media-contacts',
      'media-lists',
      'news',
      'quotes',
      'recruitment-ctas',
      'report-links',
      'site-settings',
      'subscribers',
      'users',
    ])
    for (const row of table)
      for (const who of WHO)
        expect(row.rules[who], `${row.collection} ${row.action} ${who}`).toBeTruthy()
  })

  for (const transport of TRANSPORTS) {
    describe(`over ${transport}`, () => {
      for (const row of table) {
        for (const who of WHO) {
          const rule = row.rules[who]
          it(`${row.collection} · ${row.action} · ${who}: ${rule}`, async () => {
            const client = (transport === 'REST' ? restClient : graphqlClient)(as[who])
            switch (row.action) {
              case 'read':
                return checkRead(client, row.collection, rule)
              case 'create':
                return checkCreate(client, who, row.collection, rule)
              case 'update':
                return checkUpdate(client, who, row.collection, rule)
              case 'delete':
                return checkDelete(client, row.collection, rule)
              case 'publish':
                return checkPublish(client, who, rule)
              case 'change roles':
                return checkChangeRoles(client, who, rule)
              case 'take down':
                return checkTakeDown(who, rule)
              case 'charge or close':
                return checkCaseSteps(who, rule)
            }
            throw new Error(`The test does not know the action "${row.action}"`)
          })
        }
      }
    })
  }
})

describe('accounts', () => {
  it('will not take the admin role from the last admin', async () => {
    const admins = (await as.admin.get('/api/users?where[roles][contains]=admin&limit=1')).body
      .totalDocs
    expect(admins).toBe(1)
    const response = await as.admin.patch(`/api/users/${fx.users.admin}`, { roles: ['editor'] })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toContain('at least one admin')
    expect((await getAsAdmin('users', fx.users.admin)).roles).toEqual(['admin'])
  })

  it('will not delete the last admin', async () => {
    const response = await as.admin.delete(`/api/users/${fx.users.admin}`)
    expect(response.status).toBe(400)
    expect((await getAsAdmin('users', fx.users.admin)).email).toBe(ADMIN.email)
  })

  it('sends a new Newsroom with no users to the create-first-user screen, and makes the first account created an admin whatever roles were asked for', async () => {
    const fresh = await startServer({ env: { ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined } })
    try {
      // Next.js redirects from inside the streamed page (a browser follows it): /admin → /admin/login → create-first-user.
      const redirectIn = async (path: string) =>
        /NEXT_REDIRECT;replace;([^;]+);/.exec(await (await fetch(fresh.url + path)).text())?.[1]
      expect(await redirectIn('/admin')).toBe('/admin/login')
      expect(await redirectIn('/admin/login')).toBe('/admin/create-first-user')
      const first = await api(fresh.url).post('/api/users/first-register', {
        email: 'first@northmoor.test',
        password: 'a-long-test-password-42',
        name: 'First',
        roles: ['author'],
      })
      expect(first.status).toBe(200)
      expect(first.body.user.roles).toEqual(['admin'])
      const redirect = await fetch(`${fresh.url}/admin`, { redirect: 'manual' })
      expect(redirect.status).toBeLessThan(400)
    } finally {
      await fresh.stop()
    }
    // The test starts a server of its own: the hook's allowance, not a request's.
  }, 180_000)
})
