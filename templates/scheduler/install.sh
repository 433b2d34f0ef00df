#!/usr/bin/env bash
# Creates (or updates) one Cloud Scheduler job per templates/scheduler/*.json: at its schedule, in its time zone,
# it POSTs the file's launchParameter to Dataflow's flexTemplates:launch.
#   PROJECT=p REGION=us-east1 BUCKET=b SERVICE_ACCOUNT=sa@p.iam.gserviceaccount.com templates/scheduler/install.sh [--dry-run]
set -euo pipefail
: "${PROJECT:?set PROJECT}" "${REGION:?set REGION}" "${BUCKET:?set BUCKET}" "${SERVICE_ACCOUNT:?set SERVICE_ACCOUNT}"
dry_run=false; [[ "${1:-}" == "--dry-run" ]] && dry_run=true
dir="$(cd "$(dirname "$0")" && pwd)"
uri="https://dataflow.googleapis.com/v1b3/projects/${PROJECT}/locations/${REGION}/flexTemplates:launch"
for def in "$dir"/*.json; do
  name="nba-$(basename "$def" .json)"
  filled=$(sed -e "s|\${BUCKET}|${BUCKET}|g" -e "s|\${PROJECT}|${PROJECT}|g" -e "s|\${SERVICE_ACCOUNT}|${SERVICE_ACCOUNT}|g" "$def")
  schedule=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["schedule"])' <<<"$filled")
  zone=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["timeZone"])' <<<"$filled")
  body=$(python3 -c 'import json,sys; print(json.dumps({"launchParameter": json.load(sys.stdin)["launchParameter"]}))' <<<"$filled")
  verb=create; gcloud scheduler jobs describe "$name" --project="$PROJECT" --location="$REGION" >/dev/null 2>&1 && verb=update
  cmd=(gcloud scheduler jobs "$verb" http "$name" --project="$PROJECT" --location="$REGION"
       --schedule="$schedule" --time-zone="$zone" --uri="$uri" --http-method=POST
       --headers=Content-Type=application/json --message-body="$body"
       --oauth-service-account-email="$SERVICE_ACCOUNT" --oauth-token-scope=https://www.googleapis.com/auth/cloud-platform)
  if [[ "$dry_run" == true ]]; then printf '%q ' "${cmd[@]}"; echo; else "${cmd[@]}"; fi
done
