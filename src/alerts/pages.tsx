/**
 * The public pages of e-mail alerts (/alerts): plain HTML forms that work without JavaScript,
 * with errors as GOV.UK shows them (a summary at the top linking to each field, and the message
 * beside the field). No page says whether an address was already known.
 */
import type { Category, SiteSetting, Subscriber } from '../payload-types'
import type { PageModule } from '../site/page'
import { describeChoices } from './messages'
import type { Choices, FieldError } from './subscriptions'

const errorFor = (errors: FieldError[], field: string) => errors.find((e) => e.field === field)

const ErrorSummary = ({ errors }: { errors: FieldError[] }) =>
  errors.length ? (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.field + error.message}>
            <a
              href={`#${error.field === 'what' ? 'what-all' : error.field === 'frequency' ? 'frequency-immediately' : error.field}`}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  ) : null

const FieldMessage = ({ id, error }: { id: string; error?: FieldError }) =>
  error ? (
    <p className="field-error" id={id}>
      <span className="visually-hidden">Error: </span>
      {error.message}
    </p>
  ) : null

const choiceIs = (choices: Partial<Choices>, id: number | string) =>
  (choices.categories ?? []).some((c) => String(c) === String(id))

/** What to get and how often: the same fieldsets to subscribe and to change one's choices. */
const ChoiceFields = ({
  categories,
  choices,
  errors,
}: {
  categories: Category[]
  choices: Partial<Choices>
  errors: FieldError[]
}) => {
  const what = errorFor(errors, 'what') ?? errorFor(errors, 'categories')
  const frequency = errorFor(errors, 'frequency')
  const some = choices.allNews === false
  return (
    <>
      <fieldset
        className={`field${what ? ' field--error' : ''}`}
        aria-describedby={what ? 'what-error' : undefined}
      >
        <legend>What do you want to get?</legend>
        <FieldMessage id="what-error" error={what} />
        <div className="choice">
          <input id="what-all" type="radio" name="what" value="all" defaultChecked={!some} />
          <label htmlFor="what-all">All our news</label>
        </div>
        <div className="choice">
          <input id="what-some" type="radio" name="what" value="some" defaultChecked={some} />
          <label htmlFor="what-some">Only news about the topics I choose</label>
        </div>
        {categories.length ? (
          <fieldset className="choice__topics" id="categories">
            <legend>Topics (if you chose only some)</legend>
            {categories.map((category) => (
              <div className="choice" key={category.id}>
                <input
                  id={`category-${category.id}`}
                  type="checkbox"
                  name="categories"
                  value={String(category.id)}
                  defaultChecked={choiceIs(choices, category.id)}
                />
                <label htmlFor={`category-${category.id}`}>{category.name}</label>
              </div>
            ))}
          </fieldset>
        ) : null}
      </fieldset>
      <fieldset
        className={`field${frequency ? ' field--error' : ''}`}
        aria-describedby={frequency ? 'frequency-error' : undefined}
      >
        <legend>How often?</legend>
        <FieldMessage id="frequency-error" error={frequency} />
        <div className="choice">
          <input
            id="frequency-immediately"
            type="radio"
            name="frequency"
            value="immediately"
            defaultChecked={choices.frequency !== 'daily'}
          />
          <label htmlFor="frequency-immediately">As soon as we publish it</label>
        </div>
        <div className="choice">
          <input
            id="frequency-daily"
            type="radio"
            name="frequency"
            value="daily"
            defaultChecked={choices.frequency === 'daily'}
          />
          <label htmlFor="frequency-daily">Once a day, at 8am, with the day’s news</label>
        </div>
      </fieldset>
    </>
  )
}

export type SubscribeForm = {
  forceName: string
  categories: Category[]
  email?: string
  choices?: Partial<Choices>
  errors?: FieldError[]
}

export const SubscribePage = ({
  forceName,
  categories,
  email = '',
  choices = {},
  errors = [],
}: SubscribeForm) => {
  const emailError = errorFor(errors, 'email')
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Get our news by e-mail</h1>
      <p>
        We will e-mail you when {forceName} publishes news: all of it, or only the topics you
        choose, as it is published or once a day.
      </p>
      <form className="alerts-form" action="/alerts" method="post" noValidate>
        <div className={`field${emailError ? ' field--error' : ''}`}>
          <label htmlFor="email">Your e-mail address</label>
          <FieldMessage id="email-error" error={emailError} />
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            spellCheck={false}
            defaultValue={email}
            maxLength={254}
            aria-describedby={emailError ? 'email-error' : undefined}
            aria-invalid={emailError ? true : undefined}
          />
        </div>
        <ChoiceFields categories={categories} choices={choices} errors={errors} />
        <button type="submit">Subscribe</button>
      </form>
      <h2>What we do with your address</h2>
      <p>
        We use it only to send you these e-mails. We send a link to confirm first, and nothing else
        until you follow it. Every e-mail has a link to change what you get or to stop; stopping
        deletes your address. Our e-mails do not track whether you open them or what you click.
      </p>
    </>
  )
}

export const CheckEmailPage = ({ email }: { email: string }) => (
  <>
    <h1>Check your e-mail</h1>
    <p>
      We have sent a link to <strong className="break-anywhere">{email}</strong>. Follow it to
      confirm: we send nothing else until you do. The link works for 7 days.
    </p>
    <p>
      If nothing arrives in a few minutes, check your junk mail, or <a href="/alerts">try again</a>.
      If the address already gets our news, the e-mail has a link to change what you get instead.
    </p>
  </>
)

const describe = describeChoices

export const ConfirmPage = ({ subscriber, token }: { subscriber: Subscriber; token: string }) => (
  <>
    <h1>Confirm your subscription</h1>
    <p>
      <strong className="break-anywhere">{subscriber.email}</strong> will get {describe(subscriber)}
      .
    </p>
    <form action={`/alerts/confirm/${token}`} method="post">
      <button type="submit">Confirm</button>
    </form>
  </>
)

export const ConfirmedPage = ({ subscriber }: { subscriber: Subscriber }) => (
  <>
    <h1>You have subscribed</h1>
    <p>
      <strong className="break-anywhere">{subscriber.email}</strong> will get {describe(subscriber)}
      .
    </p>
    <p>Every e-mail has links to change what you get or to stop.</p>
    <p>
      <a href="/">Go to the latest news</a>
    </p>
  </>
)

export const LinkProblemPage = ({ expired }: { expired: boolean }) => (
  <>
    <h1>{expired ? 'This link has expired' : 'This link does not work'}</h1>
    <p>
      {expired
        ? 'Links to confirm work for 7 days.'
        : 'It may have been used already, or copied only in part. If you have unsubscribed, there is nothing more to do: we have deleted your address.'}
    </p>
    <p>
      <a href="/alerts">Subscribe to our news by e-mail</a>
    </p>
  </>
)

export const ManagePage = ({
  subscriber,
  categories,
  token,
  unsubscribeToken,
  errors = [],
  saved = false,
  choices,
}: {
  subscriber: Subscriber
  categories: Category[]
  token: string
  unsubscribeToken: string
  errors?: FieldError[]
  saved?: boolean
  choices?: Partial<Choices>
}) => (
  <>
    <ErrorSummary errors={errors} />
    {saved ? (
      <div className="confirmation-notice" role="status">
        <h2>Your choices are saved</h2>
        <p>You will get {describe(subscriber)}.</p>
      </div>
    ) : null}
    <h1>Change what you get by e-mail</h1>
    <p>
      For <strong className="break-anywhere">{subscriber.email}</strong>.
    </p>
    <form className="alerts-form" action={`/alerts/manage/${token}`} method="post" noValidate>
      <ChoiceFields
        categories={categories}
        choices={
          choices ?? {
            allNews: subscriber.allNews ?? true,
            categories: (subscriber.categories ?? []).map((c) =>
              typeof c === 'object' ? c.id : c,
            ),
            frequency: subscriber.frequency,
          }
        }
        errors={errors}
      />
      <button type="submit">Save my choices</button>
    </form>
    <h2>Stop getting our news by e-mail</h2>
    <form
      className="alerts-form__last"
      action={`/alerts/unsubscribe/${unsubscribeToken}`}
      method="post"
    >
      <button type="submit" className="button--secondary">
        Unsubscribe
      </button>
    </form>
  </>
)

export const UnsubscribePage = ({
  subscriber,
  token,
}: {
  subscriber: Subscriber
  token: string
}) => (
  <>
    <h1>Stop getting our news by e-mail?</h1>
    <p>
      We will send nothing more to <strong className="break-anywhere">{subscriber.email}</strong>,
      and delete the address.
    </p>
    <form action={`/alerts/unsubscribe/${token}`} method="post">
      <button type="submit">Unsubscribe</button>
    </form>
  </>
)

export const UnsubscribedPage = () => (
  <>
    <h1>You have unsubscribed</h1>
    <p>We will not e-mail you again, and we have deleted your address.</p>
    <p>
      <a href="/alerts">Subscribe again</a> · <a href="/">Go to the latest news</a>
    </p>
  </>
)

/** GET /alerts: the form, cached like any page (it changes only with the categories). */
export const alertsPage: PageModule<{ settings: SiteSetting; categories: Category[] }> = {
  path: '/alerts',
  load: async (_req, { content }) => {
    const [settings, categories] = await Promise.all([content.settings(), content.categories()])
    return { settings, categories }
  },
  metadata: ({ settings }) => ({
    title: 'Get our news by e-mail',
    description: `E-mail alerts of news from ${settings.forceName}: all of it or chosen topics, as it is published or once a day.`,
    canonicalPath: '/alerts',
  }),
  Component: ({ settings, categories }) => (
    <SubscribePage forceName={settings.forceName} categories={categories} />
  ),
}
