#!/bin/bash
# release:check --target windows-x64: `mfa-onboard demo` to its end in a 100×40 tmux window,
# as a person types it. Wine's console garbles the QR screen, so the phone takes
# the key ("k") instead of the QR code and types codes computed from it (otpauth). Prints the
# screen at the end; exits 0 when the demo said it was done, exited 0 and left no folder.
#   demo-in-tmux.sh LAUNCHER TEMP_FOLDER
set -u
launcher=$1
temp=$2
here=$(cd "$(dirname "$0")/../../.." && pwd)
session="mfa-onboard-demo-check-$$"
code() { # code KEY WINDOW_OFFSET
  node --input-type=module -e "
    import * as OTPAuth from '$here/node_modules/otpauth/dist/otpauth.node.mjs';
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(process.argv[1].replace(/\s/g, '')) });
    console.log(totp.generate({ timestamp: Date.now() + Number(process.argv[2]) * 30000 }));" "$1" "$2"
}
screen() { tmux capture-pane -p -t "$session" -S -200; }
finish() { screen | grep -v '^\s*$'; tmux kill-session -t "$session" 2>/dev/null; exit "$1"; }
wait_for() {
  for _ in $(seq 1 90); do screen | grep -q -- "$1" && return 0; sleep 1; done
  echo "demo-in-tmux: no \"$1\" on the screen in 90 s"; finish 1
}
tmux new -d -s "$session" -x 100 -y 40 "$launcher demo; echo EXIT=\$?; sleep 600"
wait_for 'Profile name'; tmux send-keys -t "$session" Enter
wait_for 'Default region'; tmux send-keys -t "$session" Enter
wait_for 'Scanned?'; sleep 1; tmux send-keys -t "$session" k
wait_for 'key (spaces optional)'
key=$(screen | grep -E '^ +([A-Z2-7]{4} ){15}[A-Z2-7]{4}' | tail -n 1)
sleep 1; tmux send-keys -t "$session" Enter; sleep 3
# Under Wine the first Enter after the key screen is drawn is lost now and then.
screen | grep -q 'Code shown in the app now' || { echo 'demo-in-tmux: Enter lost at the key screen, pressed again'; tmux send-keys -t "$session" Enter; }
wait_for 'Code shown in the app now'; tmux send-keys -t "$session" "$(code "$key" -1)" Enter
wait_for 'The next code'; tmux send-keys -t "$session" "$(code "$key" 0)" Enter
wait_for 'New code from the app'; tmux send-keys -t "$session" "$(code "$key" 1)" Enter
wait_for 'Add a backup device now'; tmux send-keys -t "$session" n Enter
wait_for '(Y/n)'; tmux send-keys -t "$session" Enter
wait_for 'EXIT='
if ! screen | grep -q 'EXIT=0' || ! screen | grep -q 'Done: alice is protected by MFA'; then finish 1; fi
left=$(find "$temp" -maxdepth 1 -name 'mfa-onboard-demo-*' | head -n 1)
[ -z "$left" ] || { echo "demo-in-tmux: the demo left $left"; finish 1; }
finish 0
