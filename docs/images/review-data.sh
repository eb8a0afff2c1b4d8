#!/bin/bash
# The recorded sessions behind docs/images/review.png and cohort.png: three trainees' attempts,
# recorded with `holdspace play --trainee` into the store in DATA, then a supervisor's note and
# score override on session 2 (written as the window's review writes them).
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
# The note and the override sit on session 2's first response that was not an expert's.
python3 - "$data/holdspace.db" <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
events = json.loads(db.execute("SELECT events FROM sessions WHERE id = 2").fetchone()[0])
score = json.loads(db.execute("SELECT score FROM sessions WHERE id = 2").fetchone()[0])
moment = next(m for m in score["moments"] if m["judgement"] not in ("expert",) and m["kind"] == "moment")
event = moment.get("event") or next(i for i, e in enumerate(events) if e["type"] == "response" and abs(e["t"] - moment["t"]) < 1e-6)
with db:
    db.execute("INSERT INTO annotations(session, event_index, author, text, created_at) VALUES "
               "(2, ?, 'Dr. Lee', 'Here she needed you to stay with the memory, not fix it. Talk about this in supervision.', "
               "'2025-03-04T10:40:00Z')", (event,))
    db.execute("INSERT INTO score_overrides(session, event_index, score, author, reason, created_at) VALUES "
               "(2, ?, 40, 'Dr. Lee', 'Well meant, and the tone was warm: not as poor as scored.', '2025-03-04T10:41:00Z')",
               (event,))
PY
