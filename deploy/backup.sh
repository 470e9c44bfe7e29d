#!/usr/bin/env bash
# Online backup of Praxis's SQLite database, safe while praxisd runs (WAL):
# copies it with sqlite3's .backup into TARGET_DIR/praxis-YYYYMMDDTHHMMSSZ.db,
# checks the copy (PRAGMA integrity_check) and keeps the newest N copies.
# Usage: deploy/backup.sh [--db FILE] [--keep N] [TARGET_DIR]
#   --db    default /var/lib/praxis/praxis.db (<data_dir>/praxis.db)
#   --keep  default 14
#   TARGET_DIR default /var/backups/praxis
# Daily at 03:17, as root: echo '17 3 * * * root /usr/local/sbin/praxis-backup' \
#   > /etc/cron.d/praxis-backup   (deploy/install.sh installs praxis-backup)
#
# Restore (as root; the copy replaces the whole database):
#   systemctl stop praxisd
#   cd /var/lib/praxis
#   mv praxis.db praxis.db.before-restore   # keep until the restore is checked
#   rm -f praxis.db-wal praxis.db-shm       # they belong to the old database
#   install -o praxis -g praxis -m 0640 /var/backups/praxis/praxis-...Z.db praxis.db
#   systemctl start praxisd && curl -fsS http://127.0.0.1:8080/healthz
# A copy made by an older praxisd is migrated at start; one made by a newer
# praxisd needs that newer binary.
set -euo pipefail

db=/var/lib/praxis/praxis.db
keep=14
target=/var/backups/praxis
while (($#)); do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    -h | --help) sed -n '2,8p' "$0"; exit 0 ;;
    -*) echo "backup.sh: unknown option $1" >&2; exit 2 ;;
    *) target="$1"; shift ;;
  esac
done
[[ "$keep" =~ ^[1-9][0-9]*$ ]] || { echo "backup.sh: --keep needs a number >= 1" >&2; exit 2; }
[[ -f "$db" ]] || { echo "backup.sh: no database at $db" >&2; exit 1; }
[[ "$target" != *"'"* ]] || { echo "backup.sh: no quotes in TARGET_DIR, please" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "backup.sh: needs sqlite3 (apt-get install sqlite3)" >&2; exit 1; }

umask 077  # the database holds password hashes and private messages
mkdir -p "$target"
while out="$target/praxis-$(date -u +%Y%m%dT%H%M%SZ).db" && [[ -e "$out" ]]; do sleep 1; done
tmp="$out.partial"
trap 'rm -f "$tmp" "$tmp-journal" "$tmp-wal" "$tmp-shm"' EXIT

# .timeout waits for praxisd's writer instead of failing on a busy database.
sqlite3 "$db" ".timeout 10000" ".backup '$tmp'"
# A single self-contained file (praxisd switches it back to WAL when it opens it).
sqlite3 "$tmp" "PRAGMA journal_mode = DELETE;" >/dev/null
check=$(sqlite3 "$tmp" "PRAGMA integrity_check;")
if [[ "$check" != "ok" ]]; then
  echo "backup.sh: integrity check of the copy failed:" >&2
  echo "$check" >&2
  exit 1
fi
mv "$tmp" "$out"
echo "backup: $out ($(stat -c %s "$out") bytes)"

# Keep the newest $keep copies (names sort by time).
shopt -s nullglob
copies=("$target"/praxis-*Z.db)
for ((i = 0; i < ${#copies[@]} - keep; i++)); do
  rm -f -- "${copies[i]}"
  echo "backup: removed ${copies[i]}"
done
