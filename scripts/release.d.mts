/** A release target: our platform name, Bun's --target, and the Bun runtime it compiles onto. */
export interface Target {
  id: string;
  bun: string;
  runtime: string;
}
/** Every artefact of a whole release. */
export const TARGETS: Target[];
/** The archive's file name for a target. */
export function archiveName(target: Target, version?: string): string;
/** Where the compiled executable stays after a release build. */
export function executablePath(target: Target): string;
/** The address the artefacts are published under. */
export function releaseUrl(version?: string): string;
