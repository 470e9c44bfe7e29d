#!/usr/bin/env bash
# Installs praxisd as a systemd service on Debian 12, as root, from a checkout
# of this repository. Idempotent: run it again after building a new version to
# upgrade (it backs up the database, stops praxisd, replaces the binary and
# starts it again; migrations run at start). Builds with the release preset if
# build/release/praxisd is missing. See deploy/README.md.
#   binary   /usr/local/bin/praxisd          config /etc/praxis/praxisd.conf
#   data     /var/lib/praxis (user praxis)   unit   /etc/systemd/system/praxisd.service
#   backups  /usr/local/sbin/praxis-backup -> /var/backups/praxis
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $EUID -eq 0 ]] || { echo "install.sh: run as root" >&2; exit 1; }

if [[ ! -x build/release/praxisd ]]; then
  deploy/install-deps.sh
  cmake --preset release -DPRAXIS_BUILD_TESTS=OFF >/dev/null  # Catch2 is a test dependency
  cmake --build --preset release -j 2 --target praxisd
fi
if ! command -v sqlite3 >/dev/null; then  # for praxis-backup
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends sqlite3 ||
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q sqlite3; }
fi

if ! id -u praxis >/dev/null 2>&1; then
  useradd --system --user-group --home-dir /var/lib/praxis --no-create-home \
    --shell /usr/sbin/nologin --comment "Praxis server" praxis
fi
install -d -o praxis -g praxis -m 0750 /var/lib/praxis
install -d -o root -g praxis -m 0750 /etc/praxis
if [[ ! -e /etc/praxis/praxisd.conf ]]; then
  # Readable by praxisd only: it may name the admin's password file and the TLS key.
  install -o root -g praxis -m 0640 deploy/praxisd.conf.example /etc/praxis/praxisd.conf
  echo "Wrote /etc/praxis/praxisd.conf (data_dir = /var/lib/praxis)"
fi
install -D -m 0755 deploy/backup.sh /usr/local/sbin/praxis-backup
install -D -m 0644 deploy/README.md /usr/local/share/doc/praxis/README.md

# A running praxisd is stopped (after a backup) before its binary is replaced,
# and started again by "enable --now"; a changed unit alone means a restart.
running=no
systemctl is-active --quiet praxisd && running=yes
if ! cmp -s build/release/praxisd /usr/local/bin/praxisd; then
  if [[ $running == yes ]]; then
    if [[ -f /var/lib/praxis/praxis.db ]]; then /usr/local/sbin/praxis-backup; fi
    systemctl stop praxisd
    running=no
  fi
  install -m 0755 build/release/praxisd /usr/local/bin/praxisd
  echo "Installed /usr/local/bin/praxisd"
fi
unit_changed=no
if ! cmp -s deploy/praxisd.service /etc/systemd/system/praxisd.service; then
  install -m 0644 deploy/praxisd.service /etc/systemd/system/praxisd.service
  unit_changed=yes
fi
systemctl daemon-reload
systemctl enable --now praxisd
if [[ $running == yes && $unit_changed == yes ]]; then systemctl restart praxisd; fi

systemctl --no-pager --lines=0 status praxisd || true
cat <<'MSG'

Praxis runs as the service praxisd (listening as set in /etc/praxis/praxisd.conf).
On the first start it logs a one-time link to create the first admin:
  journalctl -u praxisd | grep setup | tail -n 1
Logs: journalctl -u praxisd -f      Health: curl http://127.0.0.1:8080/healthz
Set public_url (and TLS or a proxy, see deploy/README.md) before inviting anyone.
MSG
