import type { ReactNode } from 'react'

import express, { type Request, type RequestHandler, type Response, type Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import type { Payload } from 'payload'

import { limitFrom } from '../http/limitFrom'
import type { Category, SiteSetting, Subscriber } from '../payload-types'
import type { SiteContent } from '../site/content'
import { htmlPage } from '../site/render'
import { ErrorPage } from '../site/pages/NotFoundPage'
import type { PageMeta } from '../site/layout/Layout'
import {
  CheckEmailPage,
  ConfirmedPage,
  ConfirmPage,
  LinkProblemPage,
  ManagePage,
  SubscribePage,
  UnsubscribedPage,
  UnsubscribePage,
} from './pages'
import {
  changeChoices,
  confirmSubscription,
  lookUpConfirmation,
  readChoices,
  readEmail,
  requestSubscription,
  subscriberForLink,
  unsubscribe,
} from './subscriptions'
import { linkToken } from './tokens'

/**
 * The alert pages that take input or carry a token (GET /alerts itself is a cached page in the
 * site's route table): subscribing, confirming, changing one's choices and leaving. Nothing
 * here is kept by any cache, and the token in an address never reaches another site (the
 * public site sends no Referer).
 *
 * POST /alerts/unsubscribe/:token is also the one-click unsubscribe of RFC 8058: a mail
 * program posts `List-Unsubscribe=One-Click` to the address in the e-mail's List-Unsubscribe.
 */
/**
 * RFC 8058 lets a mail program send its one-click request as multipart/form-data too: its one
 * field is read here (a few bytes; anything larger is not such a request).
 */
const oneClickBody: RequestHandler = (req, _res, next) => {
  if (!req.is('multipart/form-data')) return next()
  let raw = ''
  req.setEncoding('utf8')
  req.on('data', (chunk: string) => {
    raw += chunk
    if (raw.length > 8192) req.destroy()
  })
  req.on('end', () => {
    if (/name="List-Unsubscribe"\r?\n\r?\n\s*One-Click\s*(\r?\n|$)/.test(raw))
      req.body = { 'List-Unsubscribe': 'One-Click' }
    next()
  })
  req.on('error', next)
}

export const alertRoutes = ({
  payload,
  content,
  siteUrl,
}: {
  payload: Payload
  content: SiteContent
  siteUrl: string
}): Router => {
  const router = express.Router()
  const form = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 100 })

  const send = async (
    res: Response,
    status: number,
    meta: PageMeta,
    page: ReactNode,
    settings?: SiteSetting,
  ) => {
    const rendered = htmlPage(
      status,
      {
        settings: settings ?? (await content.settings()),
        siteUrl,
        meta: { noindex: true, ...meta },
      },
      page,
    )
    res
      .status(rendered.status)
      .set('Cache-Control', 'no-store')
      .type(rendered.type)
      .send(rendered.body)
  }

  // Requests for alerts from one client address: enough for a household, not for a script
  // signing strangers up. Each address gets at most three e-mails a day besides (subscriptions.ts).
  const requests = rateLimit({
    windowMs: 60 * 60 * 1000,
    limit: limitFrom('ALERTS_RATE_LIMIT', 10),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // A form sent back with a mistake in it (a 400) is not counted: someone who mistypes is not
    // the script this limit is for.
    skipFailedRequests: true,
    handler: (_req, res) =>
      void send(
        res,
        429,
        { title: 'Too many requests' },
        <ErrorPage
          title="Too many requests from your connection"
          message="Please try again in an hour. If you need the police urgently, call 999. For anything else, call 101."
        />,
      ),
  })

  const categoriesNow = (): Promise<Category[]> => content.categories()

  router.post('/alerts', requests, form, async (req, res, next) => {
    try {
      const body = (req.body ?? {}) as Record<string, unknown>
      const [settings, categories] = await Promise.all([content.settings(), categoriesNow()])
      const { email, error } = readEmail(body)
      const { choices, errors } = readChoices(body, categories)
      const all = [...(error ? [error] : []), ...errors]
      if (all.length)
        return await send(
          res,
          400,
          { title: 'Error: Get our news by e-mail' },
          <SubscribePage
            forceName={settings.forceName}
            categories={categories}
            email={email}
            choices={choices}
            errors={all}
          />,
          settings,
        )
      await requestSubscription(payload, email, choices)
      await send(
        res,
        200,
        { title: 'Check your e-mail' },
        <CheckEmailPage email={email} />,
        settings,
      )
    } catch (failure) {
      next(failure)
    }
  })

  const confirmation = async (req: Request, res: Response, confirm: boolean) => {
    const token = String(req.params.token)
    const found = confirm
      ? await confirmSubscription(payload, token)
      : await lookUpConfirmation(payload, token)
    if (!('subscriber' in found))
      return send(
        res,
        found.status === 'expired' ? 410 : 404,
        { title: found.status === 'expired' ? 'This link has expired' : 'This link does not work' },
        <LinkProblemPage expired={found.status === 'expired'} />,
      )
    const subscriber = await withCategories(found.subscriber.id)
    if (!subscriber)
      return send(
        res,
        404,
        { title: 'This link does not work' },
        <LinkProblemPage expired={false} />,
      )
    // Following the link shows what will be sent and asks to confirm: a mail scanner that opens
    // links must not subscribe anybody.
    if (!confirm && found.status === 'confirmed')
      return send(
        res,
        200,
        { title: 'Confirm your subscription' },
        <ConfirmPage subscriber={subscriber} token={token} />,
      )
    return send(
      res,
      200,
      { title: 'You have subscribed' },
      <ConfirmedPage subscriber={subscriber} />,
    )
  }

  const withCategories = async (id: number | string) =>
    (await payload.findByID({
      collection: 'subscribers',
      id,
      depth: 1,
      overrideAccess: true,
      showHiddenFields: true,
      disableErrors: true,
    })) as Subscriber | null

  router.get('/alerts/confirm/:token', (req, res, next) =>
    confirmation(req, res, false).catch(next),
  )
  router.post('/alerts/confirm/:token', form, (req, res, next) =>
    confirmation(req, res, true).catch(next),
  )

  const badLink = (res: Response) =>
    send(res, 404, { title: 'This link does not work' }, <LinkProblemPage expired={false} />)

  router.get('/alerts/manage/:token', async (req, res, next) => {
    try {
      const token = String(req.params.token)
      const found = await subscriberForLink(payload, token, 'manage')
      const subscriber = found && (await withCategories(found.id))
      if (!subscriber) return await badLink(res)
      await send(
        res,
        200,
        { title: 'Change what you get by e-mail' },
        <ManagePage
          subscriber={subscriber}
          categories={await categoriesNow()}
          token={token}
          unsubscribeToken={linkToken('unsubscribe', subscriber.id, subscriber.linkKey ?? '')}
        />,
      )
    } catch (failure) {
      next(failure)
    }
  })

  router.post('/alerts/manage/:token', form, async (req, res, next) => {
    try {
      const token = String(req.params.token)
      const found = await subscriberForLink(payload, token, 'manage')
      if (!found) return await badLink(res)
      const categories = await categoriesNow()
      const { choices, errors } = readChoices(
        (req.body ?? {}) as Record<string, unknown>,
        categories,
      )
      const unsubscribeToken = linkToken('unsubscribe', found.id, found.linkKey ?? '')
      if (errors.length) {
        const subscriber = (await withCategories(found.id))!
        return await send(
          res,
          400,
          { title: 'Error: Change what you get by e-mail' },
          <ManagePage
            subscriber={subscriber}
            categories={categories}
            token={token}
            unsubscribeToken={unsubscribeToken}
            errors={errors}
            choices={choices}
          />,
        )
      }
      await changeChoices(payload, found, choices)
      const subscriber = (await withCategories(found.id))!
      await send(
        res,
        200,
        { title: 'Your choices are saved' },
        <ManagePage
          subscriber={subscriber}
          categories={categories}
          token={token}
          unsubscribeToken={unsubscribeToken}
          saved
        />,
      )
    } catch (failure) {
      next(failure)
    }
  })

  router.get('/alerts/unsubscribe/:token', async (req, res, next) => {
    try {
      const token = String(req.params.token)
      const subscriber = await subscriberForLink(payload, token, 'unsubscribe')
      // Already gone (the address deleted): say so as if it had just happened.
      if (!subscriber) return await badLink(res)
      await send(
        res,
        200,
        { title: 'Stop getting our news by e-mail?' },
        <UnsubscribePage subscriber={subscriber} token={token} />,
      )
    } catch (failure) {
      next(failure)
    }
  })

  router.post('/alerts/unsubscribe/:token', form, oneClickBody, async (req, res, next) => {
    try {
      const subscriber = await subscriberForLink(payload, String(req.params.token), 'unsubscribe')
      const oneClick =
        (req.body as Record<string, unknown> | undefined)?.['List-Unsubscribe'] === 'One-Click'
      if (subscriber) await unsubscribe(payload, subscriber)
      // A mail program's one-click request (RFC 8058) needs only the status; a person gets a page.
      if (oneClick)
        return void res
          .status(subscriber ? 200 : 404)
          .set('Cache-Control', 'no-store')
          .type('text/plain')
          .send(subscriber ? 'Unsubscribed.' : 'This link does not work.')
      if (!subscriber) return await badLink(res)
      await send(res, 200, { title: 'You have unsubscribed' }, <UnsubscribedPage />)
    } catch (failure) {
      next(failure)
    }
  })

  return router
}
