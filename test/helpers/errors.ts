/** The field messages in a Payload error response, as { path: message }. */
export const fieldErrors = (body: any): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const error of body?.errors ?? []) {
    for (const field of error?.data?.errors ?? []) out[field.path] = field.message
  }
  return out
}

/** Every message in a Payload error response, joined, for "says what is wrong" checks. */
export const allMessages = (body: any): string =>
  [
    ...(typeof body?.message === 'string' ? [body.message] : []),
    ...(body?.errors ?? []).flatMap((error: any) => [
      error.message,
      ...(error?.data?.errors ?? []).map((f: any) => f.message),
    ]),
  ].join(' | ')
