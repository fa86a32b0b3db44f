/** Colour of a badge or banner, as in the Shopify admin. */
export type Tone = 'success' | 'attention' | 'info' | 'critical' | 'new';

/** How a record status is shown: a label and a tone. */
export interface StatusBadge {
  label: string;
  tone: Tone;
  /** Filled dot (done) or ring (still moving). */
  complete: boolean;
}
