import { element, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';

/** A credential in the code or its configuration is in every copy of the repository and every image. */
export const hardcodedSecret: Rule = {
    id: 'hardcoded-secret',
    group: 'mesh-security',
    defaultSeverity: 'error',
    description: 'A workload gets its credentials from a literal in its code or configuration (`secrets literal`).',
    explanation: 'A password or key written into code, a compose file or a manifest is in every clone of the ' +
        'repository, every image and every log of the build; it cannot be rotated without a release, and ' +
        'everyone who can read the code can use it. Read credentials from the environment or a mounted ' +
        'file filled by the platform, or better from a secret store (Vault, AWS Secrets Manager, Kubernetes ' +
        'secrets), and write `secrets env`, `secrets file` or `secrets store`.',
    check(model) {
        const findings: Finding[] = [];
        for (const e of model.elements.values()) {
            if (e.properties.secrets !== 'literal') continue;
            findings.push({
                target: element(e.id),
                message: `'${e.id}' has its credentials written into its code or configuration: anyone who reads them can use them, and rotating them needs a release.`,
                fixes: [{ kind: 'set-properties', title: `Read the credentials of '${e.id}' from a secret store`, target: element(e.id), properties: [{ key: 'secrets', value: 'store' }] }],
            });
        }
        return findings;
    },
};
