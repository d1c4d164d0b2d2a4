import type { Data } from '../yaml-input.js';

/** One Kubernetes object from a manifest, with where it was written. */
export interface Manifest {
    readonly apiVersion: string;
    readonly kind: string;
    readonly name: string;
    readonly namespace?: string;
    readonly labels: Readonly<Record<string, string>>;
    readonly annotations: Readonly<Record<string, string>>;
    readonly spec: Record<string, Data>;
    readonly raw: Record<string, Data>;
    /** `bookinfo.yaml: Deployment/reviews-v1` */
    readonly origin: string;
}

export const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod', 'DeploymentConfig']);

/** Kinds read for what they say about the architecture, besides workloads. */
export const READ_KINDS = new Set([
    'Service', 'Ingress', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'VirtualService', 'DestinationRule', 'PeerAuthentication',
    'Namespace', 'HorizontalPodAutoscaler',
]);

/** Kinds that say nothing the model can show; skipped without a note. */
export const QUIET_KINDS = new Set([
    'ServiceAccount', 'ConfigMap', 'Secret', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'PersistentVolumeClaim',
    'PersistentVolume', 'StorageClass', 'NetworkPolicy', 'PodDisruptionBudget', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy',
    'CustomResourceDefinition', 'ServiceEntry', 'Sidecar', 'EnvoyFilter', 'AuthorizationPolicy', 'RequestAuthentication',
    'Telemetry', 'WorkloadEntry', 'WorkloadGroup', 'ReferenceGrant', 'GatewayClass', 'Endpoints', 'EndpointSlice',
]);
