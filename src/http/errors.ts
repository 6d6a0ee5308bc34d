import type { ErrorRequestHandler } from 'express'

/**
 * The last resort for an error nothing else handled: a plain answer with no stack trace,
 * file path or library name, and the details in the server log instead.
 */
export const plainErrorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const status = Number((error as { status?: number }).status ?? (error as { statusCode?: number }).statusCode)
  const clientError = status >= 400 && status < 500
  if (!clientError) console.error(`Error serving ${req.method} ${req.originalUrl}:`, error)
  if (res.headersSent) {
    res.destroy()
    return
  }
  res.status(clientError ? status : 500)
  res.set('Cache-Control', 'no-store')
  res.type('text/plain').send(clientError ? 'The request could not be understood.' : 'Sorry, something went wrong on our side. Please try again shortly.')
}
