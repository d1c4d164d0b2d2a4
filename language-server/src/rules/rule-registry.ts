import type { Rule } from './rule.js';
import { deepSyncChain } from './coupling/deep-sync-chain.js';
import { foreignDataAccess } from './coupling/foreign-data-access.js';
import { hubDependency } from './coupling/hub-dependency.js';
import { sharedDatabase } from './coupling/shared-database.js';
import { sharedDeploymentUnit } from './coupling/shared-deployment-unit.js';
import { syncCycle } from './coupling/sync-cycle.js';
import { technologyBudget } from './coupling/technology-budget.js';
import { esbBusinessLogic } from './integration/esb-business-logic.js';
import { esbSinglePointOfFailure } from './integration/esb-single-point-of-failure.js';
import { fixedEndpoint } from './integration/fixed-endpoint.js';
import { missingApiGateway } from './integration/missing-api-gateway.js';
import { missingSidecar } from './mesh-security/missing-sidecar.js';
import { publicNonGateway } from './mesh-security/public-non-gateway.js';
import { sidecarWithoutControlPlane } from './mesh-security/sidecar-without-control-plane.js';
import { unencryptedTraffic } from './mesh-security/unencrypted-traffic.js';
import { alertsWithoutAlertmanager } from './observability/alerts-without-alertmanager.js';
import { missingHealthCheck } from './observability/missing-health-check.js';
import { missingTelemetry } from './observability/missing-telemetry.js';
import { unbufferedLogPipeline } from './observability/unbuffered-log-pipeline.js';
import { missingTimeout } from './resilience/missing-timeout.js';
import { retryAmplification } from './resilience/retry-amplification.js';
import { singleReplica } from './resilience/single-replica.js';
import { timeoutMismatch } from './resilience/timeout-mismatch.js';
import { functionCallsFunction } from './serverless/function-calls-function.js';
import { functionTriggerLoop } from './serverless/function-trigger-loop.js';
import { functionWithoutTrigger } from './serverless/function-without-trigger.js';
import { sharedDatabaseServer } from './coupling/shared-database-server.js';
import { sharedLibrary } from './coupling/shared-library.js';
import { syncFanOut } from './coupling/sync-fan-out.js';
import { excessivePrivilege } from './mesh-security/excessive-privilege.js';
import { hardcodedSecret } from './mesh-security/hardcoded-secret.js';
import { unauthenticatedTraffic } from './mesh-security/unauthenticated-traffic.js';
import { brokenTracePropagation } from './observability/broken-trace-propagation.js';
import { localLoggingOnly } from './observability/local-logging-only.js';
import { infrastructureSignalsOnly } from './observability/infrastructure-signals-only.js';
import { noObservabilityBackend } from './observability/no-observability-backend.js';
import { cascadingFailure } from './resilience/cascading-failure.js';
import { connectionBottleneck } from './resilience/connection-bottleneck.js';
import { missingCircuitBreaker } from './resilience/missing-circuit-breaker.js';
import { retryBudgetExceeded } from './resilience/retry-budget-exceeded.js';
import { unverified } from './resilience/unverified.js';
import { flowAwaitsMessage } from './flows/flow-awaits-message.js';
import { flowBudgetExceeded } from './flows/flow-budget-exceeded.js';
import { flowFragileDependency } from './flows/flow-fragile-dependency.js';
import { flowRetryStorm } from './flows/flow-retry-storm.js';
import { duplicatedService } from './structure/duplicated-service.js';
import { megaservice } from './structure/megaservice.js';
import { nanoservice } from './structure/nanoservice.js';
import { layerSkipping } from './structure/layer-skipping.js';
import { orphanElement } from './structure/orphan-element.js';

/** Every rule the reviewer ships, in the order of the catalogue (by group). */
export const BUILTIN_RULES: readonly Rule[] = [
    esbSinglePointOfFailure, esbBusinessLogic, missingApiGateway, fixedEndpoint,
    syncCycle, deepSyncChain, sharedDatabase, sharedDatabaseServer, foreignDataAccess, hubDependency, sharedDeploymentUnit, sharedLibrary, syncFanOut, technologyBudget,
    missingTimeout, missingCircuitBreaker, cascadingFailure, timeoutMismatch, retryAmplification, retryBudgetExceeded, connectionBottleneck, singleReplica,
    flowBudgetExceeded, flowRetryStorm, flowFragileDependency, flowAwaitsMessage, unverified,
    missingTelemetry, noObservabilityBackend, localLoggingOnly, infrastructureSignalsOnly, brokenTracePropagation, missingHealthCheck, alertsWithoutAlertmanager, unbufferedLogPipeline,
    missingSidecar, sidecarWithoutControlPlane, unencryptedTraffic, publicNonGateway, hardcodedSecret, excessivePrivilege, unauthenticatedTraffic,
    functionCallsFunction, functionWithoutTrigger, functionTriggerLoop,
    layerSkipping, orphanElement, megaservice, nanoservice, duplicatedService,
];

/** The rules known to this server; tests and embedders can construct it with their own list. */
export class RuleRegistry {
    private readonly byId: ReadonlyMap<string, Rule>;

    constructor(readonly rules: readonly Rule[] = BUILTIN_RULES) {
        this.byId = new Map(rules.map(r => [r.id, r]));
    }

    get(id: string): Rule | undefined {
        return this.byId.get(id);
    }

    ids(): string[] {
        return [...this.byId.keys()];
    }
}
