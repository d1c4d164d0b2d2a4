/**
 * Links drawn on the diagram (`<a href>` of `safe-link.ts`) never navigate the webview: a
 * click posts the address to the extension, which opens it after VS Code's confirmation
 * (web) or in the editor (a file beside the `.arch` file).
 */

/** The address of the link at an event's target, if it is in one (`svg-import.ts` keeps `data-href`, not `href`). */
export function linkAt(target: EventTarget | null | undefined): string | undefined {
    if (!(target instanceof Element)) return undefined;
    return target.closest('a')?.getAttribute('data-href') ?? undefined;
}

/**
 * Stops every activation of a link in the page from reaching the browser or VS Code's own
 * link handling (which would open it without us). A click made with the pointer is reported
 * by the stage (which captures the pointer for panning); a link activated from the keyboard
 * (Enter on a focused link: `detail` 0) is reported here.
 */
export function guardLinks(open: (href: string) => void): void {
    const guard = (event: MouseEvent) => {
        const href = linkAt(event.target);
        if (href === undefined && !(event.target instanceof Element && event.target.closest('a'))) return;
        event.preventDefault();
        event.stopPropagation();
        if (event.type === 'click' && event.detail === 0 && href !== undefined) open(href);
    };
    window.addEventListener('click', guard, true);
    window.addEventListener('auxclick', guard, true);
}
