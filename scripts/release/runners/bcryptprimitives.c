/*
 * release:check --target windows-x64 under Wine: Bun's Windows runtime imports ProcessPrng from
 * bcryptprimitives.dll (Windows 10 and later have it); Debian 12's Wine 8.0 does not, and the
 * executable stops before it starts (c0000135). This stand-in goes into the Wine prefix only.
 */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
  while (size > 0) {
    ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
    if (!RtlGenRandom(data, chunk)) return FALSE;
    data += chunk;
    size -= chunk;
  }
  return TRUE;
}
