import { describe, expect, test } from 'vitest';
import { parsePreviewState, parseWebviewMessage } from '../../extension/src/preview/message-validation.js';

const known = new Set(['orders', 'payments', 'orders->payments']);
const options = { view: 'calls', direction: 'DOWN', legend: false };

describe('messages from the webview', () => {
    test('a click on a node or edge of the current diagram is a reveal', () => {
        expect(parseWebviewMessage({ type: 'reveal', id: 'orders' }, known)).toEqual({ type: 'reveal', id: 'orders' });
        expect(parseWebviewMessage({ type: 'reveal', id: 'orders->payments' }, known)).toEqual({ type: 'reveal', id: 'orders->payments' });
    });

    test('a reveal of an id the diagram does not have is dropped', () => {
        expect(parseWebviewMessage({ type: 'reveal', id: 'shipping' }, known)).toBeUndefined();
        expect(parseWebviewMessage({ type: 'reveal', id: ['orders'] }, known)).toBeUndefined();
        expect(parseWebviewMessage({ type: 'reveal' }, known)).toBeUndefined();
    });

    test('unknown types and things that are not messages are dropped', () => {
        for (const raw of [undefined, null, 'reveal', 42, [], { type: 'eval', code: '1' }, { type: 'toString' }, { type: '__proto__' }]) {
            expect(parseWebviewMessage(raw, known)).toBeUndefined();
        }
    });

    test('only the fields the extension reads are passed on', () => {
        expect(parseWebviewMessage({ type: 'ready', extra: '<script>' }, known)).toEqual({ type: 'ready' });
        expect(parseWebviewMessage({ type: 'reveal', id: 'orders', uri: 'file:///etc/passwd' }, known)).toEqual({ type: 'reveal', id: 'orders' });
    });

    test('options with a known view, direction and focus are accepted', () => {
        expect(parseWebviewMessage({ type: 'options', options }, known)).toEqual({ type: 'options', options });
        expect(parseWebviewMessage({ type: 'options', options: { ...options, focus: 'payments' } }, known))
            .toEqual({ type: 'options', options: { ...options, focus: 'payments' } });
        expect(parseWebviewMessage({ type: 'options', options: { ...options, sinceHead: true } }, known))
            .toEqual({ type: 'options', options: { ...options, sinceHead: true } });
        expect(parseWebviewMessage({ type: 'options', options: { ...options, sinceHead: false } }, known))
            .toEqual({ type: 'options', options });
    });

    test('options with an unknown view, direction or focus, or a legend that is not a flag, are dropped', () => {
        for (const bad of [{ view: 'everything' }, { direction: 'LEFT' }, { legend: 'yes' }, { focus: 'shipping' }, { focus: 3 }, { sinceHead: 'HEAD~3' }]) {
            expect(parseWebviewMessage({ type: 'options', options: { ...options, ...bad } }, known)).toBeUndefined();
        }
        expect(parseWebviewMessage({ type: 'options' }, known)).toBeUndefined();
    });

    test('a PNG answer must be a base64 PNG data URL', () => {
        expect(parseWebviewMessage({ type: 'png', requestId: 1, dataUrl: 'data:image/png;base64,iVBORw0KGgo=' }, known))
            .toEqual({ type: 'png', requestId: 1, dataUrl: 'data:image/png;base64,iVBORw0KGgo=' });
        expect(parseWebviewMessage({ type: 'png', requestId: 1, dataUrl: 'data:text/html;base64,PHA+' }, known)).toBeUndefined();
        expect(parseWebviewMessage({ type: 'png', requestId: 1, dataUrl: 'data:image/png;base64,<svg>' }, known)).toBeUndefined();
        expect(parseWebviewMessage({ type: 'png', requestId: 'x', dataUrl: 'data:image/png;base64,' }, known)).toBeUndefined();
    });

    test('a PNG failure passes on a shortened reason', () => {
        const message = parseWebviewMessage({ type: 'png', requestId: 2, error: 'x'.repeat(10_000) }, known);
        expect(message).toMatchObject({ type: 'png', requestId: 2 });
        expect(message?.type === 'png' && message.error?.length).toBe(500);
    });
});

describe('the state a preview comes back with after a reload', () => {
    test('a saved document and options are restored, without the focus', () => {
        expect(parsePreviewState({ uri: 'file:///ws/shop.arch', options: { view: 'calls', direction: 'DOWN', legend: false, focus: 'orders' }, viewport: {} }))
            .toEqual({ uri: 'file:///ws/shop.arch', options: { view: 'calls', direction: 'DOWN', legend: false } });
    });

    test('the groups opened by double-clicks come back; what is not a group id is dropped', () => {
        expect(parsePreviewState({ uri: 'file:///ws/shop.arch', opened: ['shop', 42, 'x'.repeat(300), 'observability'] })?.opened)
            .toEqual(['shop', 'observability']);
        expect(parsePreviewState({ uri: 'file:///ws/shop.arch', opened: 'shop' })?.opened).toBeUndefined();
    });

    test('options that make no sense fall back to the defaults one by one', () => {
        expect(parsePreviewState({ uri: 'file:///ws/shop.arch', options: { view: 'everything', direction: 'LEFT', legend: 'no' } }))
            .toEqual({ uri: 'file:///ws/shop.arch', options: { view: 'all', direction: 'DOWN', legend: true } });
        expect(parsePreviewState({ uri: 'file:///ws/shop.arch' })?.options).toEqual({ view: 'all', direction: 'DOWN', legend: true });
    });

    test('only an .arch document is restored: no command, web address, other file, query or fragment', () => {
        for (const uri of ['untitled:Untitled-1.arch', 'vscode-remote://ssh-remote+box/ws/shop.arch', 'file:///ws/SHOP.ARCH']) {
            expect(parsePreviewState({ uri })?.uri).toBe(uri);
        }
        for (const uri of [
            'command:workbench.action.terminal.new', 'https://example.com/shop.arch', 'file:///etc/passwd',
            'file:///ws/shop.arch?x=1', 'file:///ws/shop.arch#frag', 'file:///ws/shop.arch.exe', 'javascript:alert(1)//.arch',
        ]) {
            expect(parsePreviewState({ uri })).toBeUndefined();
        }
    });

    test('without a document URI there is nothing to restore', () => {
        for (const state of [undefined, null, {}, { uri: 42 }, { uri: 'shop.arch' }, { uri: '' }]) {
            expect(parsePreviewState(state)).toBeUndefined();
        }
    });

});

describe('views, flows and links from the webview', () => {
    test('a view or flow the document declares may be picked; one it does not declare is dropped', () => {
        const choices = [{ kind: 'view', id: 'payments', label: 'Payments' }, { kind: 'flow', id: 'checkout', label: 'Place an order' }] as const;
        expect(parseWebviewMessage({ type: 'options', options: { ...options, named: 'payments' } }, known, choices))
            .toEqual({ type: 'options', options: { ...options, named: 'payments' } });
        expect(parseWebviewMessage({ type: 'options', options: { ...options, flow: 'checkout', as: 'sequence' } }, known, choices))
            .toEqual({ type: 'options', options: { ...options, flow: 'checkout', as: 'sequence' } });
        // A flow is not a view, nor the other way round; and nothing is declared without choices.
        for (const bad of [{ named: 'checkout' }, { flow: 'payments' }, { named: 'shipping' }, { flow: 'checkout', as: 'gantt' }, { named: ['payments'] }]) {
            expect(parseWebviewMessage({ type: 'options', options: { ...options, ...bad } }, known, choices)).toBeUndefined();
        }
        expect(parseWebviewMessage({ type: 'options', options: { ...options, named: 'payments' } }, known)).toBeUndefined();
    });

    test('a clicked link is passed on when it is http, https or a path relative to the file', () => {
        for (const href of ['https://runbooks.example/orders', 'http://grafana.local/d/1', 'docs/runbook.md', '../adr/0007.md#L3']) {
            expect(parseWebviewMessage({ type: 'openLink', href }, known)).toEqual({ type: 'openLink', href });
        }
    });

    test('a clicked link to a file:, javascript:, command: or other address is dropped', () => {
        for (const href of ['file:///etc/passwd', 'javascript:alert(1)', 'command:workbench.action.quit', 'vscode://ms-vscode.x/y', 'data:text/html,x',
            '//evil.example/x', 'C:\\Windows', '', 'https://x.example/a\u0007b', 'a'.repeat(3000), 42, undefined]) {
            expect(parseWebviewMessage({ type: 'openLink', href }, known), String(href).slice(0, 40)).toBeUndefined();
        }
    });
});

describe('the saved state of a preview', () => {
    test('keeps the view or flow it showed; no diagram is there yet to check them against', () => {
        const state = { uri: 'file:///w/shop.arch', options: { ...options, named: 'payments' } };
        expect(parsePreviewState(state)?.options).toEqual({ ...options, named: 'payments' });
        expect(parsePreviewState({ ...state, options: { ...options, flow: 'checkout', as: 'sequence' } })?.options).toEqual({ ...options, flow: 'checkout', as: 'sequence' });
    });

    test('drops a view or flow that is not an id', () => {
        for (const bad of [{ named: '<img src=x>' }, { named: 42 }, { flow: 'a b' }, { flow: '' }]) {
            expect(parsePreviewState({ uri: 'file:///w/shop.arch', options: { ...options, ...bad } })?.options).toEqual(options);
        }
    });
});
