import type { ElementKind, GroupKind } from '../model/kinds.js';

/**
 * Technologies offered after `:` on a declaration, per kind. A curated short list of
 * what people most often write, not a registry: any technology may still be typed.
 */
export const TECHNOLOGIES: Readonly<Partial<Record<ElementKind | GroupKind, readonly string[]>>> = {
    client: ['browser', 'react', 'angular', 'vue', 'ios', 'android', 'flutter', 'cli'],
    gateway: ['kong', 'nginx', 'envoy', 'traefik', 'apigee', 'aws-api-gateway', 'azure-apim', 'spring-cloud-gateway'],
    service: ['go', 'java', 'spring-boot', 'kotlin', 'node', 'python', 'django', 'dotnet', 'ruby', 'rails', 'rust', 'php'],
    function: ['aws-lambda', 'azure-functions', 'gcp-cloud-functions', 'openfaas', 'knative', 'node', 'python', 'go', 'java'],
    esb: ['mulesoft', 'ibm-integration-bus', 'wso2', 'tibco', 'biztalk', 'apache-camel', 'servicemix'],
    bus: ['kafka', 'rabbitmq', 'nats', 'pulsar', 'aws-sns', 'aws-eventbridge', 'azure-service-bus', 'google-pubsub'],
    queue: ['rabbitmq', 'aws-sqs', 'activemq', 'azure-queue', 'redis', 'nats'],
    database: ['postgres', 'mysql', 'mariadb', 'oracle', 'sqlserver', 'mongodb', 'cassandra', 'dynamodb', 'cockroachdb', 'neo4j', 'sqlite'],
    cache: ['redis', 'memcached', 'hazelcast', 'varnish'],
    storage: ['s3', 'minio', 'azure-blob', 'gcs', 'nfs', 'hdfs', 'ceph'],
    sidecar: ['envoy', 'linkerd-proxy', 'nginx'],
    registry: ['consul', 'eureka', 'etcd', 'zookeeper', 'kubernetes-dns'],
    timer: ['cron', 'aws-eventbridge-scheduler', 'kubernetes-cronjob', 'quartz'],
    metrics: ['prometheus', 'victoriametrics', 'thanos', 'mimir', 'influxdb', 'graphite', 'datadog'],
    logs: ['elasticsearch', 'opensearch', 'loki', 'splunk', 'cloudwatch-logs'],
    traces: ['jaeger', 'zipkin', 'tempo', 'aws-x-ray', 'honeycomb'],
    agent: ['jaeger-agent', 'node-exporter', 'otel-agent', 'datadog-agent', 'fluent-bit'],
    collector: ['otel-collector', 'jaeger-collector', 'logstash', 'fluentd', 'vector'],
    shipper: ['filebeat', 'fluent-bit', 'fluentd', 'promtail', 'vector'],
    exporter: ['node-exporter', 'pushgateway', 'blackbox-exporter', 'mysqld-exporter', 'jmx-exporter'],
    alerting: ['alertmanager', 'pagerduty', 'opsgenie', 'grafana-alerting'],
    dashboard: ['grafana', 'kibana', 'jaeger-ui', 'opensearch-dashboards'],
    mesh: ['istio', 'linkerd', 'consul-connect', 'kuma'],
    'control-plane': ['istiod', 'pilot', 'citadel', 'galley'],
    stack: ['prometheus', 'efk', 'elk', 'jaeger', 'opentelemetry'],
};

/** Protocols offered after `:` on a call (`->`) or a message (`~>`). */
export const PROTOCOLS: Readonly<Record<'sync' | 'async', readonly string[]>> = {
    sync: ['https', 'http', 'rest', 'grpc', 'graphql', 'soap', 'jdbc', 'tcp', 'websocket', 'resp'],
    async: ['amqp', 'kafka', 'mqtt', 'nats', 'jms', 'sqs', 'sns', 'webhook', 'websocket'],
};
