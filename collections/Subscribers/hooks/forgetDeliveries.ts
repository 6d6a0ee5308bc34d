import type { CollectionBeforeDeleteHook } from 'payload'

import { deliveryStore } from '../../../src/alerts/deliveries'

/** A subscriber deleted (by an admin, or by unsubscribing) leaves nothing behind: their deliveries go first. */
export const forgetDeliveries: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await deliveryStore(req.payload).forgetSubscriber(id)
}
