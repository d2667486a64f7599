#!/bin/sh
# Test oracle: `dpkg --compare-versions` for each "<a>|<b>" line on stdin; prints -1, 0 or 1, or
# "invalid" when dpkg reports an error or a warning (bad syntax) for either version.
while IFS="|" read -r a b; do
  err=$(dpkg --compare-versions "$a" lt "$b" 2>&1 >/dev/null)
  rc=$?
  if [ -n "$err" ]; then
    echo invalid
  elif [ "$rc" -eq 0 ]; then
    echo -1
  elif dpkg --compare-versions "$a" gt "$b" 2>/dev/null; then
    echo 1
  else
    echo 0
  fi
done
