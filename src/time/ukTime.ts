/** Every time a reader or an editor sees is UK time: Europe/London, GMT in winter, BST in summer. */
export const UK_TIME_ZONE = 'Europe/London'
