/**
 * Finding badges keep a readable size at every zoom: below 100 % they are drawn larger by
 * the inverse of the zoom (the CSS in `preview.css` scales each badge about its centre by
 * `--badge-scale`), up to a limit so that a far-out overview is not all badges.
 */

/** The most a badge is enlarged: below 25 % zoom badges shrink again, so that a far-out overview is not all badges. */
export const MAX_BADGE_SCALE = 4;

/** The factor badges are drawn at for a zoom: 1 from 100 % up, 1 / zoom below, at most MAX_BADGE_SCALE. */
export function badgeScale(zoom: number): number {
    if (!(zoom > 0)) return 1;
    return Math.min(MAX_BADGE_SCALE, Math.max(1, 1 / zoom));
}
