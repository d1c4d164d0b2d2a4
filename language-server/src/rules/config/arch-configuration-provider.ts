import { DefaultConfigurationProvider } from 'langium';

/**
 * Every Archsight setting lives under `archsight.*` in the editor (`archsight.rules`, …),
 * while the language id is `arch`; Langium would otherwise fetch the section `arch`.
 * `getConfiguration('arch', 'rules')` then returns the `archsight.rules` setting.
 */
export class ArchConfigurationProvider extends DefaultConfigurationProvider {
    protected override toSectionName(): string {
        return 'archsight';
    }
}
