/**
 * English messages, keyed by id. `{name}` is replaced by a parameter. Another language
 * is a file beside this one with the same ids and parameters.
 */
export const en = {
  'help.about': "mfa-onboard {version}: from the AWS console's access-key CSV to a working, verified MFA session, in one guided run.",
  'help.heading.usage': 'Usage',
  'help.heading.commands': 'Commands',
  'help.heading.common': "The wizard's most used options",
  'help.heading.options': 'Options of {command}',
  'help.heading.wizard': 'Options of the wizard (setup, the default command)',
  'help.usage.command': 'mfa-onboard COMMAND [options]',
  'help.examples':
    "Examples: the first run, with the CSV from the console; a fresh session each morning; an administrator beside a hire:\n    npx aws-mfa-onboard ~/Downloads/alice_accessKeys.csv\n    mfa-onboard session --profile alice\n    mfa-onboard --profile admin --user alice",
  'help.more': "A command's options and notes (setup: all of the wizard's):\n    mfa-onboard COMMAND --help\nExit codes: 0 done, 1 error, 2 cancelled.",
  'help.footer': 'Every command takes --lang en|ja and -h, --help. All the commands:\n    mfa-onboard --help',
  'help.summary.setup': 'the wizard: CSV → MFA device → verified session (the default)',
  'help.summary.session': 'a fresh MFA session (the saved one is reused while it lasts)',
  'help.summary.resync': 'mend a device whose current codes AWS refuses (out of step)',
  'help.summary.status': 'who the keys are, their MFA devices, the session and its expiry',
  'help.summary.reset': "an administrator removes a user's MFA devices (a lost phone)",
  'help.summary.policy': 'print, or put on a group, the IAM policy that requires MFA',
  'help.summary.admin': 'admin create-user NAME: a new user and its access-key CSV',
  'help.summary.batch': 'enrol several hires one after another, each with their phone',
  'help.summary.demo': "try the wizard, or an administrator's day (--admin), on a local AWS emulator (nothing else to install)",
  'help.summary.help': "help COMMAND: that command's usage and options",
  'help.note.setup':
    "A new phone, the old one at hand: run the wizard with --replace; it adds the new device, checks it, then removes the old one (where a policy allows only mfa/<user>, the old one goes first, and it says so before). A run that stops half-way is finished by the next one.\nOld phone lost: an administrator removes the device, then the wizard runs again:\n    mfa-onboard reset --profile ADMIN --user NAME\nAn administrator beside a hire: the administrator's keys create and enable the device with the hire's phone:\n    mfa-onboard --profile ADMIN --user NAME",
  'help.note.environment':
    'Without a terminal the wizard never asks: a missing answer is an error naming its flag. AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE, AWS_PROFILE, AWS_REGION and AWS_ENDPOINT_URL(_IAM|_STS) are honoured as the AWS CLI honours them; NO_COLOR turns colour off.',
  'help.note.reset':
    "The enrolment offered afterwards is the wizard's, and takes its options:\n    mfa-onboard setup --help",
  'help.note.policy': 'Only with --attach-group: --create-group, --policy-name, --force, --profile and --region.',
  'help.note.batchCsv':
    "users.csv has a header row, then one hire a row. Its columns: user (the IAM user name, required); path (the IAM path of a user --create makes); group (the group --create adds the user to); csv (the hire's access-key CSV, relative to users.csv). For example:\n    user,group\n    alice,hires",
  'help.note.batch':
    "The wizard's options apply to each hire, except those naming one user's things: --user, --old-serial, --replace, --device-name, --session-profile and --export. A batch is resumable (users.csv.state.json) and keeps an audit log (users.csv.audit.jsonl). The wizard's options:\n    mfa-onboard setup --help",
  'help.note.demo':
    "The wizard's options apply to the demo's run too:\n    mfa-onboard setup --help",
  'flag.csv': "the console's <user>_accessKeys.csv or credentials.csv",
  'flag.setup.profile': 'profile to import the keys into (default: asked, suggests your IAM user name); without a CSV, the existing profile to use (else AWS_PROFILE)',
  'flag.sessionProfile': 'profile for the MFA session (default: <profile>-mfa)',
  'flag.setup.user': "which user of a credentials.csv holding several; with an administrator's --profile, the user to act for",
  'flag.replace': 'the user has a device and the old phone still works: enrol the new phone in its place',
  'flag.oldSerial': 'with --replace, the device to retire when there are several',
  'flag.setup.mfaSerial': 'a device enabled already (an administrator enrolled it with you): the one on your phone, when you have several',
  'flag.backup': 'after the session, add a backup device (<user>-backup) without asking, or do not offer one',
  'flag.deviceName': 'virtual MFA device name (default: your IAM user name, which policies pinning mfa/${aws:username} require)',
  'flag.setup.region': 'region written to the profile and used for STS (default: asked, suggesting AWS_REGION or us-east-1)',
  'flag.region': "region for the calls (default: the profile's, else AWS_REGION)",
  'flag.endpointUrl': 'send IAM and STS calls here (also AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_IAM, AWS_ENDPOINT_URL_STS)',
  'flag.duration': 'MFA session length, 15m to 36h (e.g. 12h, 90m, 3600); default 12h',
  'flag.showSecret': 'show the MFA key for typing into the app by hand (it is printed on stderr: keep it out of logs)',
  'flag.qrPng': 'also write the QR code to FILE (mode 0600)',
  'flag.codesFromStdin': 'read MFA codes one per line from stdin, as they are needed',
  'flag.replaceProfile': 'replace other keys already stored under the profile name',
  'flag.deleteCsv': 'delete (or keep) the CSV afterwards without asking',
  'flag.allowClockDrift': 'send codes from a phone whose clock is off without asking',
  'flag.setup.export': 'at the end, print lines that set the session in sh, fish, powershell or cmd (stdout)',
  'flag.yes': 'take the default answer to every question',
  'flag.lang': 'language of messages (else MFA_ONBOARD_LANG, LC_ALL, LC_MESSAGES, LANG; ja_JP.UTF-8 gives Japanese)',
  'flag.help': 'show this help',
  'flag.version': 'show the version',
  'flag.session.profile': 'profile with the long-term keys (default: AWS_PROFILE, else default); the session goes to <profile>-mfa',
  'flag.mfaSerial': "MFA device to use (default: the profile's mfa_serial, else the user's only device, else asked)",
  'flag.resync.profile': 'profile with the long-term keys (default: AWS_PROFILE, else default)',
  'flag.resync.mfaSerial': "MFA device to resync (default: the profile's mfa_serial, else the user's only device, else asked)",
  'flag.setup.mfaProcess': 'a command that prints the code for the session of a device enabled already (as mfa_process in a profile)',
  'flag.mfaProcess': 'a command that prints the MFA code (as mfa_process in a profile), for this run',
  'flag.minRemaining': 'reuse a saved session only if it lasts this much longer (default 15m)',
  'flag.force': 'get a new session even if the saved one is still valid',
  'flag.session.export': 'print lines that set AWS_ACCESS_KEY_ID and the rest, for your shell to run:\n    eval "$(mfa-onboard session --export sh)"',
  'flag.credentialProcess': 'print the credential_process JSON; a code, when needed, is asked on the terminal (/dev/tty), never on stdin/stdout',
  'flag.roleArn':
    'assume this role with the MFA code; the role session goes to <profile>-<role name> (a config profile with role_arn, source_profile and mfa_serial is used the same way, its session going to <profile>-mfa); --duration up to 12h, 1h by default',
  'flag.roleSessionName': "the role session's name (default mfa-onboard-<profile>)",
  'flag.status.profile': 'the keys to look at (default: AWS_PROFILE, else default)',
  'flag.status.user': "with an administrator's --profile, the user to look at (the mfa_serial and session read are those of the profile named after that user, if any)",
  'flag.status.sessionProfile': 'the saved session to read (default: <profile>-mfa)',
  'flag.json': 'print it as JSON on stdout',
  'flag.adminProfile': "the administrator's profile",
  'flag.reset.user': 'the user whose devices go (never all of your own: use --replace for that)',
  'flag.all': 'every device of the user, without asking which',
  'flag.removeSerial': 'only this device',
  'flag.enrol': 'enrol a new device for the user right after (default: asked, Yes when no device is left; without a terminal, not)',
  'flag.reset.yes': 'remove without asking for confirmation; other questions take their default',
  'flag.allowIp': '(repeatable) calls from this IPv4/IPv6 range need no MFA',
  'flag.scopeUser': 'users may create only a device named after themselves (mfa/${aws:username}); --replace then retires the old device first (default)',
  'flag.scopeAny': "devices of any name (mfa/*): --replace adds the new device before retiring the old; a user may also delete others' unfinished devices",
  'flag.partition': "aws (default), aws-cn or aws-us-gov: the partition in the printed ARNs (attaching always uses the --profile's own)",
  'flag.attachGroup': "put the policy on this group as an inline policy (with the administrator's --profile); run twice, it changes nothing",
  'flag.createGroup': 'create the group first if it does not exist',
  'flag.policyName': "the inline policy's name (default mfa-onboard-require-mfa)",
  'flag.policy.force': 'replace a different inline policy of that name without asking (needed without a terminal); the old one is saved first',
  'flag.group': 'add the user to group G',
  'flag.out': 'write NAME_accessKeys.csv into DIR (mode 0600; default: here)',
  'flag.path': "the user's IAM path (default /)",
  'flag.existing': 'the user exists: make only a new access key (refused at two)',
  'flag.create': 'create the hires who are not users yet, with a key CSV each',
  'flag.only': '(repeatable) only this hire',
  'flag.skip': '(repeatable) not this hire',
  'flag.report': 'write the outcome there too (JSON, or CSV for a .csv name)',
  'flag.emulator': "the embedded emulator (default: IAM and STS in this process, with AWS's MFA rules), or moto (python3 with moto installed)",
  'flag.emulatorUrl': 'an emulator already running (moto, LocalStack); left running',
  'flag.rehearseConsistency': "embedded only: STS refuses a just-enabled device for TIME (e.g. 40s), as IAM's eventual consistency can",
  'flag.rehearseFault': '(repeatable) embedded only: the first call of ACTION (e.g. EnableMFADevice) is throttled or fails with a server error',
  'flag.demoAdmin': "rehearse an administrator's day: the MFA policy on a group, two hires created, enrolled in a batch, one reset (each command shown first)",
  'flag.keep': "keep the demo's temporary folder",
  'help.summary.addBackup': 'add a backup MFA device (a second phone, a password manager) to a user who has one',
  'flag.addBackup.profile': 'the profile with your long-term keys (default: AWS_PROFILE, else default)',
  'flag.addBackup.mfaSerial': "the device whose code makes the session that adds the backup (default: the profile's mfa_serial)",
  'help.summary.emulator': 'the built-in AWS emulator (IAM, STS) for the aws CLI, scripts and rehearsals',
  'help.note.emulator': 'The URL is the first line on stdout. Users, keys, groups, policies and devices live in memory and go with the emulator; policies are evaluated as IAM does.',
  'flag.emulatorConsistency': "STS refuses a just-enabled device for TIME (e.g. 40s), as IAM's eventual consistency can",
  'flag.emulatorFault': '(repeatable) the first call of ACTION (e.g. EnableMFADevice) is throttled or fails with a server error',
  'flag.port': 'listen on 127.0.0.1:N (default: a free port); a port in use is refused',
  'flag.dir': "write the administrator's admin_accessKeys.csv, and the same key as profile admin in DIR/credentials and DIR/config, kept at the end (default: a new temporary folder, removed when the emulator stops)",

  'error.cancelled': 'Cancelled. Nothing was left half-done: run the command again to start over.',
  'error.internal':
    'Something unexpected went wrong ({message}). Nothing secret was printed. Run again with MFA_ONBOARD_DEBUG=1 for details, and please report it.',
  'aws.failed': 'AWS refused {action} ({code}): {message}',
  'aws.serverFailed': 'AWS failed on {action} ({code}, HTTP {status}): {message}',
  'aws.noAnswer':
    'No answer from AWS for {action} ({code}): {message}',
  'aws.timedOut':
    'AWS did not answer within {seconds} s, {attempts} times in a row.',
  'aws.slow':
    'AWS is slow to answer ({action}); still waiting, for up to {seconds} s…',
  'aws.stopping':
    "Stopping. Waiting first for AWS's answer to {action}, so that nothing is left half-done: at most {seconds} s. Ctrl-C again stops at once, without that answer: AWS may then have done it without this computer knowing, and the same command run again finds where things stand.",

  'cli.unknownOptionNear': 'Unknown option {option}: did you mean {near}? The options there are:\n    mfa-onboard --help',
  'cli.unknownOption':
    'Unknown option {option}. The options there are:\n    mfa-onboard --help',
  'cli.notAnOption':
    '{option} is not an option of {command}. Its options:\n    mfa-onboard {command} --help',
  'cli.missingValue':
    'The option {option} needs a value. The options there are:\n    mfa-onboard --help',
  'cli.conflict': '{a} and {b} cannot be used together: choose one.',
  'cli.badEndpoint': '{name} {value} is not an endpoint URL. Give one like https://iam.amazonaws.com or http://127.0.0.1:5000 (with http:// or https://).',
  'cli.extraArgument': 'Unexpected argument "{argument}". A value that holds spaces (a path) goes in quotes. The usage of {command}:\n    {usage}',
  'cli.didYouMean': 'There is no command "{word}". Did you mean {command}?\n    {line}\nA CSV to import is given by its path (with a / or ending in .csv).',
  'cli.unknownCommand':
    'There is no command "{word}", and no file of that name here. The commands are {commands}. A CSV to import is given by its path (with a / or ending in .csv, such as ./{word}.csv). What each command does:\n    mfa-onboard --help',
  'cli.needsAdminProfile':
    "{command} is an administrator's command: it works with the administrator's keys, but no --profile (nor AWS_PROFILE) names them, and there is no profile default (profiles there: {profiles}). Name the administrator's profile:\n    {line}",
  'admin.nameWithSpace': 'An IAM user name is one word, without spaces: "{words}" is {count} words. Write it as one, such as {example}:\n    {line}',

  'prompt.noTerminal':
    'An answer is needed to "{question}", but there is no terminal to ask on. Pass {flag} (or --yes to take the default answers).',
  'prompt.noTerminalCode':
    'A code from your authenticator app is needed ("{question}"), but there is no terminal to ask on. Give it on standard input with --codes-from-stdin, one code a line.',
  'prompt.selectHelp': '↑↓ navigate • ⏎ select',
  'prompt.yes': 'Yes',
  'prompt.no': 'No',
  'cli.versionStandalone': '{version} (standalone executable, Bun {bun})',
  'cli.badLang': '--lang {value} is not a language this tool speaks: use en (English) or ja (日本語).',
  'prompt.noTerminalNoDefault': 'An answer is needed to "{question}", but there is no terminal to ask on. Pass {flag}.',

  'hint.invalidClientTokenId':
    'The access key ID is not known to AWS: it may have been deleted or deactivated, or belong to another partition (for China or GovCloud pass --region).',
  'hint.signatureDoesNotMatch': 'The secret access key does not match the access key ID: check that you copied both from the same key.',
  'hint.accessDenied': 'Your IAM permissions do not allow this: ask your administrator (the README lists the permissions the wizard needs).',
  'hint.throttling': 'AWS is limiting the request rate: wait a minute and run the wizard again.',
  'hint.network': 'Check your network connection, proxy settings, or --endpoint-url.',
  'hint.serverFailure': 'The failure is on AWS\'s side, not in your setup: run the same command again in a minute. AWS may have done the call before failing: if the run then says something exists already, that is why.',
  'hint.expiredToken': 'The session has expired: get a new one.',
  'hint.noCredentials':
    'No AWS credentials were found for this profile. Pass the access-key CSV from the console, or --profile with a profile that has keys in your credentials file.',

  'csv.askPath': 'Path to your access-key CSV (e.g. ~/Downloads/alice_accessKeys.csv):',
  'csv.askPathEmpty': 'Type the path of the access-key CSV (or drag the file into this window). To use a profile you already have instead, press Ctrl-C and pass --profile NAME.',
  'csv.notFound': 'There is no file at {path}. Check the path of the access-key CSV you downloaded from the AWS console (often in your Downloads folder).',
  'csv.notAFile': '{path} is not a file. Give the path of the access-key CSV itself.',
  'csv.empty': '{path} is empty. Download the access-key CSV again from the AWS console (IAM → Users → Security credentials → Create access key).',
  'csv.notCsv':
    '{path} is not an AWS access-key CSV: its first line should be "Access key ID,Secret access key" (or start with "User name"). Check you picked the file the console downloaded.',
  'csv.tooBig':
    '{path} is {size}, too big to be an access-key CSV (the limit is {limit}; the console\'s file is a few hundred bytes, one line a key). Check you picked the file the console downloaded.',
  'csv.noKeys':
    '{path} is the console sign-in CSV (user name and password): it holds no access key. Create an access key in the console (IAM → Users → Security credentials) and use the CSV it downloads.',
  'csv.noRows': '{path} has a header but no key in it. Download the access-key CSV again from the AWS console.',
  'csv.temporaryKey':
    'Line {line} of {path} holds a temporary access key ({keyId}, starting with ASIA). MFA is set up with an IAM user\'s long-term key (starting with AKIA): create one in the console and use its CSV.',
  'csv.badKeyId':
    'Line {line} of {path} has an access key ID ({keyId}) that is not shaped like one (AKIA followed by 16 capital letters or digits). The file may have been edited; download it again from the console.',
  'csv.badSecret':
    'Line {line} of {path} has a secret access key that is not shaped like one (40 characters of letters, digits, + and /; this one has {length}). The file may have been edited; download it again from the console.',
  'csv.userNotInFile': 'There is no user "{user}" in {path}. The users in it are: {users}.',
  'csv.userColumnMissingForUser':
    '{path} has no user-name column, so --user {user} cannot pick a row. Leave out --user: the wizard asks AWS whose key it is.',
  'csv.whichUser': 'The CSV holds {count} access keys. Which one is yours?',
  'csv.noUserName': 'no user name',
  'csv.read': 'Read access key {keyId} from {path}',
  'csv.deleteAsk': 'Delete {path}? It holds your secret key in plain text, and the key is now in {credentials}.',
  'csv.deleted': 'Deleted {path}',
  'csv.kept': 'Kept {path}: it holds your secret key in plain text, so store it safely or delete it.',

  'identify.newKeyWait': 'The access key was made moments ago and AWS does not know it yet: trying again for up to 20 s…',
  'identify.unknownKey':
    'AWS does not know the access key in {path}: it may have been deleted or made inactive, or it belongs to an AWS partition other than the one called (for China or GovCloud pass --region). Ask your administrator for a new access key.',
  'identify.wrongSecret':
    'AWS rejected the secret access key in {path}: it does not match the access key ID. The file may have been edited; download a fresh access-key CSV from the console.',
  'identify.root':
    'These are the root user\'s keys for account {account}. The root user\'s MFA is set up in the console, not through the API, and root access keys should be deleted: use an IAM user\'s keys instead.',
  'identify.notUser':
    'These credentials belong to {arn}, not to an IAM user. MFA devices are set up for IAM users: use the long-term keys of the IAM user.',
  'identify.temporaryProfile':
    'Profile {profile} holds temporary credentials (a session token). Setting up MFA needs the IAM user\'s long-term keys: pass the access-key CSV, or a profile with long-term keys.',
  'identify.done': 'These keys belong to {user} in account {account} ({arn})',

  'profile.ask': 'Profile name for these keys:',
  'profile.badName':
    '"{name}" cannot be a profile name: use letters, digits and _ . @ + - only, up to 128 characters (no = or , either: the AWS SDK for JavaScript does not read a [profile …] section whose name has them).',
  'profile.badNameFlag':
    '{flag} "{name}" cannot be a profile name: use letters, digits and _ . @ + - only, up to 128 characters. Spaces, brackets and line breaks would change the file\'s structure, and the AWS SDK for JavaScript does not read a [profile …] section with = or , in its name.',
  'profile.replaceAsk': 'Profile {profile} already holds another key ({keyId}). Replace it?',
  'profile.keptExisting':
    'Profile {profile} already holds another access key and was left as it is. Choose another name with --profile, or pass --replace-profile to replace it.',
  'profile.saved': 'Saved the keys as profile {profile} in {path}',
  'profile.unchanged': 'Profile {profile} in {path} already holds these keys',
  'profile.sessionIsLongTerm':
    'The session profile cannot be {profile} itself: the session would overwrite the long-term keys. Leave out --session-profile (the default is {profile}-mfa) or choose another name.',
  'profile.sessionHoldsKeysAsk': 'Profile {profile} holds long-term keys ({keyId}). Overwrite them with the MFA session?',
  'profile.sessionHoldsKeys':
    'Profile {profile} holds long-term keys, so the MFA session was not written over them. Choose another name with --session-profile, or pass --replace-profile.',

  'region.ask': 'Default region for profile {profile}:',
  'region.invalid': '"{value}" is not a region name like us-east-1 or eu-west-1.',
  'region.invalidFlag': '--region {value} is not a region name like us-east-1 or eu-west-1.',

  'preflight.alreadyEnrolled': '{user} already has {count} MFA device(s), such as {serial} (enabled {since}). If the device is on your phone (an administrator enrolled it with you), run the wizard in a terminal, or with --codes-from-stdin, and give one code from it: that sets this computer up. With the old phone still at hand, run the wizard again with --replace: it adds the new phone, then removes the old device. If the old phone is lost or broken, an administrator removes the device, and you then run the wizard again:\n    {command}',
  'preflight.orphanFound': 'Found an unfinished MFA device from an earlier attempt ({serial}); removing it',
  'preflight.orphanRemoved': 'Removed the unfinished device {serial}',
  'preflight.orphanDenied':
    'An unfinished MFA device from an earlier attempt ({serial}) is in the way, and your permissions do not allow deleting it (iam:DeleteVirtualMFADevice; the usual policy allows it only with MFA). Ask an administrator to run this, then run the wizard again:\n    aws iam delete-virtual-mfa-device --serial-number {serial}',
  'preflight.nameInUse':
    'An MFA device named like yours ({serial}) exists and is in use by another user. Choose another name with --device-name.',

  'device.badName': '"{name}" cannot be an MFA device name: use letters, digits and + = , . @ _ - only, up to 226 characters.',
  'device.createDenied':
    'AWS did not let {user} create an MFA device named {name} ({message}). Many policies only allow a device named after the user (mfa/\${aws:username}): if you passed --device-name, leave it out; otherwise ask your administrator for iam:CreateVirtualMFADevice.',
  'device.limitExceeded':
    'The user already has the most MFA devices IAM allows (8), or the account its limit (LimitExceeded). Remove one that is no longer used, then run again; an administrator can:\n    mfa-onboard reset --profile ADMIN --user NAME',
  'device.created': 'Created virtual MFA device {serial}',
  'device.createdAnswerLost':
    "AWS created {serial}, but its answer (with the device's key) was lost on the way back: deleted it again.",
  'device.retryMetOwn':
    'The answer to creating {serial} was lost on the way back, and the retry found the device AWS had made: its key never reached this computer, so it is of no use. Removing it to make it again',
  'device.maybeCreated':
    'AWS may have created {serial} without its answer arriving, and it could not be checked or deleted now. The next run removes it, or:\n    aws iam delete-virtual-mfa-device --serial-number {serial}',

  'qr.heading': 'Add the device to your authenticator app',
  'qr.deleteEarlier': 'An earlier attempt\'s code, {earlier}, is probably still in your authenticator app, but its device was removed: its codes never work. Delete that entry from the app before scanning. The new code shows as {label}.',
  'qr.deletedEarlier': 'Deleted {earlier} from the app?',
  'qr.scan': 'Scan this with your authenticator app (it shows as {label}):',
  'qr.tooSmall':
    'The terminal is too small for the QR code: it needs {columns}×{rows} (columns × lines), this one is {haveColumns}×{haveRows}. Make the window bigger (the code appears as soon as it fits), or type the key into your app by hand, or save the QR code as a PNG.',
  'qr.noTerminal': 'No terminal to draw the QR code on.',
  'qr.noWayToShow':
    'There is no terminal to draw the QR code on, so your authenticator app could not get the key. Pass --qr-png FILE to save the QR code as a picture, or --show-secret to print the key for typing in.',
  'qr.askScanned': 'Scanned?',
  'qr.askAdded': 'Added?',
  'qr.keyContinue': 'Enter: continue',
  'qr.keyShowKey': 'k: show the key',
  'qr.keyShowQr': 'q: show the QR code',
  'qr.keyPng': 'p: save a PNG',
  'qr.keyInvert': 'i: looks inverted',
  'qr.pngSaved': 'Saved the QR code to {path}',
  'qr.askNoQr': 'How do you want to add the device to your app?',
  'qr.choiceAdded': 'I have added it: continue',
  'qr.choiceKey': 'Show the key to type in by hand',
  'qr.choicePng': 'Save the QR code as a PNG file',
  'qr.askPngPath': 'File to save the QR code to:',
  'qr.manualKey': 'In your app choose "enter a setup key": account name {label}, type time-based, then this key (spaces optional):',
  'qr.pngWritten': 'Wrote the QR code to {path} (only you can read it). Delete it once you have scanned it: it holds your MFA key.',
  'qr.pngExists': '{path} already exists, and the QR code is never written over a file: choose a new file name.',
  'qr.pngFailed': 'Could not write the QR code to {path} ({reason}). Choose a folder you can write to.',

  'enable.heading': 'Enable the device with two consecutive codes',
  'enable.askFirst': 'Code shown in the app now:',
  'enable.askSecond': 'The next code (the one after it):',
  'enable.waitNext': 'Wait for the next code: {seconds} s…',
  'enable.notConsecutiveLate':
    'Those two codes are not consecutive: the second came more than one code after the first. Start again with the code shown now, then the next one.',
  'enable.notConsecutiveEarly': 'The second code is older than the first. Start again with the code shown now, then the next one.',
  'enable.rejected':
    'AWS did not accept the two codes (InvalidAuthenticationCode). Check the app shows the entry you just added, and try again with two fresh consecutive codes.',
  'enable.alreadyEnabled':
    'AWS says the device {serial} is already enabled (a retried request may have enabled it). Check with:\n    aws iam list-mfa-devices --user-name {user}',
  'enable.answerLost':
    'The answer to enabling {serial} was lost on the way back, but IAM lists the device as enabled: carrying on.',
  'enable.temporarilyUnmodifiable': 'IAM cannot change user {user} right now (it was just created or changed). Wait a minute and run the wizard again.',
  'enable.noSuchEntity': 'IAM no longer finds user {user} or device {serial} ({message}). Check with your administrator that the user exists.',
  'enable.accessDenied': 'AWS did not let {user} enable the MFA device ({message}). Ask your administrator for iam:EnableMFADevice on your own user.',
  'enable.gaveUp': 'The device could not be enabled after several tries. Check the phone\'s clock is set automatically and run the wizard again.',
  'enable.done': 'Enabled MFA device {serial} for {user}',

  'code.notSixDigits': 'A code is six digits, as the app shows it (spaces are fine). Try again.',
  'code.sameTwice': 'That is the same code again. Wait for the app to show the next one.',
  'code.alreadyUsed': 'That code has been used already, and AWS accepts each code only once. Wait for the app to show a new one.',
  'code.noMatch':
    'That code does not belong to this device: check for a typo, and that you read the entry just added (AWS, with your user name), not another account\'s.',
  'code.clockOff':
    'That code is right, but your phone\'s clock is about {amount} {direction}, and AWS may reject it. Turn on automatic date and time on the phone, then use a new code.',
  'code.tryAnyway': 'Send this code to AWS anyway?',
  'code.tooManyBad': 'Too many codes could not be used. Check the phone\'s clock and the entry in the app, then run the wizard again.',
  'codes.stdinEnded': 'Standard input ended before all codes were read: --codes-from-stdin needs one code per line, as each is asked for.',
  'clock.computerOff':
    'This computer\'s clock is {seconds} seconds {direction} AWS\'s. The code checks use AWS\'s time; consider turning on automatic time (NTP) on this computer.',
  'time.seconds': '{n} seconds',
  'time.minutes': '{n} minutes',
  'time.behind': 'behind',
  'time.ahead': 'ahead',
  'time.when': '{time} ({distance})',
  'time.inHours': 'in {n} h',
  'time.hoursShort': '{n} h',
  'time.minutesShort': '{n} min',
  'time.inMinutes': 'in {n} min',
  'time.hoursAgo': '{n} h ago',
  'time.minutesAgo': '{n} min ago',

  'session.heading': 'Check the MFA session',
  'session.waitFresh': 'AWS takes each code only once: wait for a new code, {seconds} s…',
  'session.askCode': 'New code from the app:',
  'session.codeRejected':
    'AWS did not accept that code for a session (each code works only once). Wait for the next one. If current codes keep being refused, the device is out of step with AWS (it was enabled with codes typed late); two codes set it right:\n    {command}',
  'session.notYetValid': 'AWS does not know the new device yet (IAM takes a few seconds to catch up). Trying again with the next code.',
  'session.denied': 'AWS refused an MFA session ({message}). Ask your administrator whether sts:GetSessionToken is allowed.',
  'session.wrongAccount':
    'The session belongs to account {account}, not {expected}. Check --endpoint-url and AWS_ENDPOINT_URL point where you expect.',
  'session.otherIdentity': 'The session says it is {arn}, not {expected}. (The local emulator always names a fixed user.)',
  'session.verified': 'The MFA session works: {arn}, until {expires}',
  'session.gaveUp':
    'AWS gave no MFA session for several codes. Check the phone\'s clock is set automatically. If it is and the codes are current, the device is out of step with AWS; two of its codes set it right:\n    {command}',
  'resync.intro': 'Resync {serial}: type two consecutive codes the device shows now (the second after the app changes it).',
  'resync.askFirst': 'Code shown now for {serial}:',
  'resync.askSecond': 'The next code (wait for the app to change it):',
  'resync.codesRefused': 'AWS did not take those codes as two consecutive ones from this device. Wait for a new code, and type it and the one after it.',
  'resync.done': '{serial} is in step with AWS again: its current codes work. Get a session with:\n    {command}',
  'resync.gaveUp': 'AWS refused three pairs of codes for {serial}. Check that the app\'s entry is this device (the account and user in its name), then run this again; if it still fails, an administrator can remove the device for you to enrol a new one.',
  'resync.notUser': 'The keys of profile {profile} are not an IAM user\'s, and resync works on an IAM user\'s own device. Pass --profile with the user\'s long-term keys.',
  'resync.denied': 'AWS refused to resync {serial} ({message}). It takes iam:ResyncMFADevice on the user\'s own device; ask your administrator to allow it. This prints a policy that does:\n    mfa-onboard policy',
  'resync.noSuchDevice': 'AWS knows no device {serial} for {user} ({message}). Check mfa_serial in the profile, or pass --mfa-serial with one of the user\'s devices. This lists them:\n    mfa-onboard status',
  'mfaProcess.ofProfile': "profile {profile}'s mfa_process",
  'mfaProcess.ofFlag': 'the --mfa-process command (profile {profile})',
  'mfaProcess.failed': 'No MFA code: {source} exited with status {status}. Nothing was written. Run the command yourself to see why:\n    {command}',
  'mfaProcess.notStarted': 'No MFA code: {source} could not be started ({message}). Nothing was written. The command was:\n    {command}',
  'mfaProcess.timedOut': 'No MFA code: {source} printed none within {seconds} s and was stopped (a YubiKey waiting for a touch, or a password manager waiting to be unlocked?). Nothing was written. The command was:\n    {command}',
  'mfaProcess.refused':
    'AWS refused the code {source} printed for {serial}. Nothing was written. If the program holds this device\'s seed, the device is out of step with AWS (enabled with codes typed late); two of its codes set it right:\n    {command}',
  'mfaProcess.notACode': 'No MFA code: the first line {source} printed is not a six-digit code. Nothing was written. The command was:\n    {command}',
  'session.askCodeFor': 'MFA code for {serial} ({name}):',
  'session.askCodeBackup': 'MFA code for {serial} (your backup device, {name}):',
  'session.reused': 'The MFA session in profile {sessionProfile} lasts until {expires}: using it. Pass --force for a new one.',
  'session.endingSoon': 'The MFA session in profile {sessionProfile} lasts until {expires}, less than the {wanted} it must still last (--min-remaining): getting a new one.',
  'session.expired': 'The MFA session in profile {sessionProfile} ended at {expires}: getting a new one.',
  'session.exportToTerminal':
    '--export {shell} prints the session\'s secret key and token for your shell to run, and on the screen they would stay in its scrollback: nothing was printed. Let the shell run them:\n    {command}',
  'session.credentialProcessToTerminal':
    '--credential-process prints the session\'s secret key and token for an AWS tool to read, and on the screen they would stay in its scrollback: nothing was printed. Put it in a profile of your AWS config file instead:\n    {line}',
  'setup.exportToTerminal':
    '--export {shell} prints the MFA session\'s secret key and token for your shell to run, and on the screen they would stay in its scrollback: nothing was done. Leave out --export; once the wizard is done, this puts the session into your shell:\n    {command}',
  'session.serialKept': 'This session used {serial} (--mfa-serial); the mfa_serial of profile {profile} stays {configured}.',
  'session.useIt':
    'Use it with --profile {sessionProfile} until {expires}, or for other tools (sh, bash, zsh):\n    {command}',
  'session.noDevice':
    'User {user} (profile {profile}) has no MFA device. Set one up first:\n    mfa-onboard --profile {profile}',
  'session.whichDevice': 'The user has {count} MFA devices. Which one will you use?',
  'session.badSerial':
    'AWS could not check the code against the MFA device {serial}: it does not belong to this user (or was just removed). Check mfa_serial in the config file, or pass --mfa-serial.',
  'session.noTty':
    'A code is needed for a new MFA session, but there is no terminal to ask on. Pass --codes-from-stdin, or run this once in a terminal (the session is then reused):\n    mfa-onboard session',
  'cli.badShell': '--export {value} is not a shell this tool writes for: use sh, fish, powershell or cmd.',
  'role.badArn': '--role-arn {value} is not a role ARN like arn:aws:iam::123456789012:role/Admin.',
  'role.badSessionName': '--role-session-name {value} is not a session name: 2 to 64 letters, digits and + = , . @ _ -.',
  'role.noSourceProfile':
    'Profile {profile} has a role_arn but no source_profile: the wizard needs the profile whose long-term keys assume the role. Add source_profile to it in the config file.',
  'role.durationTooLong': 'A role session lasts at most 12 hours (43200 seconds), and {duration} was asked: pass a shorter --duration.',
  'role.maxSession':
    'AWS refused {duration} seconds for {roleArn}: it is longer than the role allows (its MaxSessionDuration, 1 hour unless the role\'s administrator raised it, at most 12). Pass a shorter --duration, e.g. --duration 1h.',
  'role.chaining':
    'AWS refused {duration} seconds for {roleArn}: the credentials used are themselves from a role, and a role assumed from a role (role chaining) lasts at most 1 hour. Pass --duration 1h, or use a profile with long-term keys as source_profile.',
  'role.denied':
    'AWS did not let you assume {roleArn} ({message}). The role\'s trust policy must allow your user, often only with MFA (aws:MultiFactorAuthPresent): ask the role\'s administrator.',
  'session.clockBehind':
    'The saved session in profile {sessionProfile} says it ends at {expires}, further away than any session lasts: this computer\'s clock is behind. Getting a new session; set the clock automatically (NTP).',
  'session.rootDuration': 'The root user\'s sessions last at most 1 hour (3600 seconds), and {duration} was asked: pass --duration 1h or less.',
  'summary.daily': 'Every day',
  'session.noSerialForRoot': 'Profile {profile} does not belong to an IAM user, so its MFA device cannot be looked up: pass --mfa-serial, or set mfa_serial for the profile in the config file.',
  'session.otherOrigin': 'The session saved in profile {sessionProfile} was made for another profile, role or device: getting a new one.',
  'session.sourceNotLongTerm':
    'Profile {profile} is not a profile of long-term keys (it sets {key} in the config file), so it cannot make an MFA session. Pass --profile with the profile that holds your access key (the one the wizard imported).',
  'session.oddValue': 'The saved session holds a value that is not a plain access key, token or date, so it is not printed. Run again with --force for a new session.',
  'session.recursive':
    'mfa-onboard session was started by itself (a credential_process that names no --profile, or names its own profile): stopping here. Put --profile with the profile of your long-term keys in the credential_process line.',
  'role.chainedSource':
    'Profile {profile} assumes a role from {source}, which is itself a role: this tool assumes roles only from long-term keys. Set source_profile to the profile holding your access key.',
  'status.noUser': 'These credentials belong to {arn}, not to an IAM user: pass --user NAME to see a user.',
  'status.caller': 'Keys of',
  'status.user': 'IAM user',
  'status.device': 'MFA device',
  'status.deviceValue': '{name}  {serial}, enabled {enabled}',
  'status.noDevice':
    'none; set one up with:\n    {command}',
  'status.mfaSerial': 'mfa_serial',
  'status.serialCurrent': '{serial}',
  'status.serialStale': '{serial}  (not one of the user\'s devices any more)',
  'status.session': 'MFA session',
  'status.sessionValid': '{profile}, until {expires}',
  'status.sessionEnded':
    '{profile}, ended {expires}; a new one:\n    {command}',
  'status.orphans': 'Unfinished',
  'status.orphansUnknown': 'unknown (no permission for iam:ListVirtualMFADevices)',
  'status.notHere': 'not on this computer (no profile named {user} here)',
  'status.noSerial': 'none; a session records the device it uses:\n    {command}',
  'status.noSerialNoDevice': 'none (no MFA device yet)',
  'status.none': 'none',
  'status.underway': 'Under way',
  'status.underwayEnabled': 'enrolling {serial}: enabled, no session saved yet',
  'status.underwayNotEnabled': 'enrolling {serial}: stopped before it was enabled',
  'status.underwayReplaced': 'replacing {old} by {serial}: the new device is enabled, no session saved yet',
  'status.underwayReplacing': 'replacing {old}: stopped before the new device was enabled',
  'status.underwayOldGone': 'replacing {old}: it is removed, and the new device was never enabled',
  'status.nextFinishes': 'The next run asks one code from that device and saves the session:\n    {command}',
  'status.nextRetires': 'The next run asks one code from the new device, saves the session and retires {old}:\n    {command}',
  'status.nextStartsAfresh': 'The next run starts the enrolment afresh, removing the unfinished device if one is left:\n    {command}',
  'status.nextReplaces': 'The next run with --replace makes a new device and retires {old}:\n    {command}',
  'status.nextEnrols': 'The next run enrols a new device in place of {old}:\n    {command}',
  'setup.enabledNotVerified':
    'The MFA device {serial} is enabled and recorded as mfa_serial of profile {profile} in {config}, but no MFA session was saved. Run the same command again (it asks for one code and saves the session), or get one with:\n    aws sts get-session-token --serial-number {serial} --token-code CODE --profile {profile}',

  'save.done': 'Saved the session as profile {sessionProfile} in {credentials}',
  'save.serial': 'Recorded the device as mfa_serial of profile {profile} in {config}',
  'file.tightened': '{path} was readable by others (mode {mode}): it is now readable by you only (600).',
  'file.dirTightened': 'The folder {path} was open to others (mode {mode}): it is now yours only (700).',
  'file.locked': '{path} is being changed by another run (lock file {lock}). Wait for it to finish; if none is running, delete the lock file.',
  'file.readFailed': 'Could not read {path} ({reason}). Check that it is a file you can read; the AWS CLI and SDKs read it too.',
  'file.isDirectory': '{path} is a folder, but the AWS CLI and SDKs expect a file there. Move the folder away (or point AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE at the file), then run again.',
  'file.linkLoop': '{path} is a symbolic link that leads back to itself (a link loop), so no program can open it. Point the link at a real file (ls -l shows where it leads), then run again.',
  'profile.notFound':
    'There is no profile {profile} in {credentials} or {config}. Profiles there: {profiles}. Check the name (--profile, or AWS_PROFILE), or import the keys of an access-key CSV into it:\n    mfa-onboard ACCESS-KEYS.csv --profile {profile}',
  'profile.adminNotFound':
    "There is no profile {profile} in {credentials} or {config}. Profiles there: {profiles}. Check the name (--profile, or AWS_PROFILE), or add the administrator's keys as that profile: this asks for the access key ID and the secret access key (both in the administrator's access-key CSV); unlike the setup wizard, it enrols no MFA device for the administrator:\n    aws configure --profile {profile}",
  'profile.adminNoKeys':
    "Profile {profile} is in your AWS files, but the AWS SDK found no keys for it ({reason}). Use a profile that has the administrator's keys, or give it them: this asks for the access key ID and the secret access key (both in the administrator's access-key CSV); unlike the setup wizard, it enrols no MFA device for the administrator:\n    aws configure --profile {profile}",
  'profile.andMore': '{listed} and {count} more',
  'profile.noneThere': 'none',
  'profile.noKeys':
    'Profile {profile} is in your AWS files, but the AWS SDK found no keys for it ({reason}). Use a profile that has them, or give it keys:\n    mfa-onboard ACCESS-KEYS.csv --profile {profile}',
  'file.writeFailed': 'Could not write {path} ({reason}). Check you can write to that folder; nothing in the file was changed.',
  'ini.badName': '"{name}" cannot be written as a name in an AWS config file (no brackets, spaces or line breaks).',
  'ini.badValue': 'The value for {key} contains a line break and cannot be written safely.',
  'ini.duplicateSection': 'The file has two [{section}] sections, which the AWS CLI cannot read. Remove one by hand, then run again.',

  'rollback.removing': 'Removing the unfinished MFA device…',
  'rollback.removed': 'Removed the unfinished device {serial}',
  'rollback.failed':
    'Could not remove the unfinished device {serial} ({reason}). Running the wizard again will try to; if your permissions do not allow it (the usual policy denies it without MFA), an administrator can:\n    aws iam delete-virtual-mfa-device --serial-number {serial}',
  'rollback.pngRemoved': 'Removed {path}: it showed the unfinished device\'s QR code',
  'rollback.keptEnabled': 'The device {serial} turned out to be enabled for {user} after all, so it was kept.',

  'summary.heading': 'Done: {user} is protected by MFA',
  'summary.device': 'MFA device',
  'summary.profiles': 'Profiles',
  'summary.profilesValue': 'long-term keys: {profile}; MFA session: {sessionProfile}, until {expires}',
  'summary.file': 'Changed',
  'summary.fileBackup': '{path} (previous version: {backup})',
  'summary.next': 'Try it',

  'duration.invalid': '{flag} {value} is not a length of time: use e.g. 12h, 90m, 1h30m or a number of seconds.',
  'duration.outOfRange': '--duration {value} is {seconds} seconds; an MFA session lasts from 15m (900) to 36h (129600).',

  'demo.emulatorUnreachable':
    'The demo could not create its user on the emulator at {url} ({reason}). Check that an AWS emulator (moto, LocalStack) runs there, or leave out --emulator-url to use the built-in one.',
  'demo.heading': 'Demo: the wizard against a local AWS emulator',
  'demo.startingEmbedded': 'Starting the embedded AWS emulator (IAM and STS, in this process) on a free local port…',
  'demo.startingMoto': 'Starting the emulator (moto) on a free local port…',
  'demo.usingUrl': 'Using the AWS emulator already running at {url}.',
  'demo.rehearseConsistency': 'Rehearsal: for {seconds} s after the device is enabled, STS does not know it yet (IAM\'s eventual consistency).',
  'demo.rehearseFault': 'Rehearsal: the first {action} call fails ({kind}), with every retry of it.',
  'demo.ready':
    'The emulator runs at {url}. Created IAM user alice, with the policy `mfa-onboard policy` prints as her inline policy (she may manage her own MFA, nothing else without it), and her access-key CSV at {csv}. Your real ~/.aws is not touched: HOME is {home}. Scan the QR with a real authenticator app.',
  'demo.identityNote': 'Note: this emulator may name a fixed identity for every MFA session (moto says user/moto), so the check above may mention another user than alice. The embedded emulator, the default, names alice.',
  'demo.notRemoved': 'Could not remove the demo folder {dir} ({code}): another program may have it open. It holds only the demo\'s made-up keys; remove it yourself.',
  'demo.kept': 'The demo files are kept in {dir}.',
  'demo.tryMore': 'The demo\'s profiles and its MFA device worked only with that emulator: delete alice\'s entry from your authenticator app. The demo showed the wizard from an access-key CSV to a checked MFA session: the keys imported, a device created and enabled with two codes from your app, a session saved. To try more (the aws CLI, session, the administrator\'s commands) on an emulator that runs until you stop it:\n    mfa-onboard emulator\nFor real, with the access-key CSV the AWS console gave you:\n    mfa-onboard FILE',
  'demo.stopped': 'Stopped the emulator.',
  'demo.leftRunning': 'The emulator at {url} was not started by the demo: it is left running.',
  'demo.badEmulator': '--emulator {value} is not an emulator the demo knows: use embedded (the default, nothing to install) or moto; for another one already running, give its address with --emulator-url.',
  'demo.rehearsalNeedsEmbedded': '--rehearse-consistency and --rehearse-fault work only on the embedded emulator: leave out --emulator and --emulator-url.',
  'demo.badFault': '--rehearse-fault {value} is not ACTION=KIND: ACTION is one of {actions}; KIND is one of {kinds} (e.g. --rehearse-fault EnableMFADevice=throttle).',
  'emulator.badPort': '--port {value} is not a port: give a number from 1 to 65535, or leave --port out to get a free one.',
  'emulator.portInUse':
    'Port {port} on 127.0.0.1 is in use: another program (perhaps another emulator) listens there. Stop it, choose another port with --port, or leave --port out to get a free one.',
  'emulator.portDenied': 'Port {port} may not be used by this user (ports below 1024 need administrator rights on most systems). Choose a port from 1024 up, or leave --port out.',
  'emulator.badDir': 'Cannot write the administrator\'s key into {dir}: {reason}. Give a folder you can write to with --dir, or leave --dir out to use a new temporary folder.',
  'emulator.fileExists':
    '{path} is there already. The emulator never writes over a file (it may hold real keys): remove it, or give another folder with --dir, or leave --dir out to use a new temporary folder.',
  'emulator.ready': 'The embedded AWS emulator (IAM and STS) runs at {url} until Ctrl-C. Users, keys, groups, policies and MFA devices live in memory and go with it; policies are evaluated as IAM does.',
  'emulator.admin':
    'The ready administrator is user admin (allowed everything): its access-key CSV is {csv} (mode 0600), and the same key is imported as profile {profile} in {credentials}, with its region in {config}.',
  'emulator.temporaryDir': '{dir} is a temporary folder: it is removed, keys and all, when the emulator stops.',
  'emulator.ownDir': '{dir} is kept when the emulator stops; the keys in it work only with this emulator.',
  'emulator.howTo': `Point the aws CLI and this tool's commands at it from another terminal (the file variables keep your own ~/.aws out of the rehearsal; --endpoint-url with the URL on each command works too):
{commands}`,
  'emulator.stopped': 'Stopped the emulator at {url}: everything it held is gone.',
  'emulator.notRemovedDir': 'Could not remove {dir} ({code}): another program may have it open. Its keys worked only with the emulator, which is gone; remove it yourself.',
  'emulator.removedDir': 'Removed {dir}.',
  'emulator.keptDir': 'Kept {dir}: its keys worked only with the emulator, which is gone.',
  'demo.admin.heading': 'Demo for administrators: an onboarding day on a local AWS emulator',
  'demo.admin.ready':
    "The emulator runs at {url}. Your real ~/.aws is not touched: in this demo ~ is {home}, where profile {profile} holds the emulator's ready administrator (allowed everything). Each step shows its command line, then runs it: with your own administrator's profile, the same command does the same on AWS. The hires' phones scan their QR codes (one phone can play both).",
  'demo.admin.step': 'Step {n} of {total}: {what}\n    {command}',
  'demo.admin.policy': 'put the MFA policy on group {group} (made now): its members may manage their own MFA device, and nothing else without an MFA session',
  'demo.admin.createUser': 'create hire {user} in group {group}, and the access-key CSV to hand over to them',
  'demo.admin.batch':
    "enrol {first} and {second} in turn, as ~/users.csv lists them: each hire's phone scans their QR code; their keys (from their CSV) check the session in memory, and no profile of theirs is saved here",
  'demo.admin.usersCsv': '~/users.csv names each hire and the key CSV admin create-user wrote for them (a path relative to users.csv):\n{rows}',
  'demo.admin.reset': "{user} lost their phone: remove {user}'s MFA device, so that a new phone can be enrolled",
  'demo.admin.done':
    "Shown: the MFA policy on group {group}; {first} and {second} created, each with a key CSV to hand over, and enrolled with their phones (no profile or session of theirs saved on this computer); {first}'s device removed as for a lost phone. To rehearse more (the aws CLI, Terraform, your own scripts, a hire's first run on their own computer), run the same emulator on its own:\n    {command}",
  'demo.admin.stopped':
    'The rehearsal stopped: its emulator and files go with it, so a command above that carries on does not apply. To rehearse the day again from the start:\n    {command}',
  'demo.admin.needsEmbedded': '--admin rehearses on the embedded emulator only (it checks MFA codes and evaluates the MFA policy): leave out --emulator and --emulator-url.',
  'demo.admin.notHere':
    "{flag} is not for demo --admin: the demo names its own administrator, hires and files, and keeps nothing of the hires'. Leave out {flag}.",
  'demo.noMoto':
    '--emulator moto needs python3 with moto, and this check fails here:\n    python3 -c "import moto.server"\nRun the demo without --emulator: its embedded emulator needs nothing installed. Or start moto or LocalStack yourself and pass its address with --emulator-url.',
  'moto.failed':
    'The AWS emulator (moto) did not start: {reason}. Check that this works:\n    python3 -m moto.server --help',
  'admin.alreadyEnrolled':
    '{user} already has {count} MFA device(s), such as {serial} (enabled {since}). To enrol a new phone in its place, run again with --replace (the new device is added first, then the old one removed), or remove the devices first with:\n    {command}',
  'replace.forAnother': 'Enrolling a device for someone else? An administrator names the user with --user:\n    mfa-onboard --profile {profile} --user NAME',
  'replace.ask':
    '{user} already has {count} MFA device(s), such as {serial} (enabled {since}). What happened?',
  'replace.choiceReplace': 'New phone, and the old one still shows codes: replace it',
  'replace.choiceAdmin': 'Enrol a new phone, then remove the old device',
  'replace.choiceLost': 'The old phone is lost or broken',
  'replace.choiceStop': 'Stop, change nothing',
  'replace.whichOld': 'Which of the {count} devices does the new phone replace?',
  'replace.noSuchDevice':
    '{serial} is not one of this user\'s MFA devices ({devices}). Pass one of those with {flag}.',
  'replace.lostPhone':
    'Without the old phone, {user} cannot remove its MFA device: the usual policy lets a user remove a device only while signed in with MFA. Nothing was changed. Ask an administrator to run:\n    {command}\nor, with the AWS CLI:\n    aws iam deactivate-mfa-device --user-name {user} --serial-number {serial}\n    aws iam delete-virtual-mfa-device --serial-number {serial}\nThen enrol the new phone with:\n    mfa-onboard --profile {profile}',
  'replace.oldHeading': 'First, a code from the OLD phone (to prove it is yours). The old phone is lost? Press Enter without a code.',
  'replace.namePinned':
    'AWS refused a second device named {name}: a policy allows only a device named after the user (mfa/{user}). So the old device must go first, and {user} is without MFA from then until the new phone is enabled, a minute or two. If the run stops there, run the wizard again: it enrols the new phone.',
  'replace.removeFirstAsk': 'Remove the old device {serial} of {user} now, then enrol the new phone?',
  'replace.withoutMfa':
    '{user} has no MFA device now. Enrol the new phone by running again:\n    mfa-onboard --profile {profile}',
  'replace.oldKept':
    'The old device {old} was kept, so nothing is lost. Run the wizard again to finish the replacement.',
  'replace.finishing':
    'An earlier replacement enabled {serial} but did not remove the old device {old}. Finishing it: a code from the NEW phone removes the old device.',
  'enrol.finishing':
    'An earlier run on this computer enabled {serial} for {user} but saved no session. Finishing it: a code from the phone gets the session.',
  'replace.alreadyDone':
    'The earlier replacement is complete: {old} is gone and {serial} is in use. Nothing to do.',
  'replace.resumeEnrol':
    'An earlier replacement removed the old device {old} and stopped before the new one was enabled. Enrolling the new phone now.',
  'replace.nothingToReplace':
    '{user} has no MFA device, so there is nothing to replace: setting up a first device.',
  'remove.deactivated':
    'Deactivated {serial} for {user} (a hardware key or passkey: it stays in the account)',
  'remove.deleted': 'Removed the MFA device {serial} from {user}',
  'remove.denied':
    'AWS refused to remove {serial} from {user} ({message}). Removing takes iam:DeactivateMFADevice and iam:DeleteVirtualMFADevice, which the usual self-service policy grants only in an MFA session. An administrator can run:\n    {command}',
  'remove.temporarilyUnmodifiable':
    'IAM cannot change {user} right now (EntityTemporarilyUnmodifiable: the user was just created or changed). {serial} is still there; wait a minute and run the same command again.',
  'remove.deleteConflict':
    'IAM would not delete {serial}: it still counts it as assigned to a user (DeleteConflict). Right after a deactivation IAM can take a moment to catch up: run the same command again in a minute. If it persists, deactivate it with:\n    aws iam deactivate-mfa-device --user-name {user} --serial-number {serial}',
  'remove.limitExceeded':
    'IAM refused to change {serial} of {user} because a limit was reached ({message}). Wait a moment and run the same command again.',
  'admin.actingFor': 'Acting for {user} ({arn}) as {admin}',
  'admin.noSuchUser':
    'There is no IAM user {user} in account {account} (where profile {profile} signs in). Check the name, or create the user first.',
  'admin.denied':
    'Profile {profile} ({arn}) may not look up IAM users ({message}). Acting for another user takes an administrator\'s profile with IAM rights.',
  'admin.csvOtherUser':
    'The keys in {path} belong to {arn}, not to {user}. Give the CSV of {user}, or leave it out (the session check then needs {user}\'s own keys later).',
  'admin.listed': 'IAM lists {serial} as enabled for {user}',
  'admin.notListed':
    'IAM does not list {serial} as enabled for {user}, although enabling it succeeded. Check with:\n    mfa-onboard status --user {user}',
  'reset.needUser':
    'Name the user whose MFA devices to remove:\n    mfa-onboard reset --profile {profile} --user NAME',
  'reset.heading': 'MFA devices of {user}',
  'reset.virtual': '{serial}, virtual, enabled {enabled}',
  'reset.hardware': '{serial}, hardware key or passkey (deactivated only), enabled {enabled}',
  'reset.orphan': '{serial}, unfinished (assigned to nobody)',
  'reset.nothing': '{user} has no MFA device and no unfinished one: nothing to remove.',
  'reset.which': 'Which of the {count} devices should go?',
  'reset.all': 'All {count} of them',
  'reset.confirm':
    'Remove {count} device(s) and {orphans} unfinished one(s) of {user}? Until a new one is enrolled, {user} signs in without MFA.',
  'reset.selfLockout':
    'Refusing to remove every MFA device of {user}: profile {profile} is {user}\'s own, and without MFA the usual policy would stop {user} from enrolling again. To change phones, run this (it adds the new device before removing the old one), or have another administrator run the reset:\n    mfa-onboard --profile {profile} --replace',
  'reset.enrolAsk':
    '{user} has no MFA device now: until one is enrolled, {user} signs in without MFA and is refused what needs it. Enrol {user}\'s new phone now (it must be at hand to scan the code)?',
  'reset.enrolAskKept': '{user} still has {count} MFA device(s). Enrol a new one for {user} now as well (with the new phone at hand)?',
  'reset.enrolCancelled': 'Cancelled the enrolment; nothing of it was left half-done.',
  'reset.next':
    'When {user}\'s new phone is at hand, enrol it with:\n    {command}',
  'summary.checked': 'Checked',
  'summary.checkedSession': 'a session with {user}\'s keys and this device works, until {expires}; neither was kept here',
  'summary.checkedListed': 'IAM lists the device as {user}\'s (no session was tried: that needs {user}\'s keys)',
  'summary.handOver': 'Hand over',
  'summary.handOverCsv': 'give {path} to {user} (in person, or however your organisation moves secrets), then delete it here',
  'summary.handOverNoCsv': '{user} sets up their own computer with their own access keys: their CSV, or the profile that holds them (as below). No keys yet? This makes a CSV:\n    mfa-onboard admin create-user {user} --existing --profile ADMIN',
  'summary.userRuns': '{user} runs',
  'admin.enabledNotChecked': 'The MFA device {serial} is enabled for {user}, but the session check with {user}\'s keys did not pass. Nothing of {user}\'s was saved here; {user} checks it on their own computer with their CSV, which asks one code from the phone:\n    mfa-onboard CSV',
  'pickUp.found': '{user} has an MFA device already: {serial} (enabled {since}), not yet set up on this computer. If your phone has it (an administrator enrolled it with you), a code from it sets this computer up. Not on your phone? Press Enter without a code.',
  'pickUp.whichDevice': 'You have {count} MFA devices. Which one is on your phone?',
  'setUp.heading': '{user} is set up on this computer: nothing to do',
  'setUp.session': 'MFA session',
  'setUp.sessionUntil': 'profile {profile}, until {expires}',
  'setUp.sessionEnded': 'profile {profile}, ended {expires}',
  'setUp.sessionNone': 'profile {profile} (none saved yet)',
  'setUp.freshSession': 'A fresh session',
  'setUp.newPhone': 'New or lost phone',
  'batch.handOverHeading': 'Still to hand over ({count}): give each file to its hire (in person, or however your organisation moves secrets), then delete it here',
  'batch.handOverRuns': 'On their own computer, each hire runs this with their file; one code from their phone sets them up:\n    {command}',
  'status.othersProfiles': 'This computer holds the access keys and MFA sessions of {count} other IAM user(s), left by an earlier version of this tool enrolling them as an administrator. Whoever holds them can act as those users, with MFA satisfied, and CloudTrail names the user. Delete these sections (nothing here touched them); each user sets up their own computer with their access-key CSV:',
  'status.othersProfile': '  {user}:',
  'status.othersIn': '    {path}: {sections}',
  'admin.hiresOwn': '{flag} is about the hire\'s own session or CSV, and an administrator keeps nothing of the hire\'s: the session is checked in memory and dropped, and the CSV is handed over, not deleted here. Leave out {flag}; the hire saves their session on their own computer with:\n    mfa-onboard CSV',
  'summary.removed': 'Removed',
  'summary.otherDevice': 'Also',
  'summary.backupValue': '{serial} (the backup: its codes make a session too, and let you replace a lost phone yourself)',
  'summary.mfaSerial': 'mfa_serial',
  'summary.mfaSerialValue': '{serial} (the device `session` asks for; --mfa-serial picks another)',
  'backup.why':
    'A backup device (a second phone, a tablet, or a password manager that keeps MFA codes) lets you replace a lost phone yourself, without an administrator.',
  'backup.ask': 'Add a backup device now?',
  'backup.cancelled': 'Cancelled. Only the backup device was undone; the rest is set up (see above).',
  'backup.heading': 'Backup device',
  'backup.enabled': 'Enabled backup MFA device {serial} for {user}',
  'backup.pinned':
    "This account's policy allows one MFA device per user (it allows only a device named mfa/{user}, so AWS refused {name}). {user} is set up with the one device. An administrator can allow more with:\n    mfa-onboard policy --device-name-scope any",
  'backup.notAdded':
    "The backup device was not added (anything of it was removed again). {user}'s first device and session are set up and untouched. Add a backup later with:\n    mfa-onboard add-backup",
  'backup.noDevice':
    '{user} has no MFA device yet, so there is nothing to back up: enrol one first with:\n    mfa-onboard --profile {profile}',
  'backup.sessionHeading': 'First, a code from a device you have (IAM adds a further device only with MFA).',
  'backup.done': '{user} now has {count} MFA devices: {serials}. mfa_serial still names {serial}.',
  'replace.withBackup': 'A code from your backup device {name} enrols the new phone; the lost device {old} goes afterwards, and the backup stays.',
  'replace.whichBackup': 'Which device is at hand to make the session?',
  'error.cancelledRunAgain':
    'Cancelled. Run the same command again: it carries on from where this run stopped.',
  'replace.noCodeDevice':
    'None of this user\'s MFA devices ({devices}) shows codes (passkeys and security keys do not), so none can prove a replacement. An administrator can reset the devices instead:\n    mfa-onboard reset --profile ADMIN --user NAME',
  'reset.denied':
    'AWS refused to remove {serial} from {user} ({message}). Removing takes iam:DeactivateMFADevice and iam:DeleteVirtualMFADevice, which {command} does not have: ask an administrator who has them to run this reset.',
  'reset.confirmSome': 'Remove {count} device(s) and {orphans} unfinished one(s) of {user}?',
  'reset.confirmNoOrphans': 'Remove {count} device(s) of {user}? Until a new one is enrolled, {user} signs in without MFA.',
  'reset.confirmSomeNoOrphans': 'Remove {count} device(s) of {user}?',
  'reset.kept': 'Nothing was removed: the user keeps every device.',
  'policy.badCidr':
    '--allow-ip {value} is not an IP range: give an IPv4 or IPv6 address with an optional prefix length, written without leading zeros, such as 203.0.113.0/24 or 2001:db8::/32.',
  'policy.badScope':
    '--device-name-scope {value} is not a scope: use user (devices named after the user only) or any.',
  'policy.badName':
    '{flag} {name} is not an IAM name: use letters, digits and + = , . @ _ - only, up to 128 characters.',
  'policy.needsAttachGroup':
    '{flag} is used only when attaching the policy to a group: add --attach-group NAME (with the administrator\'s --profile) to attach it, or leave out {flag} to print the policy.',
  'policy.badPartition':
    '--partition {value} is not an AWS partition: use aws, aws-cn (China) or aws-us-gov (GovCloud US).',
  'policy.otherPartition':
    '--partition {partition} does not match profile {profile}, whose account is in partition {actual}. Attaching writes the ARNs of the administrator\'s own partition: leave out --partition, or use a profile of an account in {partition}.',
  'policy.noGroup':
    'There is no IAM group {group}. Check the name, or add --create-group to create it.',
  'policy.groupCreated': 'Created the IAM group {group}',
  'policy.unchanged': 'Group {group} already has this policy as {name}: nothing changed',
  'policy.attached': 'Attached the policy to group {group} as inline policy {name}',
  'policy.updated': 'Replaced the inline policy {name} of group {group} with this one',
  'policy.differs': 'Group {group} already has an inline policy {name}, and it differs from this one. What replacing it changes (- there now, + this one):',
  'policy.replaceAsk': 'Replace the inline policy {name} of group {group} with this one?',
  'policy.needsForce':
    'Group {group} already has a different inline policy {name} (the changes are above), and there is no terminal to ask whether to replace it: nothing was changed. To replace it, add --force (the policy there now is saved first, so that it can be put back).',
  'policy.kept': 'Nothing changed: the group keeps its inline policy as it was.',
  'policy.saveFailed': 'Could not save the inline policy {name} that group {group} has as {path} ({reason}), so it was not replaced. Make room there, or check the folder can be written, and run again.',
  'policy.saved': 'Saved the inline policy {name} that group {group} had as {path}. To put it back:\n    {command}',
  'policy.forTerminalTitle': 'The IAM policy for your users, as JSON (what to do with it follows it):',
  'policy.forTerminal':
    'The policy above lets each user manage only their own MFA device and denies everything else until they have an MFA session. To attach it to a group of your users (with an administrator\'s profile):\n    mfa-onboard policy --attach-group GROUP --profile ADMIN\nor save it to a file:\n    mfa-onboard policy > require-mfa.json',
  'policy.denied':
    'Profile {profile} may not do {action} ({message}). Attaching the policy takes an administrator\'s profile with iam:GetGroup, iam:GetGroupPolicy and iam:PutGroupPolicy (and iam:CreateGroup with --create-group).',
  'cli.adminUsage':
    'Usage:\n    mfa-onboard admin create-user NAME [--group G] [--out DIR] [--path /PATH/] [--existing] --profile ADMIN',
  'admin.badUserName':
    '"{name}" cannot be an IAM user name: use letters, digits and + = , . @ _ - only, up to 64 characters.',
  'admin.badPath':
    '--path {path} is not an IAM path: it starts and ends with /, such as / or /engineering/.',
  'admin.csvExists':
    '{path} exists already, and it is never overwritten (it may hold another key). Move it away, or choose another folder with --out.',
  'admin.noOutDir': '--out {path} is not a folder. Create it first, or name an existing one.',
  'admin.outDirNotWritable':
    'You may not write to the folder --out {path} ({reason}), so nothing was created. Name a folder you can write to.',
  'admin.csvWriteFailed':
    'Could not write {path} ({reason}). Check that the folder has room and that you may write there, then run again.',
  'admin.userExists':
    'IAM user {name} exists already. To give that user a new access key (and a CSV), add --existing.',
  'admin.twoKeys':
    '{name} already has two access keys ({keys}), the most IAM allows. Delete one that is no longer used, then run again:\n    aws iam delete-access-key --user-name {name} --access-key-id ID',
  'admin.userAnswerLost': 'The answer to creating IAM user {name} was lost on the way back, and the retry found the user that first try had made: going on with it.',
  'admin.lostKeyDeleted':
    'AWS made access key {keyId} for {name}, but its answer (with the secret) was lost on the way back: nobody can ever be given that secret, so the key was deleted.',
  'admin.lostKeyKept': 'The CSV holds {keyId}: the key whose answer arrived.',
  'admin.lostKeyAgain': 'Making another key for {name} in its place…',
  'admin.lostKeyUnchecked':
    'An answer to CreateAccessKey for {name} was lost, so AWS may also have made a key whose secret never arrived, and IAM did not let this run look ({reason}; it needs iam:ListAccessKeys). The CSV holds {keyId}; delete any other key of {name} made just now:\n    aws iam list-access-keys --user-name {name}',
  'admin.userCreated': 'Created IAM user {name} ({arn})',
  'admin.noGroup':
    'There is no IAM group {group}. Create it with its policy first:\n    mfa-onboard policy --attach-group {group} --create-group --profile ADMIN',
  'admin.addedToGroup': 'Added {name} to group {group}',
  'admin.keyWritten': 'Created access key {keyId}; its secret is only in {path} (mode 600)',
  'admin.createUserNext': 'Next, with {name}\'s phone at hand:\n    mfa-onboard {path} --profile {profile} --user {name}\nThen give the file to {name} (or give it now: {name} can enrol alone with it), who runs on their own computer:\n    mfa-onboard {file}',
  'admin.undone': 'Took back: {what}',
  'admin.undoFailed': 'Could not take back {what}: remove it by hand (aws iam …)',
  'admin.createDenied':
    'Profile {profile} may not do {action} ({message}). Creating users takes an administrator\'s profile with iam:CreateUser, iam:AddUserToGroup and iam:CreateAccessKey.',
  'batch.usage':
    'Usage:\n    mfa-onboard batch users.csv --profile ADMIN [--create] [--only NAME]... [--skip NAME]... [--report FILE]',
  'batch.badFile':
    '{path} is not a readable CSV. It needs a header line with a user column, and one hire per line.',
  'batch.noFile': "There is no file at {path}. batch reads a list of hires: a header row, then one hire a row (the columns are in the batch's help):\n    mfa-onboard batch --help",
  'batch.noUserColumn':
    '{path} has no user column. Its first line names the columns: user (required), path, group, csv (the hire\'s access-key CSV).',
  'batch.badUser':
    'Line {line} of {path}: "{name}" is not an IAM user name (letters, digits and + = , . @ _ - only, up to 64 characters).',
  'batch.duplicate': '{name} is listed twice in {path}. List each hire once.',
  'batch.empty': '{path} lists no hires: add one user per line under the header.',
  'batch.badState':
    'The batch\'s state file {path} is damaged. Move it away to start the batch over (hires already enrolled are then offered again).',
  'batch.notInFile': '{name} (from --only or --skip) is not listed in {path}.',
  'batch.selfInFile':
    'The administrator\'s own user ({arn}) is listed among the hires. Enrol yourself with the wizard, not in a batch.',
  'batch.resuming':
    '{done} of {total} hires are already done or skipped (from {path}): carrying on with the rest.',
  'batch.nothingLeft':
    '{done} of {total} hires are already done or skipped (from {path}): nothing is left to enrol in this run.',
  'batch.skippedBefore': 'Skipped at an earlier hand-over: {users}. To enrol them:\n    {command}',
  'batch.noSuchUsers':
    '{users} has no IAM user in account {account} (where profile {profile} signs in), and without --create the batch enrols existing users only. Nothing was done. To create the missing users (with the group and path users.csv gives) and enrol them, add --create:\n    {command}\nOr check the names in the file, or leave them out with {skip}.',
  'batch.clearsBetween': 'Between hires the screen and its scrollback are cleared, so that no hire\'s QR code can be scrolled back to: copy now anything above that you want to keep.',
  'batch.handOverBack': 'When {user} is done, or presses Ctrl-C, the keyboard comes back to a screen that only the administrator can leave.',
  'batch.interrupted': '{user}\'s enrolment was stopped with Ctrl-C; the device begun for it was removed.',
  'batch.interruptedEnabled': '{user}\'s enrolment was stopped with Ctrl-C after the device was enabled: {user} is recorded as enrolled (the session was not checked).',
  'batch.turnDone': 'Done: {user} is enrolled. {user}, please hand the keyboard back to the administrator.',
  'batch.turnFailed': '{user} is not enrolled (why is said above). {user}, please hand the keyboard back to the administrator.',
  'batch.turnInterrupted': '{user}\'s turn was stopped. {user}, please hand the keyboard back to the administrator.',
  'batch.adminGuard': 'Administrator: type the profile this batch runs with (--profile) to take the keyboard back',
  'batch.adminGuardWrong': 'That is not the batch\'s profile. The administrator types it, as given to --profile.',
  'batch.adminNext': 'Administrator: what next?',
  'batch.nextHire': 'Go on to the next hire ({user})',
  'batch.nextSummary': 'Show the summary (no hire is left)',
  'batch.again': 'Enrol {user} again',
  'batch.stopHere': 'Stop the batch here (the same command carries on later)',
  'batch.stoppedAfter': 'Stopped after {user}. Everyone so far is recorded. To carry on:\n    {command}',
  'batch.handOver': 'Hire {k} of {n}: {user}. Hand the keyboard to {user}, with their phone.',
  'batch.ready': 'Ready to enrol {user}?',
  'batch.enrol': 'Yes: enrol {user} now',
  'batch.skip': 'Skip {user} (not here today)',
  'batch.stoppedEnrolled':
    'Stopped at {user}, whose device is enabled and recorded (the session was not checked). Everyone before is recorded too. To carry on:\n    {command}',
  'batch.stopped':
    'Stopped at {user}. Everyone before is recorded. To carry on:\n    {command}',
  'batch.failed': '{user} was not enrolled: {message}',
  'batch.summary': 'Batch: {done} of {total} hires enrolled',
  'batch.colUser': 'User',
  'batch.colStatus': 'Status',
  'batch.colDevice': 'MFA device',
  'batch.colEnabled': 'Enabled at',
  'batch.colSession': 'Session verified',
  'batch.failedMore': '{user}: {message}',
  'batch.colError': 'Error',
  'batch.statusDone': 'done',
  'batch.statusSkipped': 'skipped',
  'batch.statusInterrupted': 'interrupted',
  'batch.endInterrupted': 'Interrupted with Ctrl-C and passed over: {users}. Their unfinished devices were removed; the next run of the batch enrols them:\n    {command}',
  'batch.endSkipped': 'Skipped at the hand-over: {users}. Later runs leave them out; to enrol them:\n    {command}',
  'batch.statusFailed': 'failed',
  'batch.sessionYes': 'yes',
  'batch.sessionNo': 'no',
  'batch.reportWritten': 'Wrote the report to {path}',
  'batch.reportFolder': "The report cannot be written to {path}: the folder {folder} does not exist or is not writable. Create the folder, or pass another --report path; nothing was done yet.",
  'batch.otherAccount': "{path} records hires of account {recorded}, but profile {profile} is in account {account}. Run the batch with a profile of account {recorded}, or, for account {account}, use a copy of the users file (each file keeps its own state).",
  'batch.alreadyEnrolled':
    '{user} already has an MFA device ({serial}): recorded as done. To enrol a new phone in its place:\n    mfa-onboard --profile {profile} --user {user} --replace',
  'batch.enabledNotVerified': "{user}'s device is enabled, so {user} is recorded as done, but the session check did not pass: {message}",
  'batch.flagForOne':
    '{flag} applies to one user, so it cannot be given to a batch (every hire would get the same). Leave it out; for one hire, run instead:\n    mfa-onboard --profile ADMIN --user NAME {flag} …',
  'batch.someFailed':
    'Some hires were not enrolled ({failed}). Run the same command again to try them again; the others are kept.',
} as const satisfies Record<string, string>;

export type MessageId = keyof typeof en;

// NOTE: errors.ts (below ui/) names messages by id: its MessageCatalog gets the ids from here.
declare module '../../errors.js' {
  interface MessageCatalog extends Record<keyof typeof en, string> {}
}
