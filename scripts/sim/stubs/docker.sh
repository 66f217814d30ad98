#!/usr/bin/env bash
# Stand-in for the docker CLI in simulated run steps. Its daemon is a directory
# ($SIM_DAEMON: "refs" = one image reference per line, "events" = what was saved and
# loaded) and the registry another ($SIM_REGISTRY/refs). It answers like the real
# daemon where the plan depends on it, including its error for a missing reference;
# commands it does not model fail loudly instead of pretending. Lookups are shell
# builtins, not grep: a plan runs this stand-in dozens of times.
set -u
refs="$SIM_DAEMON/refs"
events="$SIM_DAEMON/events"
: >> "$refs"; : >> "$events"

# Whether file $2 holds the line $1, whole and as written (grep -Fx).
has_line() { local line; while IFS= read -r line || [ -n "$line" ]; do [ "$line" = "$1" ] && return 0; done < "$2"; return 1; }
has_ref() { has_line "$1" "$refs"; }
# Sets $normalised to the reference with its tag (:latest when it names none); a variable, not $( ), saves a subshell.
normalise() { case "$1" in *:*|*@*) normalised="$1" ;; *) normalised="$1:latest" ;; esac; }
# The hex SHA-256 of a text.
sha256() { local sum; sum="$(printf '%s' "$1" | sha256sum)"; printf '%s' "${sum:0:64}"; }
not_modelled() { echo "docker (simulated): \"$*\" is not modelled" >&2; exit 3; }

cmd="${1:-}"; shift || true
if [ "$cmd" = image ]; then cmd="image-${1:-}"; shift || true; fi
case "$cmd" in
  save|image-save)
    out=""; wanted=()
    while [ $# -gt 0 ]; do
      case "$1" in
        -o|--output) out="$2"; shift 2 ;;
        --output=*) out="${1#--output=}"; shift ;;
        -*) not_modelled save "$1" ;;
        *) normalise "$1"; wanted+=("$normalised"); shift ;;
      esac
    done
    [ ${#wanted[@]} -gt 0 ] || { echo '"docker save" requires at least 1 argument.' >&2; exit 1; }
    for ref in "${wanted[@]}"; do
      has_ref "$ref" || { echo "Error response from daemon: reference does not exist" >&2; exit 1; }
    done
    [ -n "$out" ] || not_modelled save "to stdout"
    { echo "sim-image-archive"; printf '%s\n' "${wanted[@]}"; } > "$out" || exit 1
    for ref in "${wanted[@]}"; do echo "save $ref $out" >> "$events"; done
    ;;
  load|image-load)
    in=""
    while [ $# -gt 0 ]; do
      case "$1" in
        -i|--input) in="$2"; shift 2 ;;
        --input=*) in="${1#--input=}"; shift ;;
        -q|--quiet) shift ;;
        *) not_modelled load "$1" ;;
      esac
    done
    if [ -n "$in" ]; then
      [ -f "$in" ] || { echo "open $in: no such file or directory" >&2; exit 1; }
      exec 0<"$in"
    fi
    read -r header || header=""
    [ "$header" = "sim-image-archive" ] || { echo "Error response from daemon: unexpected EOF" >&2; exit 1; }
    while read -r ref; do
      [ -n "$ref" ] || continue
      has_ref "$ref" || echo "$ref" >> "$refs"
      echo "load $ref" >> "$events"
      echo "Loaded image: $ref"
    done
    ;;
  inspect|image-inspect)
    format=""; status=0
    while [ $# -gt 0 ]; do
      case "$1" in
        -f|--format) format="$2"; shift 2 ;;
        --format=*) format="${1#--format=}"; shift ;;
        --type=image) shift ;;
        -*) not_modelled inspect "$1" ;;
        *)
          normalise "$1"; ref="$normalised"
          if has_ref "$ref"; then
            id="sha256:$(sha256 "$ref")"
            if [ -n "$format" ]; then echo "$id"; else printf '[{"Id":"%s","RepoTags":["%s"]}]\n' "$id" "$ref"; fi
          else
            echo "Error: No such image: $1" >&2; status=1
          fi
          shift ;;
      esac
    done
    exit $status
    ;;
  images|image-ls|image-list)
    format=""
    while [ $# -gt 0 ]; do
      case "$1" in
        --format) format="$2"; shift 2 ;;
        --format=*) format="${1#--format=}"; shift ;;
        --filter|-f) shift 2 ;;
        -a|--all|--no-trunc|-q|--quiet) shift ;;
        *) shift ;;
      esac
    done
    [ -n "$format" ] || printf '%-50s %-20s\n' REPOSITORY TAG
    while read -r ref; do
      [ -n "$ref" ] || continue
      if [ -n "$format" ]; then echo "$ref"; else printf '%-50s %-20s\n' "${ref%:*}" "${ref##*:}"; fi
    done < "$refs"
    ;;
  tag|image-tag)
    normalise "${1:-}"; src="$normalised"; normalise "${2:-}"; dst="$normalised"
    has_ref "$src" || { echo "Error response from daemon: No such image: ${1:-}" >&2; exit 1; }
    has_ref "$dst" || echo "$dst" >> "$refs"
    ;;
  pull|image-pull)
    normalise "${!#}"; ref="$normalised"
    registry="$SIM_REGISTRY/refs"; : >> "$registry"
    has_line "$ref" "$registry" || { echo "Error response from daemon: manifest unknown" >&2; exit 1; }
    has_ref "$ref" || echo "$ref" >> "$refs"
    echo "Status: Downloaded newer image for $ref"
    ;;
  buildx)
    # Only "buildx imagetools inspect IMAGE --format '{{json .Manifest}}'": a fixed digest per image.
    [ "${1:-}" = imagetools ] && [ "${2:-}" = inspect ] || not_modelled buildx "$@"
    image="${3:-}"
    printf '{"mediaType":"application/vnd.oci.image.index.v1+json","digest":"sha256:%s"}\n' "$(sha256 "base:$image")"
    ;;
  *) not_modelled "$cmd" "$@" ;;
esac
