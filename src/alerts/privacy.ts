import type { PayloadHandler } from 'payload'

import { isAdminUser } from '../access/roles'
import type { Subscriber } from '../payload-types'

/**
 * Everything held about one subscriber, for an admin to give them when they ask (a subject
 * access request): their record and each alert sent to them, as a JSON file. Admins only.
 */
export const exportSubscriber: PayloadHandler = async (req) => {
  if (!isAdminUser(req.user))
    return Response.json(
      { errors: [{ message: 'Only admins may export what is held about a subscriber.' }] },
      { status: req.user ? 403 : 401 },
    )
  const id = String(req.routeParams?.id ?? '')
  const subscriber = (await req.payload.findByID({
    collection: 'subscribers',
    id,
    depth: 1,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as Subscriber | null
  if (!subscriber)
    return Response.json(
      { errors: [{ message: 'There is no subscriber with that id.' }] },
      { status: 404 },
    )
  const { docs } = await req.payload.find({
    collection: 'alert-deliveries',
    where: { subscriber: { equals: subscriber.id } },
    depth: 1,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const body = {
    exportedAt: new Date().toISOString(),
    subscriber: {
      email: subscriber.email,
      status: subscriber.status,
      allNews: subscriber.allNews,
      categories: (subscriber.categories ?? []).map((c) => (typeof c === 'object' ? c.name : c)),
      frequency: subscriber.frequency,
      subscribedAt: subscriber.createdAt,
      confirmedAt: subscriber.confirmedAt ?? null,
      bouncedAt: subscriber.bouncedAt ?? null,
      bounce: subscriber.bounce ?? null,
    },
    emails: docs.map((delivery) => {
      const run = delivery.run && typeof delivery.run === 'object' ? delivery.run : null
      return {
        alert: run?.key ?? null,
        status: delivery.status,
        sentAt: delivery.sentAt ?? null,
      }
    }),
  }
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="subscriber-${subscriber.id}.json"`,
      'Cache-Control': 'no-store',
    },
  })
}
