if [[ "${EVENT_NAME}" == "workflow_run" ]]; then
  echo "image_name=${LOADED_IMAGE}" >> "$GITHUB_OUTPUT"
else
  echo "image_name=${BUILT_IMAGE}" >> "$GITHUB_OUTPUT"
fi
