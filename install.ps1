# Installs mfa-onboard, the standalone executable (no Node needed), for Windows x64.
#
#   irm https://github.com/aws-mfa-onboard/aws-mfa-onboard/releases/latest/download/install.ps1 | iex
#   .\install.ps1 [-Prefix DIR] [-Version VERSION] [-From FOLDER_OR_URL]
#
# The same contract as install.sh: it downloads the windows-x64 archive and SHA256SUMS into a
# temporary folder, checks the archive's SHA-256 against SHA256SUMS, and only then installs
# DIR\bin\mfa-onboard.exe (default DIR: %LOCALAPPDATA%\mfa-onboard). It never needs
# administrator rights. A checksum that does not match, a missing archive or an unknown
# platform stops it with nothing installed.
#
# NOT TESTED HERE: the project's machines have no Windows and no PowerShell. install.sh is
# tested (test/unit/install-sh.test.ts); this script follows it line for line, but has not run.
param(
  [string]$Prefix = (Join-Path $env:LOCALAPPDATA 'mfa-onboard'),
  [string]$Version = '',
  [string]$From = ''
)
$ErrorActionPreference = 'Stop'
$Releases = 'https://github.com/aws-mfa-onboard/aws-mfa-onboard/releases'

function Fail([string]$Message) {
  [Console]::Error.WriteLine("mfa-onboard install: $Message")
  # Run as a file: exit 1. Piped to iex: exit would close the person's PowerShell window,
  # so stop the script with an error instead.
  if ($PSCommandPath) { exit 1 }
  throw 'mfa-onboard was not installed.'
}

$Version = $Version.TrimStart('v')
$arch = $env:PROCESSOR_ARCHITECTURE
if ($env:PROCESSOR_ARCHITEW6432) { $arch = $env:PROCESSOR_ARCHITEW6432 }
if ($arch -ne 'AMD64') {
  Fail "there is no mfa-onboard executable for Windows on $arch. Executables are made for Windows x64 (which Windows on Arm runs under emulation: run this from an x64 PowerShell), Linux and macOS (install.sh). With Node 20.12 or later, run it with: npx aws-mfa-onboard. Nothing was installed."
}
$platform = 'windows-x64'
if (-not $From) {
  if ($Version) { $From = "$Releases/download/v$Version" } else { $From = "$Releases/latest/download" }
}

function Get-ReleaseFile([string]$Name, [string]$To) {
  try {
    if ($From -match '^https?://') {
      Invoke-WebRequest -UseBasicParsing -Uri "$From/$Name" -OutFile $To
    } else {
      Copy-Item -LiteralPath (Join-Path $From $Name) -Destination $To
    }
    return $true
  } catch {
    return $false
  }
}

$work = Join-Path ([IO.Path]::GetTempPath()) ("mfa-onboard-" + [Guid]::NewGuid())
New-Item -ItemType Directory -Path $work | Out-Null
try {
  if (-not (Get-ReleaseFile 'SHA256SUMS' (Join-Path $work 'SHA256SUMS'))) {
    Fail "could not get SHA256SUMS from $From. Check the address (or the folder given to -From) and the network, then run this again. Nothing was installed."
  }
  $pattern = if ($Version) { "^([0-9a-f]{64})  (mfa-onboard-$([regex]::Escape($Version))-$platform\.zip)$" } else { "^([0-9a-f]{64})  (mfa-onboard-[0-9A-Za-z.+-]+-$platform\.zip)$" }
  $line = Get-Content (Join-Path $work 'SHA256SUMS') | Where-Object { $_ -match $pattern } | Select-Object -First 1
  if (-not $line) {
    Fail "the release at $From has no archive for $platform (SHA256SUMS does not list one). Check -Version, or see the release page: $Releases. Nothing was installed."
  }
  $null = $line -match $pattern
  $expected = $Matches[1]
  $archive = $Matches[2]
  $archivePath = Join-Path $work $archive
  if (-not (Get-ReleaseFile $archive $archivePath)) {
    Fail "could not get $archive from $From, although SHA256SUMS lists it. Check the network (or that the folder given to -From holds it), then run this again. Nothing was installed."
  }
  $actual = (Get-FileHash -Algorithm SHA256 -LiteralPath $archivePath).Hash.ToLowerInvariant()
  if ($actual -ne $expected) {
    Fail "$archive does not match its checksum in SHA256SUMS (expected $expected, got $actual): the download is damaged or was tampered with. Nothing was installed. Download it again; if it still does not match, report it: $Releases."
  }
  $unpacked = Join-Path $work 'unpacked'
  Expand-Archive -LiteralPath $archivePath -DestinationPath $unpacked
  $exe = Join-Path $unpacked 'mfa-onboard.exe'
  if (-not (Test-Path -LiteralPath $exe)) { Fail "$archive holds no mfa-onboard.exe. Nothing was installed." }

  $bin = Join-Path $Prefix 'bin'
  New-Item -ItemType Directory -Force -Path $bin | Out-Null
  $staged = Join-Path $bin ".mfa-onboard.tmp.$PID.exe"
  Copy-Item -LiteralPath $exe -Destination $staged
  # Run beside the one it replaces before replacing it: one that does not run here is refused.
  $installed = $null
  try { $installed = & $staged --version } catch { }
  if ($LASTEXITCODE -ne 0 -or -not $installed) {
    Remove-Item -Force -LiteralPath $staged -ErrorAction SilentlyContinue
    Fail "the $platform executable from $archive does not run on this machine, so it was not installed. Report it: $Releases. With Node 20.12 or later, run it with: npx aws-mfa-onboard."
  }
  Move-Item -Force -LiteralPath $staged -Destination (Join-Path $bin 'mfa-onboard.exe')

  Write-Output "Installed mfa-onboard $installed as $(Join-Path $bin 'mfa-onboard.exe') ($archive, checked against SHA256SUMS)."
  $userPath = [Environment]::GetEnvironmentVariable('Path', 'User')
  if (-not (($userPath -split ';') -contains $bin)) {
    Write-Output "$bin is not on your PATH. Add it (then open a new terminal):"
    Write-Output "  [Environment]::SetEnvironmentVariable('Path', `"$bin;`" + [Environment]::GetEnvironmentVariable('Path', 'User'), 'User')"
  }
} finally {
  Remove-Item -Recurse -Force -LiteralPath $work -ErrorAction SilentlyContinue
}
