import type { en } from './en.js';

/** Japanese messages: the same ids and {parameters} as en.ts, in the terms of the Japanese AWS console. */
export const ja: Record<keyof typeof en, string> = {
  'help.about': 'mfa-onboard {version}: AWS コンソールのアクセスキー CSV から、動作確認済みの MFA セッションまでを、1 回の対話で設定します。',
  'help.heading.usage': '使い方',
  'help.heading.commands': 'コマンド',
  'help.heading.common': 'ウィザードのよく使うオプション',
  'help.heading.options': '{command} のオプション',
  'help.heading.wizard': 'ウィザード (setup、既定のコマンド) のオプション',
  'help.usage.command': 'mfa-onboard コマンド [オプション]',
  'help.examples':
    '例: コンソールの CSV での初めての実行、毎朝の新しいセッション、管理者が新入社員と一緒に行う場合:\n    npx aws-mfa-onboard ~/Downloads/alice_accessKeys.csv\n    mfa-onboard session --profile alice\n    mfa-onboard --profile admin --user alice',
  'help.more': '各コマンドのオプションと説明 (setup ではウィザードのすべてのオプション):\n    mfa-onboard COMMAND --help\n終了コード: 0 完了、1 エラー、2 キャンセル。',
  'help.footer': 'どのコマンドも --lang en|ja と -h, --help を使えます。すべてのコマンド:\n    mfa-onboard --help',
  'help.summary.setup': 'ウィザード: CSV → MFA デバイス → 確認済みセッション (既定)',
  'help.summary.session': '新しい MFA セッション (保存済みのものは有効な間は再利用)',
  'help.summary.resync': 'AWS が現在のコードを拒否するデバイスを同期し直します',
  'help.summary.status': 'キーの所有者、MFA デバイス、セッションと有効期限',
  'help.summary.reset': '管理者がユーザーの MFA デバイスを削除 (スマートフォンの紛失時)',
  'help.summary.policy': 'MFA を必須にする IAM ポリシーを表示 (グループにも付けられます)',
  'help.summary.admin': 'admin create-user NAME: 新しいユーザーとアクセスキー CSV',
  'help.summary.batch': '複数の新入社員を 1 人ずつ、本人のスマートフォンで登録',
  'help.summary.demo': 'ローカルの AWS エミュレーターでウィザードや管理者の 1 日 (--admin) を試す (ほかに何もインストール不要)',
  'help.summary.help': 'help COMMAND: そのコマンドの使い方とオプション',
  'help.note.setup':
    '機種変更 (古い端末が手元にある) の場合は --replace を付けてウィザードを実行します。新しいデバイスを追加して確認してから、古いデバイスを削除します (ポリシーで mfa/<user> しか許可されない場合は、事前に知らせたうえで古いデバイスを先に削除します)。途中で止まった場合は、次の実行で続きを行います。\nスマートフォンを紛失した場合は、管理者がデバイスを削除してから、ウィザードをもう一度実行します:\n    mfa-onboard reset --profile ADMIN --user NAME\n管理者が新入社員と一緒に行う場合は、管理者のキーで、新入社員のスマートフォンを使ってデバイスを作成・有効化します:\n    mfa-onboard --profile ADMIN --user NAME',
  'help.note.environment':
    '端末がない場合、ウィザードは質問しません。足りない回答は、そのフラグを示すエラーになります。AWS_SHARED_CREDENTIALS_FILE、AWS_CONFIG_FILE、AWS_PROFILE、AWS_REGION、AWS_ENDPOINT_URL(_IAM|_STS) は AWS CLI と同じように扱います。NO_COLOR を設定すると色を付けません。',
  'help.note.reset':
    '続けて行う登録はウィザードが行い、そのオプションを使えます:\n    mfa-onboard setup --help',
  'help.note.policy': '--attach-group と一緒にだけ使えるもの: --create-group、--policy-name、--force、--profile、--region。',
  'help.note.batchCsv':
    'users.csv は見出しの行のあとに、1 行に 1 人の新入社員を書きます。列: user (IAM ユーザー名、必須)、path (--create で作るユーザーの IAM パス)、group (--create で作ったユーザーを追加するグループ)、csv (新入社員のアクセスキー CSV、users.csv からの相対パス)。例:\n    user,group\n    alice,hires',
  'help.note.batch':
    'ウィザードのオプションは各新入社員に適用されます。ただし、1 人のユーザーを指すもの (--user、--old-serial、--replace、--device-name、--session-profile、--export) は使えません。中断しても再開でき (users.csv.state.json)、監査ログ (users.csv.audit.jsonl) を残します。ウィザードのオプション:\n    mfa-onboard setup --help',
  'help.note.demo':
    'ウィザードのオプションはデモの実行にも使えます:\n    mfa-onboard setup --help',
  'flag.csv': 'コンソールからダウンロードした <user>_accessKeys.csv または credentials.csv',
  'flag.setup.profile': 'キーを取り込むプロファイル (既定: 質問します。IAM ユーザー名を提案します)。CSV を指定しない場合は、使用する既存のプロファイル (省略時は AWS_PROFILE)',
  'flag.sessionProfile': 'MFA セッションを保存するプロファイル (既定: <profile>-mfa)',
  'flag.setup.user': '複数のユーザーを含む credentials.csv で使うユーザー。管理者の --profile と一緒に使うと、代わりに操作するユーザー',
  'flag.replace': 'デバイスがあり、古いスマートフォンがまだ使える場合に、新しいスマートフォンで置き換えます',
  'flag.oldSerial': '--replace で、複数あるときに置き換えるデバイス',
  'flag.setup.mfaSerial': '有効化済みのデバイス (管理者と一緒に登録したもの) が複数あるときに、スマートフォンにあるもの',
  'flag.backup': 'セッションの確認後、バックアップデバイス (<user>-backup) を確認なしで追加する / 提案しない',
  'flag.deviceName': '仮想 MFA デバイス名 (既定: IAM ユーザー名。mfa/${aws:username} を指定するポリシーではこの名前が必要です)',
  'flag.setup.region': 'プロファイルに書き込み、STS に使うリージョン (既定: 質問します。AWS_REGION または us-east-1 を提案します)',
  'flag.region': '呼び出しに使うリージョン (既定: プロファイルのもの、なければ AWS_REGION)',
  'flag.endpointUrl': 'IAM と STS の呼び出し先 (AWS_ENDPOINT_URL、AWS_ENDPOINT_URL_IAM、AWS_ENDPOINT_URL_STS でも指定可)',
  'flag.duration': 'MFA セッションの有効期間。15m から 36h まで (例: 12h、90m、3600)。既定は 12h',
  'flag.showSecret': '認証アプリに手で入力するための MFA キーを表示します (stderr に出力されます。ログに残さないでください)',
  'flag.qrPng': 'QR コードを FILE にも書き込みます (モード 0600)',
  'flag.codesFromStdin': 'MFA コードを必要になるたびに標準入力から 1 行ずつ読み込みます',
  'flag.replaceProfile': '同じプロファイル名に保存済みの別のキーを置き換えます',
  'flag.deleteCsv': '終了後に CSV を確認なしで削除 (または保持) します',
  'flag.allowClockDrift': '時計がずれたスマートフォンのコードも確認なしで送信します',
  'flag.setup.export': '最後に、セッションを sh、fish、powershell、cmd で設定する行を標準出力に出力します',
  'flag.yes': 'すべての質問に既定の回答を使います',
  'flag.lang': 'メッセージの言語 (省略時は MFA_ONBOARD_LANG、LC_ALL、LC_MESSAGES、LANG の順に参照。ja_JP.UTF-8 なら日本語)',
  'flag.help': 'このヘルプを表示します',
  'flag.version': 'バージョンを表示します',
  'flag.session.profile': '長期的なアクセスキーを持つプロファイル (既定: AWS_PROFILE、なければ default)。セッションは <profile>-mfa に保存します',
  'flag.mfaSerial': '使用する MFA デバイス (既定: プロファイルの mfa_serial、なければユーザーの唯一のデバイス、複数あれば質問します)',
  'flag.resync.profile': '長期的なアクセスキーを持つプロファイル (既定: AWS_PROFILE、なければ default)',
  'flag.resync.mfaSerial': '同期し直す MFA デバイス (既定: プロファイルの mfa_serial、なければユーザーの唯一のデバイス、複数あれば質問します)',
  'flag.setup.mfaProcess': '有効化済みのデバイスでセッションを取得する際のコードを出力するコマンド (プロファイルの mfa_process と同じ)',
  'flag.mfaProcess': 'MFA コードを出力するコマンド (プロファイルの mfa_process と同じ)。この実行でのみ使います',
  'flag.minRemaining': '保存済みセッションの残り時間がこれ以上ある場合だけ再利用します (既定 15m)',
  'flag.force': '保存済みセッションが有効でも新しいセッションを取得します',
  'flag.session.export': 'AWS_ACCESS_KEY_ID などを設定する行を、シェルで実行するために出力します:\n    eval "$(mfa-onboard session --export sh)"',
  'flag.credentialProcess': 'credential_process 用の JSON を出力します。コードが必要な場合は端末 (/dev/tty) で質問し、標準入出力は使いません',
  'flag.roleArn':
    'MFA コードでこのロールを引き受けます。ロールのセッションは <profile>-<ロール名> に保存します (role_arn、source_profile、mfa_serial を持つ設定ファイルのプロファイルも同様に扱い、セッションは <profile>-mfa に保存します)。--duration は最長 12h、既定は 1h',
  'flag.roleSessionName': 'ロールのセッション名 (既定: mfa-onboard-<profile>)',
  'flag.status.profile': '確認するキーのプロファイル (既定: AWS_PROFILE、なければ default)',
  'flag.status.user': '管理者の --profile と一緒に使うと、確認するユーザー (mfa_serial とセッションは、そのユーザー名のプロファイルがあればそこから読みます)',
  'flag.status.sessionProfile': '読み込む保存済みセッション (既定: <profile>-mfa)',
  'flag.json': 'JSON で標準出力に出力します',
  'flag.adminProfile': '管理者のプロファイル',
  'flag.reset.user': 'デバイスを削除するユーザー (自分自身のデバイスをすべて削除することはできません。その場合は --replace を使います)',
  'flag.all': '確認せずにユーザーのすべてのデバイスを削除します',
  'flag.removeSerial': 'このデバイスだけを削除します',
  'flag.enrol': '続けて新しいデバイスを登録する (しない)。既定: 質問します (デバイスが残っていなければ既定は「はい」)。端末がない場合は登録しません',
  'flag.reset.yes': '確認せずに削除します。ほかの質問には既定の回答を使います',
  'flag.allowIp': '(複数指定可) この IPv4/IPv6 範囲からの呼び出しには MFA を求めません',
  'flag.scopeUser': 'ユーザー名と同じ名前のデバイス (mfa/${aws:username}) だけを作成できます。--replace は古いデバイスを先に削除します (既定)',
  'flag.scopeAny': '任意の名前のデバイス (mfa/*)。--replace は新しいデバイスを追加してから古いデバイスを削除します。他のユーザーの未完了のデバイスも削除できるようになります',
  'flag.partition': 'aws (既定)、aws-cn または aws-us-gov: 表示する ARN のパーティション (付けるときは常に --profile のものを使います)',
  'flag.attachGroup': 'このグループにインラインポリシーとして付けます (管理者の --profile で)。2 回実行しても何も変わりません',
  'flag.createGroup': 'グループがなければ先に作成します',
  'flag.policyName': 'インラインポリシーの名前 (既定: mfa-onboard-require-mfa)',
  'flag.policy.force': '同じ名前の異なるインラインポリシーを確認なしで置き換える (端末がないときは必須)。元のポリシーは先に保存します',
  'flag.group': 'ユーザーをグループ G に追加します',
  'flag.out': 'NAME_accessKeys.csv を DIR に書き込みます (モード 0600。既定: 現在のフォルダー)',
  'flag.path': 'ユーザーの IAM パス (既定 /)',
  'flag.existing': '既存のユーザーに新しいアクセスキーだけを作成します (キーが 2 つある場合は拒否します)',
  'flag.create': 'まだユーザーでない新入社員を作成し、それぞれのキー CSV を作ります',
  'flag.only': '(複数指定可) この新入社員だけ',
  'flag.skip': '(複数指定可) この新入社員を除く',
  'flag.report': '結果をここにも書き込みます (JSON、名前が .csv なら CSV)',
  'flag.emulator': '内蔵エミュレーター (既定: このプロセス内の IAM と STS。AWS の MFA の規則どおり) か moto (moto を入れた python3 が必要)',
  'flag.emulatorUrl': '起動済みのエミュレーター (moto、LocalStack) を使います。終了後もそのまま動かしておきます',
  'flag.rehearseConsistency': '内蔵のみ: 有効化した直後のデバイスを STS が TIME (例 40s) の間拒否します (IAM の結果整合性の再現)',
  'flag.rehearseFault': '(複数指定可) 内蔵のみ: ACTION (例 EnableMFADevice) の最初の呼び出しをスロットリングまたはサーバーエラーで失敗させます',
  'flag.demoAdmin': '管理者の 1 日を試します: グループへの MFA ポリシー、2 人の新入社員の作成、一括登録、1 人のリセット (各コマンドを先に表示します)',
  'flag.keep': 'デモの一時フォルダーを残します',
  'help.summary.addBackup': 'バックアップの MFA デバイス (2 台目のスマートフォンなど) を追加',
  'flag.addBackup.profile': '長期キーのプロファイル (既定: AWS_PROFILE、なければ default)',
  'flag.addBackup.mfaSerial': 'バックアップを追加するセッションを作るデバイス (既定: プロファイルの mfa_serial)',
  'help.summary.emulator': '内蔵の AWS エミュレーター (IAM、STS) を aws CLI、スクリプト、リハーサル用に動かします',
  'help.note.emulator': 'URL は標準出力の最初の行です。ユーザー、キー、グループ、ポリシー、デバイスはメモリー上にだけあり、エミュレーターとともに消えます。ポリシーは IAM と同じように評価されます。',
  'flag.emulatorConsistency': '有効化した直後のデバイスを STS が TIME (例 40s) の間拒否します (IAM の結果整合性の再現)',
  'flag.emulatorFault': '(複数指定可) ACTION (例 EnableMFADevice) の最初の呼び出しをスロットリングまたはサーバーエラーで失敗させます',
  'flag.port': '127.0.0.1:N で待ち受けます (既定: 空きポート)。使用中のポートは拒否します',
  'flag.dir': '管理者の admin_accessKeys.csv と、同じキーをプロファイル admin として DIR/credentials と DIR/config に書き込み、終了後も残します (既定: 新しい一時フォルダー。停止時に削除)',

  'error.cancelled': 'キャンセルしました。途中までの変更は残っていません。最初からやり直すには、もう一度コマンドを実行してください。',
  'error.internal':
    '予期しないエラーが発生しました ({message})。秘密情報は表示されていません。MFA_ONBOARD_DEBUG=1 を付けて再実行すると詳細を確認できます。この問題を報告してください。',
  'aws.failed': 'AWS が {action} を拒否しました ({code}): {message}',
  'aws.serverFailed': 'AWS で {action} が失敗しました ({code}、HTTP {status}): {message}',
  'aws.noAnswer':
    'AWS から {action} の応答がありません ({code}): {message}',
  'aws.timedOut':
    'AWS が {seconds} 秒以内に応答しませんでした ({attempts} 回続けて)。',
  'aws.slow':
    'AWS の応答が遅れています ({action})。最大 {seconds} 秒まで待ちます…',
  'aws.stopping':
    '中止します。途中の状態を残さないよう、先に {action} に対する AWS の応答を待ちます: 最長 {seconds} 秒。もう一度 Ctrl-C を押すとすぐに止まりますが、その応答は待ちません: AWS が処理を済ませたことをこのコンピューターが知らないままになることがあり、同じコマンドをもう一度実行すると今の状態を確かめます。',

  'cli.unknownOptionNear': '不明なオプション {option} です。{near} のことですか? オプションの一覧:\n    mfa-onboard --help',
  'cli.unknownOption':
    '不明なオプション {option} です。オプションの一覧:\n    mfa-onboard --help',
  'cli.notAnOption':
    '{option} は {command} のオプションではありません。オプションの一覧:\n    mfa-onboard {command} --help',
  'cli.missingValue':
    'オプション {option} には値が必要です。オプションの一覧:\n    mfa-onboard --help',
  'cli.conflict': '{a} と {b} は同時に指定できません。どちらか一方を指定してください。',
  'cli.badEndpoint': '{name} {value} はエンドポイントの URL ではありません。https://iam.amazonaws.com や http://127.0.0.1:5000 のような URL (http:// または https:// 付き) を指定してください。',
  'cli.extraArgument': '予期しない引数 "{argument}" があります。空白を含む値 (パス) は引用符で囲んでください。{command} の使い方:\n    {usage}',
  'cli.didYouMean': 'コマンド "{word}" はありません。{command} のことですか?\n    {line}\nCSV を取り込む場合は、パス (/ を含むか .csv で終わるもの) で指定してください。',
  'cli.unknownCommand':
    'コマンド "{word}" はなく、その名前のファイルもありません。コマンドは {commands} です。CSV を取り込む場合は、パス (/ を含むか .csv で終わるもの。例: ./{word}.csv) で指定してください。各コマンドの説明:\n    mfa-onboard --help',
  'cli.needsAdminProfile':
    '{command} は管理者用のコマンドで、管理者のキーを使います。しかし --profile (または AWS_PROFILE) でプロファイルが指定されておらず、default というプロファイルもありません (あるプロファイル: {profiles})。管理者のプロファイルを指定してください:\n    {line}',
  'admin.nameWithSpace': 'IAM ユーザー名は空白を含まない 1 語です: "{words}" は {count} 語になっています。{example} のように 1 語で指定してください:\n    {line}',

  'prompt.noTerminal':
    '「{question}」への回答が必要ですが、質問できる端末がありません。{flag} を指定してください (既定の回答を使う場合は --yes)。',
  'prompt.noTerminalCode':
    '認証アプリのコードが必要ですが (「{question}」)、質問できる端末がありません。--codes-from-stdin を付けて、標準入力から 1 行に 1 つずつコードを渡してください。',
  'prompt.selectHelp': '↑↓ 移動 • ⏎ 選択',
  'prompt.yes': 'はい',
  'prompt.no': 'いいえ',
  'cli.versionStandalone': '{version} (スタンドアロン実行ファイル、Bun {bun})',
  'cli.badLang': '--lang {value} はこのツールが対応している言語ではありません。en (English) または ja (日本語) を指定してください。',
  'prompt.noTerminalNoDefault': '「{question}」への回答が必要ですが、質問できる端末がありません。{flag} を指定してください。',

  'hint.invalidClientTokenId':
    'AWS はこのアクセスキー ID を認識していません。削除または無効化されたか、別のパーティションのキーである可能性があります (中国または GovCloud の場合は --region を指定してください)。',
  'hint.signatureDoesNotMatch': 'シークレットアクセスキーがアクセスキー ID と一致しません。両方を同じアクセスキーからコピーしたか確認してください。',
  'hint.accessDenied': 'IAM のアクセス許可でこの操作が許可されていません。管理者に依頼してください (ウィザードに必要なアクセス許可は README に記載されています)。',
  'hint.throttling': 'AWS がリクエストレートを制限しています。1 分ほど待ってから、ウィザードを再実行してください。',
  'hint.network': 'ネットワーク接続、プロキシ設定、または --endpoint-url を確認してください。',
  'hint.serverFailure': 'AWS 側の障害で、設定の問題ではありません。少し待ってから同じコマンドをもう一度実行してください。AWS が失敗する前に処理を済ませていることがあり、その場合は「すでに存在する」と表示されます。',
  'hint.expiredToken': 'セッションの有効期限が切れています。新しいセッションを取得してください。',
  'hint.noCredentials':
    'このプロファイルの AWS 認証情報が見つかりません。コンソールからダウンロードしたアクセスキー CSV を指定するか、認証情報ファイルにキーがあるプロファイルを --profile で指定してください。',

  'csv.askPath': 'アクセスキー CSV のパス (例: ~/Downloads/alice_accessKeys.csv):',
  'csv.askPathEmpty': 'アクセスキー CSV のパスを入力してください (ファイルをこのウィンドウにドラッグしても入力できます)。既にあるプロファイルを使う場合は、Ctrl-C を押して --profile NAME を指定してください。',
  'csv.notFound': '{path} にファイルがありません。AWS コンソールからダウンロードしたアクセスキー CSV のパスを確認してください (通常は「ダウンロード」フォルダーにあります)。',
  'csv.notAFile': '{path} はファイルではありません。アクセスキー CSV ファイルそのもののパスを指定してください。',
  'csv.empty': '{path} は空です。AWS コンソールからアクセスキー CSV をもう一度ダウンロードしてください (IAM → ユーザー → セキュリティ認証情報 → アクセスキーを作成)。',
  'csv.notCsv':
    '{path} は AWS のアクセスキー CSV ではありません。1 行目は "Access key ID,Secret access key" (または "User name" で始まる行) のはずです。コンソールからダウンロードしたファイルを選んだか確認してください。',
  'csv.tooBig':
    '{path} は {size} あり、アクセスキー CSV としては大きすぎます (上限は {limit}。コンソールのファイルは数百バイトで、キー 1 つにつき 1 行です)。コンソールがダウンロードしたファイルを選んだか確認してください。',
  'csv.noKeys':
    '{path} はコンソールのサインイン用 CSV (ユーザー名とパスワード) で、アクセスキーは含まれていません。コンソールでアクセスキーを作成し (IAM → ユーザー → セキュリティ認証情報)、そのときダウンロードされる CSV を使ってください。',
  'csv.noRows': '{path} にはヘッダーしかなく、キーが含まれていません。AWS コンソールからアクセスキー CSV をもう一度ダウンロードしてください。',
  'csv.temporaryKey':
    '{path} の {line} 行目は一時的なアクセスキー ({keyId}、ASIA で始まるもの) です。MFA の設定には IAM ユーザーの長期的なアクセスキー (AKIA で始まるもの) を使います。コンソールでアクセスキーを作成し、その CSV を使ってください。',
  'csv.badKeyId':
    '{path} の {line} 行目のアクセスキー ID ({keyId}) は正しい形式ではありません (AKIA の後に英大文字または数字が 16 文字)。ファイルが編集された可能性があります。コンソールからもう一度ダウンロードしてください。',
  'csv.badSecret':
    '{path} の {line} 行目のシークレットアクセスキーは正しい形式ではありません (英字、数字、+、/ からなる 40 文字のはずですが、{length} 文字です)。ファイルが編集された可能性があります。コンソールからもう一度ダウンロードしてください。',
  'csv.userNotInFile': '{path} にユーザー "{user}" はありません。含まれているユーザー: {users}。',
  'csv.userColumnMissingForUser':
    '{path} にはユーザー名の列がないため、--user {user} で行を選べません。--user を省略してください。キーの所有者はウィザードが AWS に問い合わせます。',
  'csv.whichUser': 'この CSV には {count} 個のアクセスキーがあります。どれがあなたのキーですか?',
  'csv.noUserName': 'ユーザー名なし',
  'csv.read': '{path} からアクセスキー {keyId} を読み込みました',
  'csv.deleteAsk': '{path} を削除しますか? シークレットアクセスキーが平文で含まれています。キーは {credentials} に保存済みです。',
  'csv.deleted': '{path} を削除しました',
  'csv.kept': '{path} を残しました。シークレットアクセスキーが平文で含まれているため、安全に保管するか削除してください。',

  'identify.newKeyWait': 'アクセスキーは作成された直後で、AWS がまだ認識していません。最大 20 秒間再試行します…',
  'identify.unknownKey':
    'AWS は {path} のアクセスキーを認識していません。削除または無効化されたか、呼び出し先とは別の AWS パーティションのキーである可能性があります (中国または GovCloud の場合は --region を指定してください)。管理者に新しいアクセスキーを依頼してください。',
  'identify.wrongSecret':
    'AWS は {path} のシークレットアクセスキーを拒否しました。アクセスキー ID と一致しません。ファイルが編集された可能性があります。コンソールから新しいアクセスキー CSV をダウンロードしてください。',
  'identify.root':
    'これはアカウント {account} のルートユーザーのキーです。ルートユーザーの MFA は API ではなくコンソールで設定します。また、ルートユーザーのアクセスキーは削除してください。代わりに IAM ユーザーのキーを使ってください。',
  'identify.notUser':
    'この認証情報は IAM ユーザーではなく {arn} のものです。MFA デバイスは IAM ユーザーに設定します。IAM ユーザーの長期的なアクセスキーを使ってください。',
  'identify.temporaryProfile':
    'プロファイル {profile} には一時的な認証情報 (セッショントークン) が保存されています。MFA の設定には IAM ユーザーの長期的なアクセスキーが必要です。アクセスキー CSV を指定するか、長期的なアクセスキーを持つプロファイルを指定してください。',
  'identify.done': 'このキーはアカウント {account} の {user} のものです ({arn})',

  'profile.ask': 'このキーのプロファイル名:',
  'profile.badName':
    '"{name}" はプロファイル名に使えません。英字、数字、_ . @ + - だけを使い、128 文字以内にしてください (= や , も使えません。AWS SDK for JavaScript はそれを含む [profile …] セクションを読みません)。',
  'profile.badNameFlag':
    '{flag} "{name}" はプロファイル名に使えません。英字、数字、_ . @ + - だけを使い、128 文字以内にしてください。空白、角かっこ、改行はファイルの構造を変えてしまい、AWS SDK for JavaScript は = や , を含む名前の [profile …] セクションを読みません。',
  'profile.replaceAsk': 'プロファイル {profile} には別のキー ({keyId}) が保存されています。置き換えますか?',
  'profile.keptExisting':
    'プロファイル {profile} には別のアクセスキーが保存されているため、変更しませんでした。--profile で別の名前を指定するか、--replace-profile を指定して置き換えてください。',
  'profile.saved': 'キーを {path} にプロファイル {profile} として保存しました',
  'profile.unchanged': '{path} のプロファイル {profile} には、すでにこのキーが保存されています',
  'profile.sessionIsLongTerm':
    'セッションのプロファイルを {profile} 自体にすることはできません。長期的なアクセスキーがセッションで上書きされてしまいます。--session-profile を省略する (既定は {profile}-mfa) か、別の名前を指定してください。',
  'profile.sessionHoldsKeysAsk': 'プロファイル {profile} には長期的なアクセスキー ({keyId}) が保存されています。MFA セッションで上書きしますか?',
  'profile.sessionHoldsKeys':
    'プロファイル {profile} には長期的なアクセスキーが保存されているため、MFA セッションで上書きしませんでした。--session-profile で別の名前を指定するか、--replace-profile を指定してください。',

  'region.ask': 'プロファイル {profile} のデフォルトリージョン:',
  'region.invalid': '"{value}" は us-east-1 や eu-west-1 のようなリージョン名ではありません。',
  'region.invalidFlag': '--region {value} は us-east-1 や eu-west-1 のようなリージョン名ではありません。',

  'preflight.alreadyEnrolled': '{user} にはすでに MFA デバイスが {count} 個あります (例: {serial}、{since} に有効化)。デバイスがお使いのスマートフォンにある場合 (管理者と一緒に登録した場合) は、端末で、または --codes-from-stdin を付けてウィザードを実行し、そのコードを 1 つ入力してください。これでこのコンピューターが設定されます。古いスマートフォンが手元にある場合は --replace を付けてウィザードを再実行してください。新しいスマートフォンを追加してから古いデバイスを削除します。古いスマートフォンを紛失・故障した場合は、管理者が次のコマンドでデバイスを削除し、その後ウィザードを再実行してください:\n    {command}',
  'preflight.orphanFound': '以前の試行で作成された未完了の MFA デバイス ({serial}) が見つかりました。削除します',
  'preflight.orphanRemoved': '未完了のデバイス {serial} を削除しました',
  'preflight.orphanDenied':
    '以前の試行で作成された未完了の MFA デバイス ({serial}) が残っていますが、アクセス許可がないため削除できません (iam:DeleteVirtualMFADevice。一般的なポリシーでは MFA 認証済みの場合にのみ許可されます)。管理者に次のコマンドの実行を依頼し、その後ウィザードを再実行してください:\n    aws iam delete-virtual-mfa-device --serial-number {serial}',
  'preflight.nameInUse':
    'あなたのデバイスと同じ名前の MFA デバイス ({serial}) がすでに存在し、別のユーザーが使用しています。--device-name で別の名前を指定してください。',

  'device.badName': '"{name}" は MFA デバイス名に使えません。英字、数字、+ = , . @ _ - だけを使い、226 文字以内にしてください。',
  'device.createDenied':
    'AWS は {user} による MFA デバイス {name} の作成を許可しませんでした ({message})。多くのポリシーでは、ユーザー名と同じ名前のデバイス (mfa/\${aws:username}) しか作成できません。--device-name を指定した場合は省略してください。指定していない場合は、管理者に iam:CreateVirtualMFADevice の許可を依頼してください。',
  'device.limitExceeded':
    'ユーザーの MFA デバイスが IAM の上限 (8 個) に達しているか、アカウントの上限に達しています (LimitExceeded)。使われていないデバイスを削除してから再実行してください。管理者は次のコマンドで削除できます:\n    mfa-onboard reset --profile ADMIN --user NAME',
  'device.created': '仮想 MFA デバイス {serial} を作成しました',
  'device.createdAnswerLost':
    'AWS は {serial} を作成しましたが、その応答 (デバイスのキーを含む) が途中で失われました。作成されたデバイスを削除しました。',
  'device.retryMetOwn':
    '{serial} の作成に対する応答が途中で失われ、再試行で AWS が作成済みのデバイスが見つかりました。そのキーはこのコンピューターに届いていないため使えません。削除して作り直します',
  'device.maybeCreated':
    'AWS が応答を返さずに {serial} を作成した可能性がありますが、今は確認も削除もできませんでした。次回の実行で削除されます。または次のコマンドで削除してください:\n    aws iam delete-virtual-mfa-device --serial-number {serial}',

  'qr.heading': '認証アプリにデバイスを追加する',
  'qr.deleteEarlier': '以前の試行のコード {earlier} が認証アプリに残っているはずですが、そのデバイスは削除済みで、コードは使えません。スキャンする前にアプリからその項目を削除してください。新しいコードは {label} と表示されます。',
  'qr.deletedEarlier': 'アプリから {earlier} を削除しましたか?',
  'qr.scan': '認証アプリでスキャンしてください ({label} と表示されます):',
  'qr.tooSmall':
    '端末が小さすぎて QR コードを表示できません ({columns}×{rows} (列×行) が必要ですが、この端末は {haveColumns}×{haveRows} です)。ウィンドウを大きくする (収まりしだい QR コードを表示します) か、キーを認証アプリに手で入力するか、QR コードを PNG として保存してください。',
  'qr.noTerminal': 'QR コードを表示する端末がありません。',
  'qr.noWayToShow':
    'QR コードを表示する端末がないため、認証アプリにキーを渡せませんでした。--qr-png FILE を指定して QR コードを画像として保存するか、--show-secret を指定してキーを表示し、手で入力してください。',
  'qr.askScanned': 'スキャン済み?',
  'qr.askAdded': '追加しましたか?',
  'qr.keyContinue': 'Enter: 続行',
  'qr.keyShowKey': 'k: キーを表示',
  'qr.keyShowQr': 'q: QR コードを表示',
  'qr.keyPng': 'p: PNG で保存',
  'qr.keyInvert': 'i: 反転表示',
  'qr.pngSaved': 'QR コードを {path} に保存しました',
  'qr.askNoQr': 'デバイスを認証アプリにどの方法で追加しますか?',
  'qr.choiceAdded': '追加しました: 続行',
  'qr.choiceKey': '手で入力するためのキーを表示',
  'qr.choicePng': 'QR コードを PNG ファイルとして保存',
  'qr.askPngPath': 'QR コードの保存先ファイル:',
  'qr.manualKey': 'アプリで「セットアップキーを入力」を選び、アカウント名に {label}、種類に「時間ベース」を指定して、次のキーを入力してください (空白は省略可):',
  'qr.pngWritten': 'QR コードを {path} に書き込みました (読み取れるのはあなただけです)。MFA キーが含まれているため、スキャンしたら削除してください。',
  'qr.pngExists': '{path} はすでに存在します。QR コードで既存のファイルを上書きすることはないため、新しいファイル名を指定してください。',
  'qr.pngFailed': 'QR コードを {path} に書き込めませんでした ({reason})。書き込み可能なフォルダーを指定してください。',

  'enable.heading': '連続する 2 つのコードでデバイスを有効にする',
  'enable.askFirst': 'アプリに今表示されているコード:',
  'enable.askSecond': '次のコード (その次に表示されるもの):',
  'enable.waitNext': '次のコードを待っています: {seconds} 秒…',
  'enable.notConsecutiveLate':
    'この 2 つのコードは連続していません。2 つ目のコードが、1 つ目の 2 つ以上後のコードです。今表示されているコードと、その次のコードでやり直してください。',
  'enable.notConsecutiveEarly': '2 つ目のコードが 1 つ目より前のコードです。今表示されているコードと、その次のコードでやり直してください。',
  'enable.rejected':
    'AWS は 2 つのコードを受け付けませんでした (InvalidAuthenticationCode)。アプリで今追加したエントリを見ているか確認し、新しい連続する 2 つのコードで再試行してください。',
  'enable.alreadyEnabled':
    'AWS によると、デバイス {serial} はすでに有効です (リクエストの再試行で有効になった可能性があります)。次のコマンドで確認してください:\n    aws iam list-mfa-devices --user-name {user}',
  'enable.answerLost':
    '{serial} の有効化の応答は途中で失われましたが、IAM ではデバイスが有効になっています。続行します。',
  'enable.temporarilyUnmodifiable': 'IAM は現在ユーザー {user} を変更できません (作成または変更された直後です)。1 分ほど待ってから、ウィザードを再実行してください。',
  'enable.noSuchEntity': 'IAM でユーザー {user} またはデバイス {serial} が見つからなくなりました ({message})。ユーザーが存在するか管理者に確認してください。',
  'enable.accessDenied': 'AWS は {user} による MFA デバイスの有効化を許可しませんでした ({message})。自分のユーザーに対する iam:EnableMFADevice の許可を管理者に依頼してください。',
  'enable.gaveUp': '何度か試しましたが、デバイスを有効にできませんでした。スマートフォンの時計が自動設定になっているか確認してから、ウィザードを再実行してください。',
  'enable.done': '{user} の MFA デバイス {serial} を有効にしました',

  'code.notSixDigits': 'コードはアプリに表示される 6 桁の数字です (空白は入っていても構いません)。もう一度入力してください。',
  'code.sameTwice': '前と同じコードです。アプリに次のコードが表示されるまで待ってください。',
  'code.alreadyUsed': 'このコードはすでに使用されています。AWS は各コードを 1 回しか受け付けません。アプリに新しいコードが表示されるまで待ってください。',
  'code.noMatch':
    'このコードはこのデバイスのものではありません。入力ミスがないか、また別のアカウントではなく今追加したエントリ (AWS、あなたのユーザー名) のコードを見ているか確認してください。',
  'code.clockOff':
    'コードは正しいですが、スマートフォンの時計が約 {amount}{direction}いるため、AWS に拒否される可能性があります。スマートフォンで日付と時刻の自動設定をオンにしてから、新しいコードを使ってください。',
  'code.tryAnyway': 'このコードをそのまま AWS に送信しますか?',
  'code.tooManyBad': '使用できないコードが多すぎます。スマートフォンの時計とアプリのエントリを確認してから、ウィザードを再実行してください。',
  'codes.stdinEnded': 'すべてのコードを読み込む前に標準入力が終了しました。--codes-from-stdin では、コードが求められるたびに 1 行に 1 つずつ入力する必要があります。',
  'clock.computerOff':
    'このコンピューターの時計は AWS の時刻より {seconds} 秒{direction}います。コードの確認には AWS の時刻を使います。このコンピューターで時刻の自動設定 (NTP) をオンにすることを検討してください。',
  'time.seconds': '{n} 秒',
  'time.minutes': '{n} 分',
  'time.behind': '遅れて',
  'time.ahead': '進んで',
  'time.when': '{time} ({distance})',
  'time.inHours': 'あと {n} 時間',
  'time.hoursShort': '{n} 時間',
  'time.minutesShort': '{n} 分',
  'time.inMinutes': 'あと {n} 分',
  'time.hoursAgo': '{n} 時間前',
  'time.minutesAgo': '{n} 分前',

  'session.heading': 'MFA セッションを確認する',
  'session.waitFresh': 'AWS は各コードを 1 回しか受け付けません。新しいコードを待っています: {seconds} 秒…',
  'session.askCode': 'アプリの新しいコード:',
  'session.codeRejected':
    'AWS はこのコードでセッションを発行しませんでした (各コードは 1 回しか使えません)。次のコードを待ってください。現在のコードが何度も拒否される場合、デバイスが AWS とずれています (遅れて入力したコードで有効化された場合など)。2 つのコードで同期し直せます:\n    {command}',
  'session.notYetValid': 'AWS がまだ新しいデバイスを認識していません (IAM への反映には数秒かかります)。次のコードで再試行します。',
  'session.denied': 'AWS は MFA セッションの発行を拒否しました ({message})。sts:GetSessionToken が許可されているか管理者に確認してください。',
  'session.wrongAccount':
    'セッションのアカウントが {expected} ではなく {account} です。--endpoint-url と AWS_ENDPOINT_URL が想定どおりの宛先を指しているか確認してください。',
  'session.otherIdentity': 'セッションの ID が {expected} ではなく {arn} です。(ローカルのエミュレーターは常に固定のユーザーを返します。)',
  'session.verified': 'MFA セッションは正常に動作しています: {arn}、有効期限 {expires}',
  'session.gaveUp':
    '何度かコードを送信しましたが、AWS は MFA セッションを発行しませんでした。スマートフォンの時計が自動設定になっているか確認してください。自動設定で現在のコードを入力している場合、デバイスが AWS とずれています。2 つのコードで同期し直せます:\n    {command}',
  'resync.intro': '{serial} を同期し直します: デバイスに今表示されている連続した 2 つのコードを入力してください (2 つ目はアプリの表示が変わってから)。',
  'resync.askFirst': '{serial} に今表示されているコード:',
  'resync.askSecond': '次のコード (アプリの表示が変わるまで待ってください):',
  'resync.codesRefused': 'AWS はこれらをこのデバイスの連続した 2 つのコードとして受け付けませんでした。新しいコードが表示されるまで待ち、そのコードと次のコードを入力してください。',
  'resync.done': '{serial} は AWS と再び同期しました。現在のコードが使えます。セッションの取得:\n    {command}',
  'resync.gaveUp': 'AWS は {serial} のコードの組を 3 回拒否しました。アプリのエントリがこのデバイスのもの (名前のアカウントとユーザー) か確認してから再実行してください。それでも失敗する場合は、管理者がデバイスを削除し、新しいデバイスを登録できるようにできます。',
  'resync.notUser': 'プロファイル {profile} のキーは IAM ユーザーのものではありません。resync は IAM ユーザー自身のデバイスに対して行います。ユーザーの長期的なキーを持つプロファイルを --profile に指定してください。',
  'resync.denied': 'AWS は {serial} の同期を拒否しました ({message})。ユーザー自身のデバイスに対する iam:ResyncMFADevice が必要です。管理者に許可を依頼してください。次のコマンドがそのポリシーを出力します:\n    mfa-onboard policy',
  'resync.noSuchDevice': 'AWS には {user} のデバイス {serial} がありません ({message})。プロファイルの mfa_serial を確認するか、ユーザーのデバイスのいずれかを --mfa-serial に指定してください。次のコマンドで一覧できます:\n    mfa-onboard status',
  'mfaProcess.ofProfile': 'プロファイル {profile} の mfa_process',
  'mfaProcess.ofFlag': '--mfa-process のコマンド (プロファイル {profile})',
  'mfaProcess.failed': 'MFA コードがありません: {source} が終了ステータス {status} で終了しました。何も書き込んでいません。原因はコマンドを直接実行して確認してください:\n    {command}',
  'mfaProcess.notStarted': 'MFA コードがありません: {source} を起動できませんでした ({message})。何も書き込んでいません。コマンド:\n    {command}',
  'mfaProcess.timedOut': 'MFA コードがありません: {source} が {seconds} 秒以内にコードを出力しなかったため停止しました (YubiKey がタッチ待ち、またはパスワードマネージャーがロック解除待ちでは?)。何も書き込んでいません。コマンド:\n    {command}',
  'mfaProcess.refused':
    'AWS は {source} が {serial} 用に出力したコードを拒否しました。何も書き込んでいません。プログラムがこのデバイスのシードを持っている場合、デバイスが AWS とずれています (遅れて入力したコードで有効化された場合など)。2 つのコードで同期し直せます:\n    {command}',
  'mfaProcess.notACode': 'MFA コードがありません: {source} が出力した最初の行は 6 桁のコードではありません。何も書き込んでいません。コマンド:\n    {command}',
  'session.askCodeFor': '{serial} ({name}) の MFA コード:',
  'session.askCodeBackup': '{serial} (バックアップデバイス {name}) の MFA コード:',
  'session.reused': 'プロファイル {sessionProfile} の MFA セッションは {expires} まで有効です。このセッションを使います。新しいセッションが必要な場合は --force を指定してください。',
  'session.endingSoon': 'プロファイル {sessionProfile} の MFA セッションは {expires} までで、残りが求められた {wanted} (--min-remaining) に足りないため、新しいセッションを取得します。',
  'session.expired': 'プロファイル {sessionProfile} の MFA セッションは {expires} に期限切れになりました。新しいセッションを取得します。',
  'session.exportToTerminal':
    '--export {shell} はシェルに実行させるためにセッションのシークレットキーとトークンを出力するもので、画面に出すとスクロールバックに残るため、何も出力していません。シェルに実行させてください:\n    {command}',
  'session.credentialProcessToTerminal':
    '--credential-process は AWS のツールに読ませるためにセッションのシークレットキーとトークンを出力するもので、画面に出すとスクロールバックに残るため、何も出力していません。AWS の config ファイルのプロファイルに書いてください:\n    {line}',
  'setup.exportToTerminal':
    '--export {shell} はシェルに実行させるために MFA セッションのシークレットキーとトークンを出力するもので、画面に出すとスクロールバックに残るため、何もしていません。--export を外して実行し、ウィザードが終わったら次のコマンドでセッションをシェルに取り込んでください:\n    {command}',
  'session.serialKept': 'このセッションには {serial} (--mfa-serial) を使いました。プロファイル {profile} の mfa_serial は {configured} のままです。',
  'session.useIt':
    '{expires} まで --profile {sessionProfile} で使用できます。他のツールには次のコマンドを使ってください (sh、bash、zsh):\n    {command}',
  'session.noDevice':
    'ユーザー {user} (プロファイル {profile}) には MFA デバイスがありません。先に設定してください:\n    mfa-onboard --profile {profile}',
  'session.whichDevice': 'このユーザーには MFA デバイスが {count} 台あります。どのデバイスを使いますか?',
  'session.badSerial':
    'AWS は MFA デバイス {serial} でコードを確認できませんでした。このユーザーのデバイスではない (または削除された直後) と考えられます。設定ファイルの mfa_serial を確認するか、--mfa-serial を指定してください。',
  'session.noTty':
    '新しい MFA セッションにはコードが必要ですが、質問できる端末がありません。--codes-from-stdin を指定するか、一度端末で次のコマンドを実行してください (以後はそのセッションが再利用されます):\n    mfa-onboard session',
  'cli.badShell': '--export {value} には対応していません。sh、fish、powershell、cmd のいずれかを指定してください。',
  'role.badArn': '--role-arn {value} はロール ARN ではありません (例: arn:aws:iam::123456789012:role/Admin)。',
  'role.badSessionName': '--role-session-name {value} はセッション名として使えません。英数字と + = , . @ _ - で 2〜64 文字にしてください。',
  'role.noSourceProfile':
    'プロファイル {profile} には role_arn がありますが source_profile がありません。ロールを引き受ける長期的なアクセスキーのプロファイルが必要です。設定ファイルのこのプロファイルに source_profile を追加してください。',
  'role.durationTooLong': 'ロールのセッションは最長 12 時間 (43200 秒) ですが、{duration} 秒が指定されました。短い --duration を指定してください。',
  'role.maxSession':
    'AWS は {roleArn} について {duration} 秒を拒否しました。ロールで許可された最大セッション時間 (MaxSessionDuration。管理者が変更していなければ 1 時間、最大 12 時間) を超えています。--duration 1h などの短い時間を指定してください。',
  'role.chaining':
    'AWS は {roleArn} について {duration} 秒を拒否しました。使用した認証情報自体がロールのものであり、ロールから引き受けたロール (ロールの連鎖) のセッションは最長 1 時間です。--duration 1h を指定するか、長期的なアクセスキーを持つプロファイルを source_profile にしてください。',
  'role.denied':
    '{roleArn} を引き受けることを AWS が許可しませんでした ({message})。ロールの信頼ポリシーでユーザーを (多くの場合 MFA 使用時のみ: aws:MultiFactorAuthPresent) 許可する必要があります。ロールの管理者に確認してください。',
  'session.clockBehind':
    'プロファイル {sessionProfile} の保存済みセッションの期限が {expires} となっていますが、これはどのセッションよりも長い期限です。このコンピューターの時計が遅れています。新しいセッションを取得します。時計を自動設定 (NTP) にしてください。',
  'session.rootDuration': 'ルートユーザーのセッションは最長 1 時間 (3600 秒) ですが、{duration} 秒が指定されました。--duration 1h 以下を指定してください。',
  'summary.daily': '毎日',
  'session.noSerialForRoot': 'プロファイル {profile} は IAM ユーザーのものではないため、MFA デバイスを調べられません。--mfa-serial を指定するか、設定ファイルでこのプロファイルに mfa_serial を設定してください。',
  'session.otherOrigin': 'プロファイル {sessionProfile} に保存済みのセッションは別のプロファイル、ロール、またはデバイスのものです。新しいセッションを取得します。',
  'session.sourceNotLongTerm':
    'プロファイル {profile} は長期的なアクセスキーのプロファイルではありません (設定ファイルで {key} を設定しています)。このプロファイルでは MFA セッションを作成できません。アクセスキーを保存したプロファイル (ウィザードが取り込んだもの) を --profile に指定してください。',
  'session.oddValue': '保存済みのセッションに、アクセスキー、トークン、日時として正しくない値が含まれているため、出力しません。--force を付けて再実行し、新しいセッションを取得してください。',
  'session.recursive':
    'mfa-onboard session が自分自身から起動されました (--profile のない credential_process、または自分自身のプロファイルを指定した credential_process)。ここで停止します。credential_process の行に、長期的なアクセスキーのプロファイルを --profile で指定してください。',
  'role.chainedSource':
    'プロファイル {profile} は {source} からロールを引き受けますが、そのプロファイル自体がロールです。このツールは長期的なアクセスキーからのみロールを引き受けます。source_profile にアクセスキーを保存したプロファイルを指定してください。',
  'status.noUser': 'この認証情報は IAM ユーザーではなく {arn} のものです。ユーザーを確認するには --user NAME を指定してください。',
  'status.caller': 'キーの所有者',
  'status.user': 'IAM ユーザー',
  'status.device': 'MFA デバイス',
  'status.deviceValue': '{name}  {serial}、{enabled} に有効化',
  'status.noDevice':
    'なし。次のコマンドで設定してください:\n    {command}',
  'status.mfaSerial': '設定の mfa_serial',
  'status.serialCurrent': '{serial}',
  'status.serialStale': '{serial}  (このユーザーのデバイスではなくなっています)',
  'status.session': 'MFA セッション',
  'status.sessionValid': '{profile}、{expires} まで有効',
  'status.sessionEnded':
    '{profile}、{expires} に期限切れ。新しいセッション:\n    {command}',
  'status.orphans': '未完了のデバイス',
  'status.orphansUnknown': '不明 (iam:ListVirtualMFADevices のアクセス許可がありません)',
  'status.notHere': 'このコンピューターにはありません ({user} という名前のプロファイルがありません)',
  'status.noSerial': 'なし。セッションを取ると使ったデバイスが記録されます:\n    {command}',
  'status.noSerialNoDevice': 'なし (MFA デバイスがまだありません)',
  'status.none': 'なし',
  'status.underway': '進行中',
  'status.underwayEnabled': '{serial} を登録中: 有効化済み、セッションは未保存',
  'status.underwayNotEnabled': '{serial} を登録中: 有効化の前に止まりました',
  'status.underwayReplaced': '{old} を {serial} に置き換え中: 新しいデバイスは有効化済み、セッションは未保存',
  'status.underwayReplacing': '{old} を置き換え中: 新しいデバイスの有効化の前に止まりました',
  'status.underwayOldGone': '{old} を置き換え中: 古いデバイスは削除済み、新しいデバイスは有効化されていません',
  'status.nextFinishes': '次の実行では、そのデバイスのコードを 1 つ尋ねてセッションを保存します:\n    {command}',
  'status.nextRetires': '次の実行では、新しいデバイスのコードを 1 つ尋ね、セッションを保存して {old} を外します:\n    {command}',
  'status.nextStartsAfresh': '次の実行では、未完了のデバイスが残っていれば削除して、登録を最初からやり直します:\n    {command}',
  'status.nextReplaces': '次の実行 (--replace 付き) では、新しいデバイスを作成して {old} を外します:\n    {command}',
  'status.nextEnrols': '次の実行では、{old} の代わりに新しいデバイスを登録します:\n    {command}',
  'setup.enabledNotVerified':
    'MFA デバイス {serial} は有効になり、{config} のプロファイル {profile} に mfa_serial として記録されましたが、MFA セッションは保存されていません。同じコマンドを再実行する (コードを 1 つ尋ね、セッションを保存します) か、次のコマンドで取得してください:\n    aws sts get-session-token --serial-number {serial} --token-code CODE --profile {profile}',

  'save.done': 'セッションを {credentials} にプロファイル {sessionProfile} として保存しました',
  'save.serial': 'デバイスを {config} のプロファイル {profile} の mfa_serial として記録しました',
  'file.tightened': '{path} は他のユーザーが読み取れる状態でした (モード {mode})。自分だけが読み取れるように変更しました (600)。',
  'file.dirTightened': 'フォルダー {path} は他のユーザーがアクセスできる状態でした (モード {mode})。自分だけがアクセスできるように変更しました (700)。',
  'file.locked': '{path} は別の実行で変更中です (ロックファイル {lock})。終了するまで待ってください。実行中のものがない場合は、ロックファイルを削除してください。',
  'file.readFailed': '{path} を読めませんでした ({reason})。読み取りできるファイルか確認してください (AWS CLI や SDK も同じファイルを読みます)。',
  'file.isDirectory': '{path} はフォルダーですが、AWS CLI や SDK はそこにファイルがあることを前提にしています。フォルダーを移動する (または AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE でファイルを指定する) してから、もう一度実行してください。',
  'file.linkLoop': '{path} は自分自身に戻るシンボリックリンク (リンクのループ) なので、どのプログラムも開けません。リンクを実在するファイルに向けて (ls -l でリンク先を確認できます) から、もう一度実行してください。',
  'profile.notFound':
    '{credentials} にも {config} にもプロファイル {profile} がありません。あるプロファイル: {profiles}。名前 (--profile または AWS_PROFILE) を確認するか、アクセスキー CSV のキーを取り込んでください:\n    mfa-onboard ACCESS-KEYS.csv --profile {profile}',
  'profile.adminNotFound':
    '{credentials} にも {config} にもプロファイル {profile} がありません。あるプロファイル: {profiles}。名前 (--profile または AWS_PROFILE) を確認するか、管理者のキーをそのプロファイルとして追加してください。次のコマンドはアクセスキー ID とシークレットアクセスキー (どちらも管理者のアクセスキー CSV にあります) を尋ねるだけです。セットアップウィザードとは違い、管理者の MFA デバイスは登録しません:\n    aws configure --profile {profile}',
  'profile.adminNoKeys':
    'プロファイル {profile} は AWS のファイルにありますが、AWS SDK はそのキーを見つけられませんでした ({reason})。管理者のキーのあるプロファイルを使うか、キーを設定してください。次のコマンドはアクセスキー ID とシークレットアクセスキー (どちらも管理者のアクセスキー CSV にあります) を尋ねるだけです。セットアップウィザードとは違い、管理者の MFA デバイスは登録しません:\n    aws configure --profile {profile}',
  'profile.andMore': '{listed} ほか {count} 件',
  'profile.noneThere': 'なし',
  'profile.noKeys':
    'プロファイル {profile} は AWS のファイルにありますが、AWS SDK はそのキーを見つけられませんでした ({reason})。キーのあるプロファイルを使うか、キーを設定してください:\n    mfa-onboard ACCESS-KEYS.csv --profile {profile}',
  'file.writeFailed': '{path} に書き込めませんでした ({reason})。そのフォルダーに書き込めるか確認してください。ファイルの内容は変更されていません。',
  'ini.badName': '"{name}" は AWS の設定ファイルに名前として書き込めません (角かっこ、空白、改行は使えません)。',
  'ini.badValue': '{key} の値に改行が含まれているため、安全に書き込めません。',
  'ini.duplicateSection': 'ファイルに [{section}] セクションが 2 つあり、AWS CLI が読み込めません。手動で一方を削除してから、再実行してください。',

  'rollback.removing': '未完了の MFA デバイスを削除しています…',
  'rollback.removed': '未完了のデバイス {serial} を削除しました',
  'rollback.failed':
    '未完了のデバイス {serial} を削除できませんでした ({reason})。ウィザードを再実行すると、もう一度削除を試みます。アクセス許可がない場合 (一般的なポリシーでは MFA なしの削除は拒否されます) は、管理者が次のコマンドで削除できます:\n    aws iam delete-virtual-mfa-device --serial-number {serial}',
  'rollback.pngRemoved': '{path} を削除しました (未完了のデバイスの QR コードでした)',
  'rollback.keptEnabled': 'デバイス {serial} は {user} に対して有効になっていたため、削除せずに残しました。',

  'summary.heading': '完了: {user} は MFA で保護されています',
  'summary.device': 'MFA デバイス',
  'summary.profiles': 'プロファイル',
  'summary.profilesValue': '長期的なアクセスキー: {profile}、MFA セッション: {sessionProfile}、有効期限 {expires}',
  'summary.file': '変更したファイル',
  'summary.fileBackup': '{path} (変更前のファイル: {backup})',
  'summary.next': '動作確認',

  'duration.invalid': '{flag} {value} は時間の長さではありません。12h、90m、1h30m、または秒数で指定してください。',
  'duration.outOfRange': '--duration {value} は {seconds} 秒です。MFA セッションの長さは 15m (900 秒) から 36h (129600 秒) までです。',

  'demo.emulatorUnreachable':
    '{url} のエミュレーターにデモ用のユーザーを作成できませんでした ({reason})。そこで AWS エミュレーター (moto、LocalStack) が動いているか確認するか、--emulator-url を外して組み込みのエミュレーターを使ってください。',
  'demo.heading': 'デモ: ローカルの AWS エミュレーターでウィザードを実行',
  'demo.startingEmbedded': 'ローカルの空きポートで内蔵の AWS エミュレーター (このプロセス内の IAM と STS) を起動しています…',
  'demo.startingMoto': 'ローカルの空きポートでエミュレーター (moto) を起動しています…',
  'demo.usingUrl': '{url} で動作中の AWS エミュレーターを使います。',
  'demo.rehearseConsistency': 'リハーサル: デバイスを有効化してから {seconds} 秒間、STS はまだそのデバイスを知りません (IAM の結果整合性)。',
  'demo.rehearseFault': 'リハーサル: 最初の {action} の呼び出しは、再試行も含めて失敗します ({kind})。',
  'demo.ready':
    'エミュレーターは {url} で動作しています。IAM ユーザー alice (`mfa-onboard policy` が出力するポリシーをインラインポリシーとして付与: 自分の MFA の管理のみ可能で、MFA なしではほかの操作はできません) と、そのアクセスキー CSV ({csv}) を作成しました。実際の ~/.aws は変更しません (HOME は {home} です)。QR コードは実際の認証アプリでスキャンしてください。',
  'demo.identityNote': '注: このエミュレーターはどの MFA セッションにも固定の ID を返すことがあり (moto は user/moto)、上の確認で alice 以外のユーザーが表示される場合があります。既定の内蔵エミュレーターは alice と表示します。',
  'demo.notRemoved': 'デモのフォルダー {dir} を削除できませんでした ({code})。ほかのプログラムが開いている可能性があります。中身はデモ用の架空のキーだけです。手動で削除してください。',
  'demo.kept': 'デモのファイルを {dir} に残しました。',
  'demo.tryMore': 'デモのプロファイルと MFA デバイスはあのエミュレーターでしか使えません。認証アプリの alice の項目は削除してください。デモでは、アクセスキー CSV から確認済みの MFA セッションまでのウィザードを見ました: キーのインポート、デバイスの作成とアプリの 2 つのコードによる有効化、セッションの保存。止めるまで動き続けるエミュレーターでさらに試すには (aws CLI、session、管理者のコマンド):\n    mfa-onboard emulator\n本番では、AWS コンソールで受け取ったアクセスキー CSV で:\n    mfa-onboard FILE',
  'demo.stopped': 'エミュレーターを停止しました。',
  'demo.leftRunning': '{url} のエミュレーターはデモが起動したものではないため、そのまま動かしておきます。',
  'demo.badEmulator': '--emulator {value} はデモが扱えるエミュレーターではありません。embedded (既定、インストール不要) か moto を指定してください。起動済みの別のエミュレーターを使うには、そのアドレスを --emulator-url で指定してください。',
  'demo.rehearsalNeedsEmbedded': '--rehearse-consistency と --rehearse-fault は内蔵エミュレーターでのみ使えます。--emulator と --emulator-url を外してください。',
  'demo.badFault': '--rehearse-fault {value} は ACTION=KIND の形ではありません。ACTION は {actions} のいずれか、KIND は {kinds} のいずれかです (例: --rehearse-fault EnableMFADevice=throttle)。',
  'emulator.badPort': '--port {value} はポート番号ではありません。1 から 65535 の数を指定するか、--port を外して空きポートを使ってください。',
  'emulator.portInUse':
    '127.0.0.1 のポート {port} は使用中です (別のプログラム、たとえば別のエミュレーターが待ち受けています)。そのプログラムを止めるか、--port で別のポートを指定するか、--port を外して空きポートを使ってください。',
  'emulator.portDenied': 'ポート {port} はこのユーザーには使えません (多くのシステムでは 1024 未満のポートに管理者権限が必要です)。1024 以上のポートを指定するか、--port を外してください。',
  'emulator.badDir': '{dir} に管理者のキーを書き込めません: {reason}。--dir で書き込めるフォルダーを指定するか、--dir を外して新しい一時フォルダーを使ってください。',
  'emulator.fileExists':
    '{path} はすでにあります。エミュレーターは既存のファイルを上書きしません (本物のキーかもしれないため)。削除するか、--dir で別のフォルダーを指定するか、--dir を外して新しい一時フォルダーを使ってください。',
  'emulator.ready': '内蔵の AWS エミュレーター (IAM と STS) が {url} で Ctrl-C まで動いています。ユーザー、キー、グループ、ポリシー、MFA デバイスはメモリー上にだけあり、停止とともに消えます。ポリシーは IAM と同じように評価されます。',
  'emulator.admin':
    '準備済みの管理者はユーザー admin です (すべて許可)。アクセスキー CSV は {csv} (モード 0600) で、同じキーをプロファイル {profile} として {credentials} に、リージョンを {config} に書き込みました。',
  'emulator.temporaryDir': '{dir} は一時フォルダーです。エミュレーターの停止時にキーごと削除します。',
  'emulator.ownDir': '{dir} はエミュレーターの停止後も残ります。中のキーはこのエミュレーターでしか使えません。',
  'emulator.howTo': `別のターミナルから aws CLI とこのツールのコマンドをここに向けるには (ファイルの変数で、実際の ~/.aws をリハーサルに巻き込みません。各コマンドに --endpoint-url と URL を付けても使えます):
{commands}`,
  'emulator.stopped': '{url} のエミュレーターを停止しました。保持していた内容はすべて消えました。',
  'emulator.notRemovedDir': '{dir} を削除できませんでした ({code})。ほかのプログラムが開いている可能性があります。中のキーは停止したエミュレーターでしか使えなかったものです。手動で削除してください。',
  'emulator.removedDir': '{dir} を削除しました。',
  'emulator.keptDir': '{dir} を残しました。中のキーは停止したエミュレーターでしか使えなかったものです。',
  'demo.admin.heading': '管理者向けデモ: ローカルの AWS エミュレーターで行う新入社員の登録の 1 日',
  'demo.admin.ready':
    'エミュレーターは {url} で動いています。実際の ~/.aws には触れません。このデモでの ~ は {home} で、プロファイル {profile} にはエミュレーターの管理者 (すべて許可) のキーがあります。各手順はコマンドラインを表示してから実行します。自分の管理者プロファイルで同じコマンドを実行すれば、AWS で同じことができます。新入社員のスマートフォンで QR コードを読み取ってください (1 台で 2 人分を試せます)。',
  'demo.admin.step': '手順 {n} (全 {total}): {what}\n    {command}',
  'demo.admin.policy': 'グループ {group} (ここで作成) に MFA ポリシーを付けます。メンバーは自分の MFA デバイスを管理でき、MFA セッションなしではそれ以外のことはできません',
  'demo.admin.createUser': '新入社員 {user} をグループ {group} に作成し、本人に渡すアクセスキー CSV を作ります',
  'demo.admin.batch':
    '~/users.csv の順に {first} と {second} を 1 人ずつ登録します。各新入社員のスマートフォンで QR コードを読み取ります。本人のキー (CSV のもの) はメモリー上でセッションの確認にだけ使い、本人のプロファイルはここに保存しません',
  'demo.admin.usersCsv': '~/users.csv には、各新入社員と admin create-user が作ったキー CSV (users.csv からの相対パス) を書いてあります:\n{rows}',
  'demo.admin.reset': '{user} がスマートフォンを紛失しました。新しいスマートフォンを登録できるように {user} の MFA デバイスを削除します',
  'demo.admin.done':
    '実行した内容: グループ {group} への MFA ポリシー、{first} と {second} の作成 (本人に渡すキー CSV 付き) と本人のスマートフォンでの登録 (本人のプロファイルやセッションはこのコンピューターに保存していません)、紛失時の {first} のデバイスの削除。さらに試すには (aws CLI、Terraform、自作のスクリプト、新入社員が自分のコンピューターで行う初回の実行)、同じエミュレーターを単独で起動します:\n    {command}',
  'demo.admin.stopped':
    'リハーサルを中止しました。エミュレーターとファイルは一緒に消えるため、上に表示された続きのコマンドは使えません。最初からもう一度試すには:\n    {command}',
  'demo.admin.needsEmbedded': '--admin は内蔵エミュレーターでのみ試せます (MFA コードを確認し、MFA ポリシーを評価するため)。--emulator と --emulator-url を外してください。',
  'demo.admin.notHere':
    '{flag} は demo --admin では使えません。デモは管理者、新入社員、ファイルを自分で用意し、新入社員のものは何も残しません。{flag} を外してください。',
  'demo.noMoto':
    '--emulator moto には moto を入れた python3 が必要ですが、ここでは次の確認が失敗します:\n    python3 -c "import moto.server"\n--emulator を付けずにデモを実行してください。内蔵エミュレーターは何もインストールせずに動きます。または moto や LocalStack を自分で起動し、そのアドレスを --emulator-url で指定してください。',
  'moto.failed':
    'AWS エミュレーター (moto) が起動しませんでした: {reason}。次のコマンドが動作するか確認してください:\n    python3 -m moto.server --help',
  'admin.alreadyEnrolled':
    '{user} にはすでに MFA デバイスが {count} 個あります (例: {serial}、{since} に有効化)。代わりに新しいスマートフォンを登録するには --replace を付けて再実行してください (新しいデバイスを追加してから古いデバイスを削除します)。または先に次のコマンドでデバイスを削除してください:\n    {command}',
  'replace.forAnother': '別のユーザーのデバイスを登録する場合は、管理者が --user でユーザーを指定します:\n    mfa-onboard --profile {profile} --user NAME',
  'replace.ask': '{user} にはすでに MFA デバイスが {count} 個あります (例: {serial}、{since} に有効化)。どうしますか?',
  'replace.choiceReplace': '新しいスマートフォンがあり、古い方もまだコードを表示できる: 置き換える',
  'replace.choiceAdmin': '新しいスマートフォンを登録してから古いデバイスを削除する',
  'replace.choiceLost': '古いスマートフォンを紛失した・壊れた',
  'replace.choiceStop': '何も変更せずに終了する',
  'replace.whichOld': '新しいスマートフォンで置き換えるのは {count} 個のデバイスのうちどれですか?',
  'replace.noSuchDevice': '{serial} はこのユーザーの MFA デバイスではありません ({devices})。{flag} にはこの中のいずれかを指定してください。',
  'replace.lostPhone':
    '古いスマートフォンがないため、{user} は MFA デバイスを削除できません。一般的なポリシーでは、MFA でサインインしているときにしかデバイスを削除できないためです。何も変更していません。管理者に次のコマンドを実行してもらってください:\n    {command}\nAWS CLI の場合:\n    aws iam deactivate-mfa-device --user-name {user} --serial-number {serial}\n    aws iam delete-virtual-mfa-device --serial-number {serial}\nその後、次のコマンドで新しいスマートフォンを登録してください:\n    mfa-onboard --profile {profile}',
  'replace.oldHeading': 'まず、古いスマートフォンのコード (本人確認のため)。古いスマートフォンをなくした場合は、コードを入力せずに Enter を押してください。',
  'replace.namePinned':
    'AWS は 2 つ目のデバイス {name} の作成を拒否しました。ポリシーでユーザー名と同じ名前 (mfa/{user}) のデバイスしか許可されていません。そのため先に古いデバイスを削除します。新しいスマートフォンが有効になるまでの 1〜2 分間、{user} は MFA なしの状態になります。途中で止まった場合はウィザードを再実行してください。新しいスマートフォンを登録します。',
  'replace.removeFirstAsk': '{user} の古いデバイス {serial} を今削除し、新しいスマートフォンを登録しますか?',
  'replace.withoutMfa':
    '{user} には現在 MFA デバイスがありません。次のコマンドを再実行して新しいスマートフォンを登録してください:\n    mfa-onboard --profile {profile}',
  'replace.oldKept': '古いデバイス {old} は削除していないので、何も失われていません。ウィザードを再実行して置き換えを完了してください。',
  'replace.finishing':
    '以前の置き換えで {serial} は有効化されましたが、古いデバイス {old} が削除されていません。続きを行います: 新しいスマートフォンのコードで古いデバイスを削除します。',
  'enrol.finishing':
    'このコンピューターでの以前の実行で {user} の {serial} は有効になりましたが、セッションは保存されていません。続きを行います: スマートフォンのコードでセッションを取得します。',
  'replace.alreadyDone': '以前の置き換えは完了しています: {old} は削除済みで、{serial} が使われています。何もする必要はありません。',
  'replace.resumeEnrol': '以前の置き換えで古いデバイス {old} は削除されましたが、新しいデバイスの有効化前に止まりました。新しいスマートフォンを今登録します。',
  'replace.nothingToReplace': '{user} には MFA デバイスがないため、置き換えるものはありません。最初のデバイスを設定します。',
  'remove.deactivated': '{user} の {serial} を無効化しました (ハードウェアキーまたはパスキーのため、アカウントには残ります)',
  'remove.deleted': '{user} から MFA デバイス {serial} を削除しました',
  'remove.denied':
    'AWS は {user} から {serial} を削除することを拒否しました ({message})。削除には iam:DeactivateMFADevice と iam:DeleteVirtualMFADevice が必要で、一般的なセルフサービスのポリシーでは MFA セッションでしか許可されません。管理者は次のコマンドを実行できます:\n    {command}',
  'remove.temporarilyUnmodifiable':
    'IAM は現在 {user} を変更できません (EntityTemporarilyUnmodifiable: ユーザーが作成・変更された直後です)。{serial} はまだ残っています。1 分ほど待ってから同じコマンドを再実行してください。',
  'remove.deleteConflict':
    'IAM は {serial} を削除しませんでした。まだユーザーに割り当てられているとみなされています (DeleteConflict)。無効化の直後は IAM への反映に少し時間がかかることがあります。1 分ほど待ってから同じコマンドを再実行してください。それでも続く場合は次のコマンドで無効化してください:\n    aws iam deactivate-mfa-device --user-name {user} --serial-number {serial}',
  'remove.limitExceeded':
    '上限に達したため、IAM は {user} の {serial} を変更しませんでした ({message})。しばらく待ってから同じコマンドを再実行してください。',
  'admin.actingFor': '{admin} として {user} ({arn}) の代わりに操作します',
  'admin.noSuchUser':
    'アカウント {account} (プロファイル {profile} のサインイン先) に IAM ユーザー {user} はいません。名前を確認するか、先にユーザーを作成してください。',
  'admin.denied':
    'プロファイル {profile} ({arn}) には IAM ユーザーを参照する権限がありません ({message})。別のユーザーの代わりに操作するには、IAM 権限のある管理者のプロファイルが必要です。',
  'admin.csvOtherUser':
    '{path} のキーは {user} ではなく {arn} のものです。{user} の CSV を指定するか、CSV を省略してください (その場合、セッションの確認には後で {user} 自身のキーが必要です)。',
  'admin.listed': 'IAM で {serial} が {user} に対して有効になっていることを確認しました',
  'admin.notListed':
    '有効化は成功しましたが、IAM では {serial} が {user} に対して有効になっていません。次のコマンドで確認してください:\n    mfa-onboard status --user {user}',
  'reset.needUser':
    'MFA デバイスを削除するユーザーを指定してください:\n    mfa-onboard reset --profile {profile} --user NAME',
  'reset.heading': '{user} の MFA デバイス',
  'reset.virtual': '{serial}、仮想、{enabled} に有効化',
  'reset.hardware': '{serial}、ハードウェアキーまたはパスキー (無効化のみ)、{enabled} に有効化',
  'reset.orphan': '{serial} (未完了、誰にも割り当てられていません)',
  'reset.nothing': '{user} には MFA デバイスも未完了のデバイスもありません。削除するものはありません。',
  'reset.which': '{count} 個のデバイスのうちどれを削除しますか?',
  'reset.all': '{count} 個すべて',
  'reset.confirm':
    '{user} のデバイス {count} 個と未完了のデバイス {orphans} 個を削除しますか? 新しいデバイスを登録するまで、{user} は MFA なしでサインインすることになります。',
  'reset.selfLockout':
    '{user} の MFA デバイスをすべて削除することはできません: プロファイル {profile} は {user} 自身のものであり、MFA がなくなると一般的なポリシーでは {user} が再登録できなくなります。スマートフォンを替えるには次のコマンドを実行するか (新しいデバイスを追加してから古いデバイスを削除します)、別の管理者にリセットを実行してもらってください:\n    mfa-onboard --profile {profile} --replace',
  'reset.enrolAsk':
    '{user} には今 MFA デバイスがありません。登録するまで {user} は MFA なしでサインインすることになり、MFA が必要な操作は拒否されます。今すぐ {user} の新しいスマートフォンを登録しますか (QR コードを読み取るためにスマートフォンが必要です)?',
  'reset.enrolAskKept': '{user} には MFA デバイスがまだ {count} 個あります。今すぐ {user} の新しいデバイスも登録しますか (新しいスマートフォンが必要です)?',
  'reset.enrolCancelled': '登録をキャンセルしました。登録の途中までの変更は残っていません。',
  'reset.next':
    '{user} の新しいスマートフォンが用意できたら、次のコマンドで登録してください:\n    {command}',
  'summary.checked': '確認内容',
  'summary.checkedSession': '{user} のアクセスキーとこのデバイスでセッションが使えることを確認しました。有効期限は {expires} です。どちらもここには保存していません',
  'summary.checkedListed': 'IAM はこのデバイスを {user} のものとして表示しています (セッションは試していません: {user} のアクセスキーが必要です)',
  'summary.handOver': '引き渡し',
  'summary.handOverCsv': '{path} を {user} に渡し (手渡し、または組織で決められた秘密情報の受け渡し方法で)、その後このコンピューターから削除してください',
  'summary.handOverNoCsv': '{user} は自分のアクセスキーで自分のコンピューターを設定します: CSV、またはキーを保存したプロファイル (下記)。キーがまだない場合は、次のコマンドで CSV を作成できます:\n    mfa-onboard admin create-user {user} --existing --profile ADMIN',
  'summary.userRuns': '{user} が実行するコマンド',
  'admin.enabledNotChecked': 'MFA デバイス {serial} は {user} に対して有効になりましたが、{user} のアクセスキーでのセッション確認は成功しませんでした。{user} のものはこのコンピューターに何も保存していません。{user} が自分のコンピューターで CSV を使って確認します (スマートフォンのコードを 1 つ尋ねます):\n    mfa-onboard CSV',
  'pickUp.found': '{user} にはすでに MFA デバイス {serial} があります ({since} に有効化)。このコンピューターではまだ設定されていません。お使いのスマートフォンにこのデバイスがある場合 (管理者と一緒に登録した場合)、そのコードでこのコンピューターを設定します。スマートフォンにない場合は、コードを入力せずに Enter を押してください。',
  'pickUp.whichDevice': 'MFA デバイスが {count} 個あります。スマートフォンにあるのはどれですか?',
  'setUp.heading': '{user} はこのコンピューターで設定済みです: 何もする必要はありません',
  'setUp.session': 'MFA セッション',
  'setUp.sessionUntil': 'プロファイル {profile}、有効期限 {expires}',
  'setUp.sessionEnded': 'プロファイル {profile}、{expires} に期限切れ',
  'setUp.sessionNone': 'プロファイル {profile} (まだ保存されていません)',
  'setUp.freshSession': '新しいセッション',
  'setUp.newPhone': '新しい・紛失したスマートフォン',
  'batch.handOverHeading': 'まだ引き渡していないファイル ({count} 件): それぞれ本人に渡し (手渡し、または組織で決められた秘密情報の受け渡し方法で)、その後このコンピューターから削除してください',
  'batch.handOverRuns': '各自が自分のコンピューターで、自分のファイルを使って次を実行します。スマートフォンのコードを 1 つ入力すれば設定が完了します:\n    {command}',
  'status.othersProfiles': 'このコンピューターには、以前のバージョンのこのツールが管理者として登録したときに残した、他の IAM ユーザー {count} 人分のアクセスキーと MFA セッションがあります。これを持つ人は誰でも MFA を満たしたままそのユーザーとして操作でき、CloudTrail にはそのユーザー名が記録されます。以下のセクションを削除してください (ここでは何も変更していません)。各ユーザーは自分のアクセスキー CSV で自分のコンピューターを設定します:',
  'status.othersProfile': '  {user}:',
  'status.othersIn': '    {path}: {sections}',
  'admin.hiresOwn': '{flag} は本人のセッションや CSV に関するものですが、管理者は本人のものを何も保存しません。セッションはメモリ上で確認して破棄し、CSV はここで削除せずに本人に引き渡します。{flag} を外して実行してください。本人が自分のコンピューターで次のコマンドでセッションを保存します:\n    mfa-onboard CSV',
  'summary.removed': '削除したデバイス',
  'summary.otherDevice': 'ほかのデバイス',
  'summary.backupValue': '{serial} (バックアップ: このコードでもセッションを作れ、なくしたスマートフォンを自分で置き換えられます)',
  'summary.mfaSerial': 'mfa_serial の設定',
  'summary.mfaSerialValue': '{serial} (`session` が使うデバイス。--mfa-serial で別のものを選べます)',
  'backup.why':
    'バックアップデバイス (2 台目のスマートフォン、タブレット、MFA コードを保存できるパスワードマネージャー) があれば、スマートフォンをなくしても管理者なしで自分で置き換えられます。',
  'backup.ask': '今バックアップデバイスを追加しますか?',
  'backup.cancelled': 'キャンセルしました。取り消したのはバックアップデバイスだけで、それ以外は設定済みです (上記参照)。',
  'backup.heading': 'バックアップデバイス',
  'backup.enabled': '{user} のバックアップ MFA デバイス {serial} を有効化しました',
  'backup.pinned':
    'このアカウントのポリシーでは、ユーザーごとに MFA デバイスは 1 台だけです (mfa/{user} という名前のデバイスしか許可されていないため、AWS は {name} を拒否しました)。{user} は 1 台のデバイスで設定済みです。管理者は次のコマンドで複数台を許可できます:\n    mfa-onboard policy --device-name-scope any',
  'backup.notAdded':
    'バックアップデバイスは追加されませんでした (作成途中のものは削除しました)。{user} の 1 台目のデバイスとセッションは設定済みで、変更していません。後で次のコマンドで追加できます:\n    mfa-onboard add-backup',
  'backup.noDevice':
    '{user} にはまだ MFA デバイスがないため、バックアップを追加できません。先に次のコマンドで登録してください:\n    mfa-onboard --profile {profile}',
  'backup.sessionHeading': 'まず、お持ちのデバイスのコード (IAM は MFA を使ったときだけ追加のデバイスを登録できます)。',
  'backup.done': '{user} の MFA デバイスは {count} 台になりました: {serials}。mfa_serial は引き続き {serial} です。',
  'replace.withBackup': 'バックアップデバイス {name} のコードで新しいスマートフォンを登録します。なくしたデバイス {old} はその後削除し、バックアップは残します。',
  'replace.whichBackup': 'セッションを作るために、手元にあるデバイスはどれですか?',
  'error.cancelledRunAgain': 'キャンセルしました。同じコマンドをもう一度実行すると、止まったところから続けます。',
  'replace.noCodeDevice':
    'このユーザーの MFA デバイス ({devices}) はどれもコードを表示しないため (パスキーやセキュリティキーはコードを表示しません)、置き換えの本人確認に使えません。代わりに管理者がデバイスをリセットできます:\n    mfa-onboard reset --profile ADMIN --user NAME',
  'reset.denied':
    'AWS は {user} から {serial} を削除することを拒否しました ({message})。削除には iam:DeactivateMFADevice と iam:DeleteVirtualMFADevice が必要ですが、{command} にはこれらの権限がありません。権限のある管理者にこのリセットを実行してもらってください。',
  'reset.confirmSome': '{user} のデバイス {count} 個と未完了のデバイス {orphans} 個を削除しますか?',
  'reset.confirmNoOrphans': '{user} のデバイス {count} 個を削除しますか? 新しいデバイスを登録するまで、{user} は MFA なしでサインインすることになります。',
  'reset.confirmSomeNoOrphans': '{user} のデバイス {count} 個を削除しますか?',
  'reset.kept': '何も削除していません。ユーザーのデバイスはすべてそのままです。',
  'policy.badCidr':
    '--allow-ip {value} は IP アドレスの範囲ではありません。203.0.113.0/24 や 2001:db8::/32 のように、IPv4 または IPv6 のアドレス (プレフィックス長は省略可) を、先頭に余分な 0 を付けずに指定してください。',
  'policy.badScope': '--device-name-scope {value} は指定できません。user (ユーザー名と同じ名前のデバイスのみ) または any を指定してください。',
  'policy.badName': '{flag} {name} は IAM の名前として使えません。英数字と + = , . @ _ - のみ、128 文字以内で指定してください。',
  'policy.needsAttachGroup':
    '{flag} はポリシーをグループに付けるときだけ使います。付けるなら --attach-group NAME (と管理者の --profile) を加え、表示するだけなら {flag} を外してください。',
  'policy.badPartition': '--partition {value} は AWS のパーティションではありません。aws、aws-cn (中国) または aws-us-gov (GovCloud (US)) を指定してください。',
  'policy.otherPartition':
    '--partition {partition} はプロファイル {profile} と合いません。このアカウントはパーティション {actual} にあります。ポリシーは管理者自身のパーティションの ARN で付けるので、--partition を外すか、{partition} のアカウントのプロファイルを使ってください。',
  'policy.noGroup': 'IAM グループ {group} はありません。名前を確認するか、--create-group を付けて作成してください。',
  'policy.groupCreated': 'IAM グループ {group} を作成しました',
  'policy.unchanged': 'グループ {group} にはすでにこのポリシーが {name} として付いています。何も変更していません',
  'policy.attached': 'ポリシーをグループ {group} にインラインポリシー {name} として付けました',
  'policy.updated': 'グループ {group} のインラインポリシー {name} をこのポリシーで置き換えました',
  'policy.differs': 'グループ {group} にはすでにインラインポリシー {name} があり、このポリシーと異なります。置き換えると変わる箇所 (- 現在のもの、+ このポリシー):',
  'policy.replaceAsk': 'グループ {group} のインラインポリシー {name} をこのポリシーで置き換えますか?',
  'policy.needsForce':
    'グループ {group} には異なるインラインポリシー {name} があり (変わる箇所は上のとおり)、置き換えてよいか尋ねる端末がないため、何も変更していません。置き換えるには --force を付けてください (現在のポリシーは元に戻せるよう先に保存します)。',
  'policy.kept': '何も変更していません。グループのインラインポリシーは元のままです。',
  'policy.saveFailed': 'グループ {group} のインラインポリシー {name} を {path} に保存できなかったため ({reason})、置き換えていません。空きを作るかフォルダーに書き込めるか確認してから、もう一度実行してください。',
  'policy.saved': 'グループ {group} の元のインラインポリシー {name} を {path} に保存しました。元に戻すには:\n    {command}',
  'policy.forTerminalTitle': 'ユーザーに付ける IAM ポリシー (JSON) です (使い方はその後に表示します):',
  'policy.forTerminal':
    '上のポリシーは、各ユーザーが自分の MFA デバイスだけを管理でき、MFA セッションを得るまでそれ以外をすべて拒否するものです。ユーザーのグループに付けるには (管理者のプロファイルで):\n    mfa-onboard policy --attach-group GROUP --profile ADMIN\nファイルに保存するには:\n    mfa-onboard policy > require-mfa.json',
  'policy.denied':
    'プロファイル {profile} には {action} の権限がありません ({message})。ポリシーを付けるには、iam:GetGroup、iam:GetGroupPolicy、iam:PutGroupPolicy (--create-group では iam:CreateGroup も) の権限を持つ管理者のプロファイルが必要です。',
  'cli.adminUsage':
    '使い方:\n    mfa-onboard admin create-user NAME [--group G] [--out DIR] [--path /PATH/] [--existing] --profile ADMIN',
  'admin.badUserName': '"{name}" は IAM ユーザー名として使えません。英数字と + = , . @ _ - のみ、64 文字以内で指定してください。',
  'admin.badPath': '--path {path} は IAM のパスではありません。/ や /engineering/ のように / で始まり / で終わる必要があります。',
  'admin.csvExists': '{path} はすでにあります。別のキーが入っている可能性があるため上書きしません。移動するか、--out で別のフォルダーを指定してください。',
  'admin.noOutDir': '--out {path} はフォルダーではありません。先に作成するか、既存のフォルダーを指定してください。',
  'admin.outDirNotWritable':
    '--out {path} のフォルダーに書き込めないため ({reason})、何も作成していません。書き込めるフォルダーを指定してください。',
  'admin.csvWriteFailed':
    '{path} に書き込めませんでした ({reason})。フォルダーに空きがあり書き込めるか確認してから、もう一度実行してください。',
  'admin.userExists': 'IAM ユーザー {name} はすでに存在します。そのユーザーに新しいアクセスキー (と CSV) を作るには --existing を付けてください。',
  'admin.twoKeys':
    '{name} にはすでにアクセスキーが 2 つあり ({keys})、IAM の上限です。使われていないキーを削除してから再実行してください:\n    aws iam delete-access-key --user-name {name} --access-key-id ID',
  'admin.userAnswerLost': 'IAM ユーザー {name} の作成に対する応答が途中で失われ、再試行で最初の試行が作成したユーザーが見つかりました。そのまま続けます。',
  'admin.lostKeyDeleted':
    'AWS は {name} のアクセスキー {keyId} を作成しましたが、その応答 (シークレットを含む) が途中で失われました。このシークレットは誰にも渡せないため、キーを削除しました。',
  'admin.lostKeyKept': 'CSV に入っているのは {keyId} (応答が届いたキー) です。',
  'admin.lostKeyAgain': '代わりに {name} のキーをもう一つ作成しています…',
  'admin.lostKeyUnchecked':
    '{name} の CreateAccessKey の応答が失われたため、シークレットが届かなかったキーも AWS が作成した可能性がありますが、IAM が確認を許しませんでした ({reason}。iam:ListAccessKeys が必要です)。CSV に入っているのは {keyId} です。{name} のキーのうち、いま作成された他のキーを削除してください:\n    aws iam list-access-keys --user-name {name}',
  'admin.userCreated': 'IAM ユーザー {name} を作成しました ({arn})',
  'admin.noGroup':
    'IAM グループ {group} はありません。先にポリシー付きで作成してください:\n    mfa-onboard policy --attach-group {group} --create-group --profile ADMIN',
  'admin.addedToGroup': '{name} をグループ {group} に追加しました',
  'admin.keyWritten': 'アクセスキー {keyId} を作成しました。シークレットは {path} (モード 600) にだけ保存されています',
  'admin.createUserNext': '次に、{name} のスマートフォンを用意して:\n    mfa-onboard {path} --profile {profile} --user {name}\nその後ファイルを {name} に渡します (今すぐ渡しても構いません: {name} がそのファイルで一人で登録できます)。本人が自分のコンピューターで次のコマンドを実行します:\n    mfa-onboard {file}',
  'admin.undone': '元に戻しました: {what}',
  'admin.undoFailed': '{what} を元に戻せませんでした。手動で削除してください (aws iam …)',
  'admin.createDenied':
    'プロファイル {profile} には {action} の権限がありません ({message})。ユーザーを作成するには、iam:CreateUser、iam:AddUserToGroup、iam:CreateAccessKey の権限を持つ管理者のプロファイルが必要です。',
  'batch.usage':
    '使い方:\n    mfa-onboard batch users.csv --profile ADMIN [--create] [--only NAME]... [--skip NAME]... [--report FILE]',
  'batch.badFile': '{path} は読み取れる CSV ではありません。user 列を含むヘッダー行と、1 行に 1 人の新入社員が必要です。',
  'batch.noFile': '{path} にファイルがありません。batch は新入社員の一覧を読み込みます: 見出しの行のあとに 1 行に 1 人を書きます (列は batch のヘルプにあります):\n    mfa-onboard batch --help',
  'batch.noUserColumn':
    '{path} には user 列がありません。1 行目に列名を書いてください: user (必須)、path、group、csv (新入社員のアクセスキー CSV)。',
  'batch.badUser': '{path} の {line} 行目: "{name}" は IAM ユーザー名ではありません (英数字と + = , . @ _ - のみ、64 文字以内)。',
  'batch.duplicate': '{name} が {path} に 2 回書かれています。1 人につき 1 行にしてください。',
  'batch.empty': '{path} に新入社員が書かれていません。ヘッダーの下に 1 行に 1 人ずつ書いてください。',
  'batch.badState': 'バッチの状態ファイル {path} が壊れています。最初からやり直すにはこのファイルを移動してください (登録済みの新入社員も再び対象になります)。',
  'batch.notInFile': '{name} (--only または --skip で指定) は {path} に書かれていません。',
  'batch.selfInFile': '管理者自身のユーザー ({arn}) が新入社員の一覧に含まれています。自分自身はバッチではなくウィザードで登録してください。',
  'batch.resuming': '{total} 人中 {done} 人はすでに完了またはスキップ済みです ({path})。残りを続けます。',
  'batch.nothingLeft': '{total} 人中 {done} 人はすでに完了またはスキップ済みです ({path})。今回登録する人は残っていません。',
  'batch.skippedBefore': '以前の引き継ぎでスキップした人: {users}。登録するには:\n    {command}',
  'batch.noSuchUsers':
    '{users} は、アカウント {account} (プロファイル {profile} のサインイン先) に IAM ユーザーがありません。--create なしのバッチは既存のユーザーだけを登録します。何も変更していません。足りないユーザーを作成して (users.csv のグループとパスで) 登録するには、--create を付けてください:\n    {command}\nまたはファイルの名前を確認するか、{skip} で除外してください。',
  'batch.clearsBetween': '新入社員の交代ごとに、画面とスクロールバックを消去します (誰の QR コードもスクロールして戻れないように)。上に残しておきたいものがあれば、今コピーしてください。',
  'batch.handOverBack': '{user} が終えたとき、または Ctrl-C を押したときは、管理者だけが先へ進められる画面にキーボードが戻ります。',
  'batch.interrupted': '{user} の登録は Ctrl-C で止まりました。そのために作りかけたデバイスは削除しました。',
  'batch.interruptedEnabled': '{user} の登録は、デバイスを有効にした後で Ctrl-C で止まりました。{user} は登録済みとして記録しました (セッションは確認していません)。',
  'batch.turnDone': '完了: {user} を登録しました。{user} さん、キーボードを管理者に返してください。',
  'batch.turnFailed': '{user} は登録されていません (理由は上にあります)。{user} さん、キーボードを管理者に返してください。',
  'batch.turnInterrupted': '{user} の番は止まりました。{user} さん、キーボードを管理者に返してください。',
  'batch.adminGuard': '管理者: キーボードを取り戻すには、このバッチのプロファイル (--profile) を入力してください',
  'batch.adminGuardWrong': 'バッチのプロファイルではありません。--profile に渡した名前を管理者が入力してください。',
  'batch.adminNext': '管理者: 次はどうしますか?',
  'batch.nextHire': '次の新入社員 ({user}) へ進む',
  'batch.nextSummary': 'まとめを表示する (残りの新入社員はいません)',
  'batch.again': '{user} をもう一度登録する',
  'batch.stopHere': 'ここでバッチを止める (同じコマンドで後から続けられます)',
  'batch.stoppedAfter': '{user} の後で止めました。ここまでの全員を記録しました。続けるには:\n    {command}',
  'batch.handOver': '{n} 人中 {k} 人目: {user}。{user} にスマートフォンを用意してもらい、キーボードを渡してください。',
  'batch.ready': '{user} を登録する準備はできましたか?',
  'batch.enrol': 'はい: 今 {user} を登録する',
  'batch.skip': '{user} をスキップする (今日はいない)',
  'batch.stoppedEnrolled':
    '{user} で止めました。デバイスは有効化済みで、記録されています (セッションは未確認)。それまでの結果も記録されています。続けるには:\n    {command}',
  'batch.stopped':
    '{user} で止めました。それまでの結果は記録されています。続けるには:\n    {command}',
  'batch.failed': '{user} は登録できませんでした: {message}',
  'batch.summary': 'バッチ: {total} 人中 {done} 人を登録しました',
  'batch.colUser': 'ユーザー',
  'batch.colStatus': '状態',
  'batch.colDevice': 'MFA デバイス',
  'batch.colEnabled': '有効化日時',
  'batch.colSession': 'セッション確認',
  'batch.failedMore': '{user}: {message}',
  'batch.colError': 'エラー',
  'batch.statusDone': '完了',
  'batch.statusSkipped': 'スキップ',
  'batch.statusInterrupted': '中断',
  'batch.endInterrupted': 'Ctrl-C で中断して次に進んだ人: {users}。作りかけのデバイスは削除しました。次にバッチを実行すると登録します:\n    {command}',
  'batch.endSkipped': '引き継ぎでスキップした人: {users}。以降の実行では対象外です。登録するには:\n    {command}',
  'batch.statusFailed': '失敗',
  'batch.sessionYes': '済み',
  'batch.sessionNo': '未確認',
  'batch.reportWritten': 'レポートを {path} に書き込みました',
  'batch.reportFolder': "{path} にレポートを書き込めません: フォルダー {folder} が存在しないか、書き込みできません。フォルダーを作成するか、別の --report のパスを指定してください。まだ何も行っていません。",
  'batch.otherAccount': "{path} にはアカウント {recorded} の対象者が記録されていますが、プロファイル {profile} はアカウント {account} のものです。アカウント {recorded} のプロファイルで実行するか、アカウント {account} にはユーザー一覧ファイルのコピーを使ってください (状態はファイルごとに保存されます)。",
  'batch.alreadyEnrolled':
    '{user} にはすでに MFA デバイス ({serial}) があります: 完了として記録しました。新しいスマートフォンに置き換えるには:\n    mfa-onboard --profile {profile} --user {user} --replace',
  'batch.enabledNotVerified': "{user} のデバイスは有効化されたため {user} は完了として記録しましたが、セッションの確認に失敗しました: {message}",
  'batch.flagForOne':
    '{flag} は 1 人のユーザー向けのため、一括処理には指定できません (全員に同じ値が使われてしまいます)。外して実行してください。1 人だけなら次のコマンドを実行してください:\n    mfa-onboard --profile ADMIN --user NAME {flag} …',
  'batch.someFailed': '登録できなかった新入社員がいます ({failed})。同じコマンドを再実行すると、その人たちだけ再試行します。',
};
