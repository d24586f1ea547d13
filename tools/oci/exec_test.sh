#!/usr/bin/env bash
# Runs its arguments as a test (hand-written): lets go_image use a Go checker as an sh_test.
exec "$@"
