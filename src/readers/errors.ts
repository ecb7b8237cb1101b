/** A document that a reader cannot read: its message is the one line the student sees. */
export class ReaderError extends Error {}
