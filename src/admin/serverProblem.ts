/** What went wrong, in the server's words: Payload's errors, with the field errors a ValidationError carries. */
export const serverProblem = async (response: Response): Promise<string> => {
  try {
    const body = await response.json()
    return (
      body?.errors
        ?.map((e: { message: string; data?: { errors?: { message: string }[] } }) =>
          [e.message, ...(e.data?.errors ?? []).map((f) => f.message)].join(' '),
        )
        .join(' ') || `The server answered ${response.status}.`
    )
  } catch {
    return `The server answered ${response.status}.`
  }
}
