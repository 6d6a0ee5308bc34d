/**
 * Payload's own words where a comms officer meets them, in a press office's language rather
 * than a developer's ("Quote Relationship", "Add Relationship", "Select a Collection to
 * Browse"). Merged over Payload's English by `i18n.translations` in payload.config.ts; the
 * keys are Payload's (@payloadcms/translations).
 */
export const PRESS_OFFICE_WORDS = {
  fields: {
    // The body's block button, and the card a placed quote or report link shows in the body.
    addRelationship: 'Place a quote or report link',
    labelRelationship: '{{label}} in the body',
    swapRelationship: 'Choose another',
    removeRelationship: 'Take out of the body',
    editRelationship: 'Edit',
    relatedDocument: 'Page on this site',
    chooseDocumentToLink: 'Choose the page to link to',
    internalLink: 'A page on this site',
    customURL: 'A web address',
    enterURL: 'Enter a web address',
    linkType: 'Link to',
  },
  general: {
    // An empty cell in a list: "No category", not "<No Category>".
    noLabel: 'No {{label}}',
  },
  upload: {
    selectCollectionToBrowse: 'Show',
  },
} as const
