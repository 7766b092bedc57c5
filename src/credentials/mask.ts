/** Shows an access key id as `AKIA…WXYZ`: enough to recognise it, not to use it. */
export function maskKeyId(keyId: string): string {
  return keyId.length <= 8 ? '…' : `${keyId.slice(0, 4)}…${keyId.slice(-4)}`;
}
