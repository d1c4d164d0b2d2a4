/** The name every tool looks for, walking up from the checked file. */
export const CONFIG_FILE_NAME = 'archsight.config.json';
