#!/usr/bin/env bash
# Launches the backfill Flex Template for START..END (inclusive). With --per-season, one job per NBA season
# (a season runs from July 1 to June 30), so a long range becomes jobs that can fail and be rerun alone;
# every job replaces exactly its own dates, so overlapping or repeated launches leave no duplicate.
#   PROJECT=p REGION=us-east1 BUCKET=b templates/launch-backfill.sh 2023-10-24 2025-04-13 [--per-season] [--dry-run] [key=value ...]
# Extra key=value pairs are template parameters (e.g. sink=bigquery inputDir=gs://b/nba/2023-24 model=a.ubj,b.ubj).
# They are passed with gcloud's alternative delimiter (--parameters=^~^k=v~k=v), so a value may hold commas;
# startDate/endDate are refused among them: each job's own dates come from START..END.
set -euo pipefail
start="${1:?start date YYYY-MM-DD}"; end="${2:?end date YYYY-MM-DD}"; shift 2
per_season=false; dry_run=false; extra=()
for arg in "$@"; do
  case "$arg" in
    --per-season) per_season=true ;;
    --dry-run) dry_run=true ;;
    startDate=*|endDate=*)
      echo "error: '$arg': the dates are START and END (each job gets its own); not an extra parameter" >&2; exit 2 ;;
    *~*) echo "error: '$arg' contains '~', the parameter delimiter" >&2; exit 2 ;;
    *=*) extra+=("$arg") ;;
    *) echo "error: unknown argument '$arg'" >&2; exit 2 ;;
  esac
done
date_re='^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
if [[ ! "$start" =~ $date_re || ! "$end" =~ $date_re ]] || ! date -d "$start" >/dev/null 2>&1 || ! date -d "$end" >/dev/null 2>&1; then
  echo "error: dates must be YYYY-MM-DD" >&2; exit 2
fi
if [[ "$start" > "$end" ]]; then
  echo "error: start $start is after end $end" >&2; exit 2
fi
if [[ "$dry_run" == false ]]; then
  : "${PROJECT:?set PROJECT}" "${REGION:?set REGION}" "${BUCKET:?set BUCKET}"
fi

ranges=()
if [[ "$per_season" == true ]]; then
  s="$start"
  while [[ ! "$s" > "$end" ]]; do
    y=$(date -d "$s" +%Y); m=$(date -d "$s" +%-m)
    if (( m >= 7 )); then season_end="$((y + 1))-06-30"; else season_end="${y}-06-30"; fi
    e="$season_end"; [[ "$e" > "$end" ]] && e="$end"
    ranges+=("$s $e")
    s=$(date -d "$e + 1 day" +%F)
  done
else
  ranges+=("$start $end")
fi

params=""
for kv in "${extra[@]+"${extra[@]}"}"; do params+="~${kv}"; done
for r in "${ranges[@]}"; do
  read -r s e <<<"$r"
  job="nba-backfill-${s}-${e}"
  cmd=(gcloud dataflow flex-template run "$job"
       --project="${PROJECT:-PROJECT}" --region="${REGION:-REGION}"
       --template-file-gcs-location="gs://${BUCKET:-BUCKET}/templates/backfill.json"
       --temp-location="gs://${BUCKET:-BUCKET}/tmp"
       ${SERVICE_ACCOUNT:+--service-account-email="$SERVICE_ACCOUNT"}
       --parameters="^~^startDate=${s}~endDate=${e}${params}")
  if [[ "$dry_run" == true ]]; then
    printf '%q ' "${cmd[@]}"; echo
  else
    "${cmd[@]}"
  fi
done
