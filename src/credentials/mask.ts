/**
 * Shows an access key id as `AKIA…WXYZ`: enough to recognise it, not to use it. Text that
 * is not shaped like a key id (a secret pasted into the wrong column, say) shows nothing.
 */
export function maskKeyId(keyId: string): string {
  return /^A[A-Z0-9]{3}[A-Z0-9]{5,28}$/.test(keyId) ? `${keyId.slice(0, 4)}…${keyId.slice(-4)}` : '…';
}
