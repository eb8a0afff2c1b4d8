#!/bin/bash
# The drill history behind docs/images/drill.png: four weeks of daily drill sets for the trainee
# "demo", answered from scripts (weaker at first, better later) with `holdspace drill --now`, so
# that the progress chart has weeks to show. Then the image itself, the freeze drill answered "2".
# Usage: bash docs/images/drill-data.sh DATA [HOLDSPACE-BINARY]
set -euo pipefail
data="$1"
bin="${2:-./build/holdspace}"
answers=$(mktemp -d)
printf '2\nn\n3\nn\n1\nn\n2\nn\n1\nn\n' > "$answers/1"
printf '1\nn\n2\nn\n1\nn\n1\nn\n3\nn\n' > "$answers/2"
printf '1\nn\n1\nn\n1\nn\n2\nn\n1\nn\n' > "$answers/3"
printf '1\nn\n1\nn\n1\nn\n1\nn\n1\nn\n' > "$answers/4"
day() {  # day UTC-TIME ANSWERS
  "$bin" drill --trainee demo --data "$data" --now "$1" --actions "$answers/$2" > /dev/null
}
day 2026-10-27T18:00:00Z 1
day 2026-10-29T18:00:00Z 2
day 2026-11-03T18:00:00Z 2
day 2026-11-05T18:00:00Z 3
day 2026-11-10T18:00:00Z 3
day 2026-11-12T18:00:00Z 4
day 2026-11-17T18:00:00Z 4
day 2026-11-19T18:00:00Z 4
echo '{"name":"demo"}' > "$data/trainee.json"
"$bin" --screenshot docs/images/drill.png --screen drill --data "$data" --drill freeze --actions docs/images/drill.actions
rm -r "$answers"
