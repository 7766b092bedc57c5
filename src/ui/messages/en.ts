/**
 * English messages, keyed by id. `{name}` is replaced by a parameter. Another language
 * is a file beside this one with the same ids and parameters.
 */
export const en = {
  'help.main': `mfa-onboard {version}: from the AWS console's access-key CSV to a working, verified MFA session, in one guided run.

Usage
{setupUsage}
{sessionUsage}
{statusUsage}
{resetUsage}
{policyUsage}
{adminUsage}
{batchUsage}
{demoUsage}
  mfa-onboard help                      show this help

What the wizard does
  1. imports the access-key CSV into a profile of ~/.aws/credentials
  2. checks the keys with AWS and finds your IAM user name
  3. creates a virtual MFA device named after you and shows its QR code
  4. enables it with two consecutive codes from your authenticator app
  5. gets an MFA session, checks it, and saves it as profile <profile>-mfa

Situations
  new phone, old one at hand   mfa-onboard --profile P --replace: adds the new device
                               (named <user>-<yyyymmdd>), checks it, then removes the old
                               one. Where a policy allows only mfa/<user>, the old device
                               goes first (it says so before). A run that stops half-way
                               is finished by the next one.
  old phone lost               an administrator: mfa-onboard reset --profile ADMIN --user U
  administrator with a hire    mfa-onboard --profile ADMIN --user U [U's CSV]: the
                               administrator's keys create and enable the device with the
                               hire's phone; with the hire's CSV, the session is checked
                               with the hire's keys, else IAM's listing is the check

{setupOptions}

{sessionOptions}

{policyOptions}

{resetOptions}

{demoOptions}

Without a terminal the wizard never asks: a missing answer is an error naming its flag.

Files and variables: AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE, AWS_PROFILE, AWS_REGION,
AWS_ENDPOINT_URL(_IAM|_STS) are honoured as the AWS CLI honours them. NO_COLOR turns
colour off.

Exit codes: 0 done, 1 error, 2 cancelled.

Examples
  npx aws-mfa-onboard ~/Downloads/alice_accessKeys.csv
  mfa-onboard ./credentials.csv --user alice --profile alice --region eu-west-1
  mfa-onboard --profile alice            (keys already in ~/.aws/credentials)
  mfa-onboard demo                       (try it against a local emulator)
  mfa-onboard session --profile alice    (each morning: a fresh MFA session)
  credential_process = mfa-onboard session --profile alice --credential-process`,
  'help.usage.setup': `  mfa-onboard [setup] [CSV] [options]   run the setup wizard (the default command)`,
  'help.usage.session': `  mfa-onboard session [options]         refresh the MFA session (reused while it lasts)`,
  'help.usage.status': `  mfa-onboard status [--profile P] [--user U] [--json]
                                        who the keys are, the user's MFA devices, the
                                        session and its expiry, unfinished devices`,
  'help.usage.reset': `  mfa-onboard reset --profile ADMIN --user NAME [--all | --remove-serial ARN]
                    [--enrol]           an administrator removes a user's MFA devices
                                        (a lost phone), then may enrol a new one`,
  'help.usage.policy': `  mfa-onboard policy [--allow-ip CIDR]... [--device-name-scope user|any] [--partition P]
                     [--attach-group NAME [--create-group] --profile ADMIN]
                                        print (or put on a group) the IAM policy that lets
                                        users manage only their own MFA and password, and
                                        denies the rest without MFA`,
  'help.usage.admin': `  mfa-onboard admin create-user NAME [--group G] [--out DIR] [--path /P/] [--existing]
                                        an administrator creates the user, adds it to the
                                        group and writes NAME_accessKeys.csv (mode 0600)
                                        into DIR (default: here); --existing: only a new key`,
  'help.usage.batch': `  mfa-onboard batch users.csv --profile ADMIN [--create] [--only NAME]... [--skip NAME]...
                    [--report FILE]     enrol several hires one after another, each with
                                        their phone; resumable (users.csv.state.json), with
                                        an audit log (users.csv.audit.jsonl) and a report`,
  'help.usage.demo': `  mfa-onboard demo [options]            run the wizard against a local AWS emulator (built
                                        in: needs nothing but Node)`,
  'help.options.setup': `Options
  CSV                       the console's <user>_accessKeys.csv or credentials.csv
  --profile NAME            profile to import the keys into (default: asked, suggests
                            your IAM user name); without a CSV, the existing profile to
                            use (else AWS_PROFILE)
  --session-profile NAME    profile for the MFA session (default: <profile>-mfa)
  --user NAME               which user of a credentials.csv holding several; with
                            --profile of an administrator, the user to act for
  --replace                 the user has a device and the old phone still works:
                            enrol the new phone in its place
  --old-serial ARN          with --replace, the device to retire when there are several
                            (formerly --serial, which still works)
  --device-name NAME        virtual MFA device name (default: your IAM user name, which
                            policies pinning mfa/\${aws:username} require)
  --region REGION           region written to the profile and used for STS (default:
                            asked, suggesting AWS_REGION or us-east-1)
  --endpoint-url URL        send IAM and STS calls here (also AWS_ENDPOINT_URL,
                            AWS_ENDPOINT_URL_IAM, AWS_ENDPOINT_URL_STS)
  --duration TIME           MFA session length, 15m to 36h (e.g. 12h, 90m, 3600);
                            default 12h
  --show-secret             show the MFA key for typing into the app by hand (it is
                            printed on stderr: keep it out of logs)
  --qr-png FILE             also write the QR code to FILE (mode 0600)
  --codes-from-stdin        read MFA codes one per line from stdin, as they are needed
  --replace-profile         replace other keys already stored under the profile name
  --delete-csv, --keep-csv  delete (or keep) the CSV afterwards without asking
  --allow-clock-drift       send codes from a phone whose clock is off without asking
  --export SHELL            at the end, print lines that set the session in sh, fish,
                            powershell or cmd (stdout)
  -y, --yes                 take the default answer to every question
  --lang en|ja              language of messages (else MFA_ONBOARD_LANG, LC_ALL,
                            LC_MESSAGES, LANG; ja_JP.UTF-8 gives Japanese)
  --keep                    demo only: keep the demo's temporary folder
  -h, --help                show this help
  -V, --version             show the version`,
  'help.options.session': `Options of session
  --profile NAME            profile with the long-term keys (default: AWS_PROFILE, else
                            default); the session goes to <profile>-mfa
  --mfa-serial ARN          MFA device to use (default: the profile's mfa_serial, else
                            the user's only device, else asked); formerly --serial,
                            which still works
  --min-remaining TIME      reuse a saved session only if it lasts this much longer
                            (default 15m)
  --force                   get a new session even if the saved one is still valid
  --export sh|fish|powershell|cmd
                            print lines that set AWS_ACCESS_KEY_ID and the rest:
                            eval "$(mfa-onboard session --export sh)"
  --credential-process      print the credential_process JSON; a code, when needed, is
                            asked on the terminal (/dev/tty), never on stdin/stdout
  --role-arn ARN            assume this role with the MFA code; the role session goes
                            to <profile>-<role name> (a config profile with role_arn,
                            source_profile and mfa_serial is used the same way, its
                            session going to <profile>-mfa); --duration up to 12h, 1h
                            by default
  --role-session-name NAME  the role session's name (default mfa-onboard-<profile>)`,
  'help.options.policy': `Options of policy
  --allow-ip CIDR           (repeatable) calls from this IPv4/IPv6 range need no MFA
  --device-name-scope user  users may create only a device named after themselves
                            (mfa/\${aws:username}); --replace then retires the old device
                            first (default)
  --device-name-scope any   devices of any name (mfa/*): --replace adds the new device
                            before retiring the old; a user may also delete others'
                            unfinished devices
  --partition P             aws (default), aws-cn or aws-us-gov: the partition in the
                            printed ARNs (attaching always uses the --profile's own)
  --attach-group NAME       put the policy on this group as an inline policy (with the
                            administrator's --profile); run twice, it changes nothing
  --create-group            create the group first if it does not exist
  --policy-name NAME        the inline policy's name (default mfa-onboard-require-mfa)
                            --create-group, --policy-name, --profile and --region go with
                            --attach-group only`,
  'help.options.reset': `Options of reset
  --profile NAME            the administrator's profile
  --user NAME               the user whose devices go (never all of your own: use
                            --replace for that)
  --all                     every device of the user, without asking which
  --remove-serial ARN       only this device (formerly --serial, which still works)
  --enrol, --no-enrol       enrol a new device for the user right after (default: asked;
                            without a terminal, not)
  -y, --yes                 remove without asking for confirmation`,
  'help.options.demo': `Options of demo
  --emulator embedded|moto  the embedded emulator (default: IAM and STS in this process,
                            with AWS's MFA rules), or moto (python3 with moto installed)
  --emulator-url URL        an emulator already running (moto, LocalStack); left running
  --rehearse-consistency TIME
                            embedded only: STS refuses a just-enabled device for TIME
                            (e.g. 40s), as IAM's eventual consistency can
  --rehearse-fault ACTION=throttle|5xx
                            (repeatable) embedded only: the first call of ACTION (e.g.
                            EnableMFADevice) is throttled or fails with a server error`,
  'help.options.status': `Options of status
  --profile NAME            the keys to look at (default: AWS_PROFILE, else default)
  --user NAME               with an administrator's --profile, the user to look at (the
                            mfa_serial and session read are those of the profile named
                            after that user, if any)
  --session-profile NAME    the saved session to read (default: <profile>-mfa)
  --json                    print it as JSON on stdout
  --region REGION           region for the calls (default: the profile's, else
                            AWS_REGION)
  --endpoint-url URL        send IAM and STS calls here`,
  'help.options.admin': `Options of admin create-user
  --profile NAME            the administrator's profile
  --group G                 add the user to group G
  --out DIR                 write NAME_accessKeys.csv into DIR (default: here)
  --path /P/                the user's IAM path (default /)
  --existing                the user exists: make only a new access key (refused at two)
  --region REGION, --endpoint-url URL
                            as for the wizard`,
  'help.options.batch': `Options of batch
  --profile NAME            the administrator's profile
  --create                  create the hires who are not users yet, with a key CSV each
  --only NAME               (repeatable) only this hire
  --skip NAME               (repeatable) not this hire
  --report FILE             write the outcome there too (JSON, or CSV for a .csv name)

The wizard's options apply to each hire, except those naming one user's things: --user,
--old-serial, --replace, --device-name, --session-profile and --export.`,
  'help.command': `mfa-onboard {version}

Usage
{usage}

{options}

Every command takes --lang en|ja and -h, --help. mfa-onboard --help shows every
command, and mfa-onboard setup --help the wizard's options, which reset (for the
enrolment it offers), batch (for each hire) and demo take too.`,

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

  'cli.unknownOption': 'Unknown option {option}. Run mfa-onboard --help for the list of options.',
  'cli.notAnOption': '{option} is not an option of {command}. Run mfa-onboard {command} --help for its options.',
  'cli.missingValue': 'The option {option} needs a value. Run mfa-onboard --help for the list of options.',
  'cli.conflict': '{a} and {b} cannot be used together: choose one.',
  'cli.badEndpoint': '{name} {value} is not an endpoint URL. Give one like https://iam.amazonaws.com or http://127.0.0.1:5000 (with http:// or https://).',
  'cli.extraArgument': 'Unexpected argument "{argument}". The wizard takes one CSV file; run mfa-onboard --help for usage.',

  'prompt.noTerminal':
    'The wizard needs an answer to "{question}" but there is no terminal to ask on. Pass {flag} (or --yes to take the default answers).',
  'prompt.selectHelp': '↑↓ navigate • ⏎ select',
  'prompt.yes': 'Yes',
  'prompt.no': 'No',
  'cli.versionStandalone': '{version} (standalone executable, Bun {bun})',
  'cli.badLang': '--lang {value} is not a language this tool speaks: use en (English) or ja (日本語).',
  'prompt.noTerminalNoDefault': 'The wizard needs an answer to "{question}" but there is no terminal to ask on. Pass {flag}.',

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

  'preflight.alreadyEnrolled':
    '{user} already has {count} MFA device(s), such as {serial} (enabled {since}). With the old phone still at hand, run the wizard again with --replace: it adds the new phone, then removes the old device. If the old phone is lost or broken, an administrator removes the device with  {command}  and you then run the wizard again.',
  'preflight.orphanFound': 'Found an unfinished MFA device from an earlier attempt ({serial}); removing it',
  'preflight.orphanRemoved': 'Removed the unfinished device {serial}',
  'preflight.orphanDenied':
    'An unfinished MFA device from an earlier attempt ({serial}) is in the way, and your permissions do not allow deleting it (iam:DeleteVirtualMFADevice; the usual policy allows it only with MFA). Ask an administrator to run  aws iam delete-virtual-mfa-device --serial-number {serial}  and then run the wizard again.',
  'preflight.nameInUse':
    'An MFA device named like yours ({serial}) exists and is in use by another user. Choose another name with --device-name.',

  'device.badName': '"{name}" cannot be an MFA device name: use letters, digits and + = , . @ _ - only, up to 226 characters.',
  'device.createDenied':
    'AWS did not let {user} create an MFA device named {name} ({message}). Many policies only allow a device named after the user (mfa/\${aws:username}): if you passed --device-name, leave it out; otherwise ask your administrator for iam:CreateVirtualMFADevice.',
  'device.limitExceeded':
    'The user already has the most MFA devices IAM allows (8), or the account its limit (LimitExceeded). Remove one that is no longer used (an administrator: mfa-onboard reset --user NAME), then run again.',
  'device.created': 'Created virtual MFA device {serial}',
  'device.createdAnswerLost':
    "AWS created {serial}, but its answer (with the device's key) was lost on the way back: deleted it again.",
  'device.maybeCreated':
    'AWS may have created {serial} without its answer arriving, and it could not be checked or deleted now. The next run removes it, or: aws iam delete-virtual-mfa-device --serial-number {serial}',

  'qr.heading': 'Add the device to your authenticator app',
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
  'enable.alreadyEnabled': 'AWS says the device {serial} is already enabled (a retried request may have enabled it). Check with: aws iam list-mfa-devices --user-name {user}',
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
  'time.inMinutes': 'in {n} min',
  'time.hoursAgo': '{n} h ago',
  'time.minutesAgo': '{n} min ago',

  'session.heading': 'Check the MFA session',
  'session.waitFresh': 'AWS takes each code only once: wait for a new code, {seconds} s…',
  'session.askCode': 'New code from the app:',
  'session.codeRejected': 'AWS did not accept that code for a session (each code works only once). Wait for the next one.',
  'session.notYetValid': 'AWS does not know the new device yet (IAM takes a few seconds to catch up). Trying again with the next code.',
  'session.denied': 'AWS refused an MFA session ({message}). Ask your administrator whether sts:GetSessionToken is allowed.',
  'session.wrongAccount':
    'The session belongs to account {account}, not {expected}. Check --endpoint-url and AWS_ENDPOINT_URL point where you expect.',
  'session.otherIdentity': 'The session says it is {arn}, not {expected}. (The local emulator always names a fixed user.)',
  'session.verified': 'The MFA session works: {arn}, until {expires}',
  'session.gaveUp': 'AWS gave no MFA session for several codes. Check the phone\'s clock is set automatically.',
  'session.askCodeFor': 'MFA code for {serial}:',
  'session.reused': 'The MFA session in profile {sessionProfile} lasts until {expires}: using it. Pass --force for a new one.',
  'session.endingSoon': 'The MFA session in profile {sessionProfile} ends soon ({expires}): getting a new one.',
  'session.expired': 'The MFA session in profile {sessionProfile} ended at {expires}: getting a new one.',
  'session.useIt': 'Use it with  --profile {sessionProfile}  until {expires}, or for other tools: mfa-onboard session --export sh',
  'session.noDevice':
    'User {user} (profile {profile}) has no MFA device. Set one up first:  mfa-onboard --profile {profile}',
  'session.whichDevice': 'The user has {count} MFA devices. Which one will you use?',
  'session.badSerial':
    'AWS could not check the code against the MFA device {serial}: it does not belong to this user (or was just removed). Check mfa_serial in the config file, or pass --mfa-serial.',
  'session.noTty':
    'A code is needed for a new MFA session, but there is no terminal to ask on. Run  mfa-onboard session  once in a terminal (the session is then reused), or pass --codes-from-stdin.',
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
  'status.deviceValue': '{name}  {serial}  (enabled {enabled})',
  'status.noDevice': 'none: set one up with  {command}',
  'status.mfaSerial': 'mfa_serial',
  'status.serialCurrent': '{serial}',
  'status.serialStale': '{serial}  (not one of the user\'s devices any more)',
  'status.session': 'MFA session',
  'status.sessionValid': '{profile}, until {expires}',
  'status.sessionEnded': '{profile}, ended {expires}: run  {command}',
  'status.orphans': 'Unfinished',
  'status.orphansUnknown': 'unknown (no permission for iam:ListVirtualMFADevices)',
  'status.notHere': 'not on this computer (no profile named {user} here)',
  'status.none': 'none',
  'setup.enabledNotVerified':
    'The MFA device {serial} is enabled and recorded as mfa_serial of profile {profile} in {config}, but no MFA session was saved. Get one with: aws sts get-session-token --serial-number {serial} --token-code CODE --profile {profile}  (or run the same command again: it asks for one code and saves the session)',

  'save.done': 'Saved the session as profile {sessionProfile} in {credentials}',
  'save.serial': 'Recorded the device as mfa_serial of profile {profile} in {config}',
  'file.tightened': '{path} was readable by others (mode {mode}): it is now readable by you only (600).',
  'file.dirTightened': 'The folder {path} was open to others (mode {mode}): it is now yours only (700).',
  'file.locked': '{path} is being changed by another run (lock file {lock}). Wait for it to finish; if none is running, delete the lock file.',
  'file.readFailed': 'Could not read {path} ({reason}). Check that it is a file you can read; the AWS CLI and SDKs read it too.',
  'file.isDirectory': '{path} is a folder, but the AWS CLI and SDKs expect a file there. Move the folder away (or point AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE at the file), then run again.',
  'file.linkLoop': '{path} is a symbolic link that leads back to itself (a link loop), so no program can open it. Point the link at a real file (ls -l shows where it leads), then run again.',
  'profile.notFound':
    'There is no profile {profile} in {credentials} or {config}. Profiles there: {profiles}. Check the name (--profile, or AWS_PROFILE), or import the keys of an access-key CSV into it:  mfa-onboard ACCESS-KEYS.csv --profile {profile}',
  'profile.andMore': '{listed} and {count} more',
  'profile.noneThere': 'none',
  'profile.noKeys':
    'Profile {profile} is in your AWS files, but the AWS SDK found no keys for it ({reason}). Give it keys (mfa-onboard ACCESS-KEYS.csv --profile {profile}), or use a profile that has them.',
  'file.writeFailed': 'Could not write {path} ({reason}). Check you can write to that folder; nothing in the file was changed.',
  'ini.badName': '"{name}" cannot be written as a name in an AWS config file (no brackets, spaces or line breaks).',
  'ini.badValue': 'The value for {key} contains a line break and cannot be written safely.',
  'ini.duplicateSection': 'The file has two [{section}] sections, which the AWS CLI cannot read. Remove one by hand, then run again.',

  'rollback.removing': 'Removing the unfinished MFA device…',
  'rollback.removed': 'Removed the unfinished device {serial}',
  'rollback.failed':
    'Could not remove the unfinished device {serial} ({reason}). Running the wizard again will try to; if your permissions do not allow it (the usual policy denies it without MFA), an administrator can: aws iam delete-virtual-mfa-device --serial-number {serial}',
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
    'The emulator runs at {url}. Created IAM user alice and her access-key CSV at {csv}. Your real ~/.aws is not touched: HOME is {home}. Scan the QR with a real authenticator app.',
  'demo.identityNote': 'Note: this emulator may name a fixed identity for every MFA session (moto says user/moto), so the check above may mention another user than alice. The embedded emulator, the default, names alice.',
  'demo.kept': 'The demo files are kept in {dir}.',
  'demo.stopped': 'Stopped the emulator.',
  'demo.leftRunning': 'The emulator at {url} was not started by the demo: it is left running.',
  'demo.badEmulator': '--emulator {value} is not an emulator the demo knows: use embedded (the default, nothing to install) or moto; for another one already running, give its address with --emulator-url.',
  'demo.rehearsalNeedsEmbedded': '--rehearse-consistency and --rehearse-fault work only on the embedded emulator: leave out --emulator and --emulator-url.',
  'demo.badFault': '--rehearse-fault {value} is not ACTION=KIND: ACTION is one of {actions}; KIND is one of {kinds} (e.g. --rehearse-fault EnableMFADevice=throttle).',
  'demo.noMoto': '--emulator moto needs python3 with moto (python3 -c "import moto.server" fails here). Run the demo without --emulator: its embedded emulator needs nothing installed. Or start moto or LocalStack yourself and pass its address with --emulator-url.',
  'moto.failed': 'The AWS emulator (moto) did not start: {reason}. Check  python3 -m moto.server --help  works.',
  'admin.alreadyEnrolled':
    '{user} already has {count} MFA device(s), such as {serial} (enabled {since}). To enrol a new phone in its place, run again with --replace (the new device is added first, then the old one removed), or remove the devices first with  {command}',
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
    'Without the old phone, {user} cannot remove its MFA device: the usual policy lets a user remove a device only while signed in with MFA. Nothing was changed. Ask an administrator to run  {command}  (or  aws iam deactivate-mfa-device --user-name {user} --serial-number {serial}  then  aws iam delete-virtual-mfa-device --serial-number {serial}), then enrol the new phone with  mfa-onboard --profile {profile}',
  'replace.oldHeading': 'First, a code from the OLD phone (to prove it is yours). The old phone is lost? Press Enter without a code.',
  'replace.namePinned':
    'AWS refused a second device named {name}: a policy allows only a device named after the user (mfa/{user}). So the old device must go first, and {user} is without MFA from then until the new phone is enabled, a minute or two. If the run stops there, run the wizard again: it enrols the new phone.',
  'replace.removeFirstAsk': 'Remove the old device {serial} of {user} now, then enrol the new phone?',
  'replace.withoutMfa':
    '{user} has no MFA device now. Run  mfa-onboard --profile {profile}  again to enrol the new phone.',
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
    'AWS refused to remove {serial} from {user} ({message}). Removing takes iam:DeactivateMFADevice and iam:DeleteVirtualMFADevice, which the usual self-service policy grants only in an MFA session. An administrator can run  {command}',
  'remove.temporarilyUnmodifiable':
    'IAM cannot change {user} right now (EntityTemporarilyUnmodifiable: the user was just created or changed). {serial} is still there; wait a minute and run the same command again.',
  'remove.deleteConflict':
    'IAM would not delete {serial}: it still counts it as assigned to a user (DeleteConflict). Right after a deactivation IAM can take a moment to catch up: run the same command again in a minute. If it persists, deactivate it with  aws iam deactivate-mfa-device --user-name {user} --serial-number {serial}',
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
    'IAM does not list {serial} as enabled for {user}, although enabling it succeeded. Check with  mfa-onboard status --user {user}',
  'reset.needUser':
    'Name the user whose MFA devices to remove: mfa-onboard reset --profile {profile} --user NAME',
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
    'Refusing to remove every MFA device of {user}: profile {profile} is {user}\'s own, and without MFA the usual policy would stop {user} from enrolling again. To change phones, run  mfa-onboard --profile {profile} --replace  (it adds the new device before removing the old one), or have another administrator run the reset.',
  'reset.enrolAsk': 'Enrol a new device for {user} now (with {user}\'s phone at hand)?',
  'reset.next': 'When {user}\'s new phone is at hand, enrol it with  {command}',
  'summary.removed': 'Removed',
  'summary.session': 'Session',
  'summary.sessionNeedsKeys': 'not checked: that needs {user}\'s own access keys',
  'summary.userNext': 'on {user}\'s computer:  {command}',
  'error.cancelledRunAgain':
    'Cancelled. Run the same command again: it carries on from where this run stopped.',
  'replace.noCodeDevice':
    'None of this user\'s MFA devices ({devices}) shows codes (passkeys and security keys do not), so none can prove a replacement. An administrator can reset the devices instead:  mfa-onboard reset --user NAME',
  'reset.denied':
    'AWS refused to remove {serial} from {user} ({message}). Removing takes iam:DeactivateMFADevice and iam:DeleteVirtualMFADevice, which {command} does not have: ask an administrator who has them to run this reset.',
  'reset.confirmSome': 'Remove {count} device(s) and {orphans} unfinished one(s) of {user}?',
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
  'policy.denied':
    'Profile {profile} may not do {action} ({message}). Attaching the policy takes an administrator\'s profile with iam:GetGroup, iam:GetGroupPolicy and iam:PutGroupPolicy (and iam:CreateGroup with --create-group).',
  'cli.adminUsage':
    'Usage: mfa-onboard admin create-user NAME [--group G] [--out DIR] [--path /PATH/] [--existing] --profile ADMIN',
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
    '{name} already has two access keys ({keys}), the most IAM allows. Delete one that is no longer used (aws iam delete-access-key --user-name {name} --access-key-id ID), then run again.',
  'admin.userCreated': 'Created IAM user {name} ({arn})',
  'admin.noGroup':
    'There is no IAM group {group}. Create it with its policy first:  mfa-onboard policy --attach-group {group} --create-group --profile ADMIN',
  'admin.addedToGroup': 'Added {name} to group {group}',
  'admin.keyWritten': 'Created access key {keyId}; its secret is only in {path} (mode 600)',
  'admin.createUserNext':
    'Next, with {name}\'s phone at hand:  mfa-onboard {path} --profile {profile} --user {name}  (or hand the file to {name}, who runs  mfa-onboard {path})',
  'admin.undone': 'Took back: {what}',
  'admin.undoFailed': 'Could not take back {what}: remove it by hand (aws iam …)',
  'admin.createDenied':
    'Profile {profile} may not do {action} ({message}). Creating users takes an administrator\'s profile with iam:CreateUser, iam:AddUserToGroup and iam:CreateAccessKey.',
  'batch.usage':
    'Usage: mfa-onboard batch users.csv --profile ADMIN [--create] [--only NAME]... [--skip NAME]... [--report FILE]',
  'batch.badFile':
    '{path} is not a readable CSV. It needs a header line with a user column, and one hire per line.',
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
  'batch.handOver': 'Hire {k} of {n}: {user}. Hand the keyboard to {user}, with their phone.',
  'batch.ready': 'Ready to enrol {user}?',
  'batch.enrol': 'Yes: enrol {user} now',
  'batch.skip': 'Skip {user} (not here today)',
  'batch.stoppedEnrolled': 'Stopped at {user}, whose device is enabled and recorded (the session was not checked). Everyone before is recorded too; run  {command}  to carry on.',
  'batch.stopped': 'Stopped at {user}. Everyone before is recorded; run  {command}  to carry on.',
  'batch.failed': '{user} was not enrolled: {message}',
  'batch.summary': 'Batch: {done} of {total} hires enrolled',
  'batch.colUser': 'User',
  'batch.colStatus': 'Status',
  'batch.colDevice': 'MFA device',
  'batch.colEnabled': 'Enabled at',
  'batch.colSession': 'Session verified',
  'batch.colError': 'Error',
  'batch.statusDone': 'done',
  'batch.statusSkipped': 'skipped',
  'batch.statusFailed': 'failed',
  'batch.sessionYes': 'yes',
  'batch.sessionNo': 'no',
  'batch.reportWritten': 'Wrote the report to {path}',
  'batch.reportFolder': "The report cannot be written to {path}: the folder {folder} does not exist or is not writable. Create the folder, or pass another --report path; nothing was done yet.",
  'batch.otherAccount': "{path} records hires of account {recorded}, but profile {profile} is in account {account}. Run the batch with a profile of account {recorded}, or, for account {account}, use a copy of the users file (each file keeps its own state).",
  'batch.alreadyEnrolled': "{user} already has an MFA device ({serial}): recorded as done. To enrol a new phone in its place, run  mfa-onboard --profile {profile} --user {user} --replace",
  'batch.enabledNotVerified': "{user}'s device is enabled, so {user} is recorded as done, but the session check did not pass: {message}",
  'batch.flagForOne': "{flag} applies to one user, so it cannot be given to a batch (every hire would get the same). Leave it out; for one hire, run  mfa-onboard --profile ADMIN --user NAME {flag} …  instead.",
  'batch.someFailed':
    'Some hires were not enrolled ({failed}). Run the same command again to try them again; the others are kept.',
} as const satisfies Record<string, string>;

export type MessageId = keyof typeof en;

// NOTE: errors.ts (below ui/) names messages by id: its MessageCatalog gets the ids from here.
declare module '../../errors.js' {
  interface MessageCatalog extends Record<keyof typeof en, string> {}
}
