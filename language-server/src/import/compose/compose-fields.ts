/**
 * The fields of a Compose Specification service (compose-spec/compose-spec, schema
 * `compose-spec.json`), so an importer can tell a field it does not use from one it does
 * not know.
 */
export const COMPOSE_SERVICE_FIELDS = new Set([
    'annotations', 'attach', 'blkio_config', 'build', 'cap_add', 'cap_drop', 'cgroup', 'cgroup_parent', 'command',
    'configs', 'container_name', 'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_rt_period',
    'cpu_rt_runtime', 'cpu_shares', 'cpus', 'cpuset', 'credential_spec', 'depends_on', 'deploy', 'develop',
    'device_cgroup_rules', 'devices', 'dns', 'dns_opt', 'dns_search', 'domainname', 'entrypoint', 'env_file',
    'environment', 'expose', 'extends', 'external_links', 'extra_hosts', 'gpus', 'group_add', 'healthcheck',
    'hostname', 'image', 'init', 'ipc', 'isolation', 'labels', 'label_file', 'links', 'logging', 'mac_address',
    'mem_limit', 'mem_reservation', 'mem_swappiness', 'memswap_limit', 'models', 'network_mode', 'networks',
    'oom_kill_disable', 'oom_score_adj', 'pid', 'pids_limit', 'platform', 'ports', 'post_start', 'pre_stop',
    'privileged', 'profiles', 'provider', 'pull_policy', 'read_only', 'restart', 'runtime', 'scale', 'secrets',
    'security_opt', 'shm_size', 'stdin_open', 'stop_grace_period', 'stop_signal', 'storage_opt', 'sysctls',
    'tmpfs', 'tty', 'ulimits', 'use_api_socket', 'user', 'userns_mode', 'uts', 'volumes', 'volumes_from',
    'working_dir',
    // Compose file format 2.x only.
    'mem_swappiness', 'cpu_rt_runtime', 'volume_driver',
]);

export const COMPOSE_TOP_LEVEL = new Set(['version', 'name', 'services', 'networks', 'volumes', 'secrets', 'configs', 'include', 'models']);
