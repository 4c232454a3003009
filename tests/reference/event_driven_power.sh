#!/usr/bin/env bash
# Reference values for tests/engine/event_driven_power_test.cpp: gsd's own
# simulator (1e6 replicates, seed 21) on every plan in event_driven/, beside
# the analytic powers. The simulator draws each trial patient by patient and
# analyses it as the design says (looks at the planned events, a final
# analysis at the calendar cap for trials still short of them), so it is the
# reference for the event-driven power.
#   tests/reference/event_driven_power.sh build/release/cli/gsd [DIR]
# DIR holds the plans (default event_driven/ beside this script;
# large_effect/ holds the plans of docs/plan-accuracy.md where the
# event-driven power is least accurate). About 10 s of CPU per plan; the
# numbers do not depend on --threads.
set -euo pipefail
gsd=$1
here=$(cd "$(dirname "$0")" && pwd)
plans=${2:-$here/event_driven}
for config in "$plans"/*.json; do
  sim=$("$gsd" simulate "$config" --replicates 1000000 --seed 21 --threads 2 --quiet --format json)
  plan=$("$gsd" design "$config" --format json)
  python3 - "$config" "$sim" "$plan" <<'PY'
import json, os, sys
s = json.loads(sys.argv[2])["simulation"]
p = json.loads(sys.argv[3])["sample_size"]
print(f"{os.path.basename(sys.argv[1]):40s} simulated {s['power']:.6f} (se {s['power_se']:.6f}, capped {s['capped_fraction']:.6f})"
      f"  event-driven {p['power']:.6f} (capped {p['capped_fraction']:.6f})  fixed times {p['power_fixed_times']:.6f}")
PY
done
