/** How far device names are pinned: to the user's own name, or any name. */
export type DeviceNameScope = 'user' | 'any';
export const DEVICE_NAME_SCOPES: readonly DeviceNameScope[] = ['user', 'any'];

/** The AWS partitions a printed policy can name (`--partition`); attaching takes the caller's. */
export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;
export type Partition = (typeof PARTITIONS)[number];
