// Types of eval/score.mjs, for the tests.
export interface Finding { line: number; severity: string; message: string; code: string | null }
export interface Smell { rule: string; elements: string[]; source?: string }
export interface ScoredFinding { line: number; severity: string; code: string | null; message: string; elements: string[] }
export interface SystemScore {
    smells: number;
    found: { smell: Smell; finding: ScoredFinding }[];
    missed: { smell: Smell }[];
    findings: number;
    truePositives: ScoredFinding[];
    falsePositives: ScoredFinding[];
    info: ScoredFinding[];
    recall: number | null;
    precision: number | null;
}
export interface TotalScore { smells: number; found: number; findings: number; truePositives: number; recall: number | null; precision: number | null }
export interface FindingElements { subject: Set<string>; all: Set<string> }
export function findingElements(finding: Finding, lines: readonly string[]): FindingElements;
export function matches(finding: Finding, elements: FindingElements, smell: Smell): boolean;
export function counted(finding: Finding): boolean;
export function scoreSystem(findings: Finding[], smells: Smell[], lines: readonly string[]): SystemScore;
export function scoreTotal(systems: SystemScore[]): TotalScore;
