/**
 * How large the diagram's labels are drawn and how large they must be seen to be read:
 * the level of detail (`level-of-detail.ts`) and the preview's opening zoom
 * (`extension/webview/viewport.ts`) both go by these. A file of its own so that the
 * webview can import it without the model.
 */

/** The text size, in CSS pixels at the zoom the view opens with, below which a label is not read. */
export const MIN_TEXT_PX = 9;
/** The size the diagram's labels are drawn at (`base.css`, `.label`). */
export const LABEL_PX = 13;
