#!/bin/bash
# The recorded sessions behind docs/images/review.png and cohort.png: three trainees' attempts,
# recorded with `holdspace play --trainee` into the store in DATA, then a supervisor's note and
# score override on session 2 (with `holdspace sessions note` and `override`).
# Usage: bash docs/images/review-data.sh DATA [HOLDSPACE-BINARY]
set -euo pipefail
data="$1"
bin="${2:-./build/holdspace}"
play() {  # play TRAINEE SCENARIO ACTIONS [SEED]
  "$bin" play "scenarios/$2.lua" --actions "tests/golden/$3.actions" --seed "${4:-1}" \
    --trainee "$1" --data "$data" > /dev/null 2>&1 || true
}
play "Ana Ribeiro" medicine/memory_surfaces memory_surfaces.expert
play "Ana Ribeiro" medicine/memory_surfaces memory_surfaces.poor 2
play "Ana Ribeiro" integration/making_meaning making_meaning.poor
play "Ana Ribeiro" integration/making_meaning making_meaning.expert
play "Ben Okafor" medicine/memory_surfaces memory_surfaces.poor
play "Ben Okafor" medicine/memory_surfaces memory_surfaces.poor 3
play "Ben Okafor" preparation/informed_consent informed_consent.expert
play "Chen Wei" preparation/informed_consent informed_consent.poor
play "Chen Wei" preparation/informed_consent informed_consent.expert
play "Chen Wei" integration/making_meaning making_meaning.expert
# The note and the override sit on session 2's first moment (a response that was not an expert's).
"$bin" sessions note 2 --moment 1 --author "Dr. Lee" --data "$data" \
  --text "Here she needed you to stay with the memory, not fix it. Talk about this in supervision." > /dev/null
"$bin" sessions override 2 --moment 1 --score 40 --author "Dr. Lee" --data "$data" \
  --reason "Well meant, and the tone was warm: not as poor as scored." > /dev/null
