#!/bin/sh
# After each switch of `current` (DEPLOY_AFTER_SWITCH, see docs/publishing.md): the redirect
# map of the release now served goes where nginx includes it, and nginx reloads. If nginx
# rejects the new map, the previous one is put back and the script fails, so the deploy
# reports it. An unchanged map reloads nothing.
#
#   install-redirects.sh [site folder, default: current]
#
# Needs the rights to write the map and reload nginx (root, e.g. through one sudo rule).
# GLOBE_NGINX_MAP, GLOBE_NGINX_TEST and GLOBE_NGINX_RELOAD change the defaults below.
set -eu
site=${1:-current}
map=${GLOBE_NGINX_MAP:-/etc/nginx/globe/redirects.map}
check=${GLOBE_NGINX_TEST:-nginx -t -q}
reload=${GLOBE_NGINX_RELOAD:-nginx -s reload}

new="$site/redirects.map"
if [ ! -f "$new" ]; then
    echo "$new does not exist: is $site a production build of globe?" >&2
    exit 1
fi
if [ -f "$map" ] && cmp -s "$new" "$map"; then
    exit 0
fi
if [ -f "$map" ]; then cp -p "$map" "$map.previous"; else : > "$map.previous"; fi
cp "$new" "$map.next"
mv "$map.next" "$map"
if ! sh -c "$check"; then
    mv "$map.previous" "$map"
    echo "nginx rejected the redirect map of $site: the previous map is kept" >&2
    exit 1
fi
rm -f "$map.previous"
sh -c "$reload"
