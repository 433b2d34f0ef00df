#!/usr/bin/env bash
# Builds the shaded jar, the four template images (Cloud Build, templates/Dockerfile) and their Flex Template
# specs at gs://$BUCKET/templates/<pipeline>.json.
#   PROJECT=my-project REGION=us-east1 BUCKET=my-bucket templates/build.sh
set -euo pipefail
: "${PROJECT:?set PROJECT}" "${REGION:?set REGION}" "${BUCKET:?set BUCKET}"
TAG="${TAG:-$(git rev-parse --short HEAD)}"
REPO="${REGION}-docker.pkg.dev/${PROJECT}/nba-props"
cd "$(dirname "$0")/.."

mvn -B -q -DskipTests package
gcloud builds submit --project="$PROJECT" --config=templates/cloudbuild.yaml \
  --substitutions="_REPO=${REPO},_TAG=${TAG}" .
for pipeline in backfill same-day train grade; do
  gcloud dataflow flex-template build "gs://${BUCKET}/templates/${pipeline}.json" \
    --project="$PROJECT" \
    --image="${REPO}/${pipeline}:${TAG}" \
    --sdk-language=JAVA \
    --metadata-file="templates/${pipeline}/metadata.json"
done
echo "templates: gs://${BUCKET}/templates/{backfill,same-day,train,grade}.json (image tag ${TAG})"
