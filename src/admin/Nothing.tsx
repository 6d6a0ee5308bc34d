/** Stands in for a control of Payload's that Newsroom replaces (the workflow unpublishes). */
export const Nothing = () => null
