/**
 * Which workflow events e-mail whom (src/workflow/notify.ts), as a table: the event, who is
 * told, and the checkbox on the person's account that lets them say no. Kept apart from the
 * sending so that the users collection can list the checkboxes without importing the mailer.
 */
export type Audience = 'editors' | 'authors' | 'linkMaker'

export const NOTIFICATIONS = [
  {
    event: 'submit',
    preference: 'submitted',
    audience: 'editors',
    label: 'A release is submitted for review (editors)',
  },
  {
    event: 'return',
    preference: 'returned',
    audience: 'authors',
    label: 'My release is returned to me, with the editor’s note',
  },
  {
    event: 'approve',
    preference: 'approved',
    audience: 'authors',
    label: 'My release is approved and published',
  },
  {
    event: 'schedule',
    preference: 'scheduled',
    audience: 'authors',
    label: 'My release is approved and scheduled',
  },
  {
    event: 'lifted',
    preference: 'lifted',
    audience: 'authors',
    label: 'The embargo on my release lifts',
  },
  {
    event: 'liftFailed',
    preference: 'liftFailed',
    audience: 'editors',
    label:
      'What should follow an embargo lift (webhooks, history) fails after every retry (editors)',
  },
  {
    event: 'previewOpened',
    preference: 'previewOpened',
    audience: 'linkMaker',
    label: 'A journalist first opens a preview link I made',
  },
] as const satisfies readonly {
  event: string
  preference: string
  audience: Audience
  label: string
}[]

export type Notification = (typeof NOTIFICATIONS)[number]

export const notificationFor = (event: string): Notification | undefined =>
  NOTIFICATIONS.find((n) => n.event === event)
