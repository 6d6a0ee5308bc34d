import { APIError } from 'payload'

/** A refusal the person should read: shown as is, with its status (403, 409, 400…). */
export class WorkflowError extends APIError {
  constructor(message: string, status: number) {
    super(message, status, undefined, true)
  }
}
