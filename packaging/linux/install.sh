#!/bin/sh
# Installs Tantième for you alone, in ~/.local: no administrator rights needed.
#
#   ./install.sh               installs (or updates) Tantième
#   ./install.sh --uninstall   removes what install.sh put there
#   PREFIX=DIR ./install.sh    installs into DIR/bin and DIR/share instead
#
# Adds the programs (bin/), Tantième to the applications menu, its icon, and
# the .copro file type, so that a double-click on a residence opens it.
# Neither installing nor uninstalling ever touches your residences (.copro),
# their backups or your settings.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
bin=$prefix/bin
share=$prefix/share
sizes="16 32 48 64 128 256"

refresh() {
  # The menus, the icon theme and the file types read these caches; a
  # desktop without the tools finds the files on its own.
  command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$share/mime" >/dev/null 2>&1 || true
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$share/applications" >/dev/null 2>&1 || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t -f "$share/icons/hicolor" >/dev/null 2>&1 || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$bin/tantieme" "$bin/tantieme-cli" "$share/applications/tantieme.desktop" "$share/mime/packages/tantieme.xml"
  for s in $sizes; do rm -f "$share/icons/hicolor/${s}x${s}/apps/tantieme.png"; done
  refresh
  echo "Tantième est désinstallé de $prefix (vos résidences et leurs sauvegardes n'ont pas été touchées)."
  exit 0
fi
[ $# -eq 0 ] || { echo "usage : ./install.sh [--uninstall]" >&2; exit 2; }

mkdir -p "$bin" "$share/applications" "$share/mime/packages"
install -m 755 "$here/bin/tantieme" "$here/bin/tantieme-cli" "$bin/"
# The menu entry names the program by its full path: ~/.local/bin is not
# always in the PATH of a desktop session.
sed "s|^Exec=tantieme |Exec=\"$bin/tantieme\" |" "$here/share/applications/tantieme.desktop" > "$share/applications/tantieme.desktop"
install -m 644 "$here/share/mime/packages/tantieme.xml" "$share/mime/packages/tantieme.xml"
for s in $sizes; do
  mkdir -p "$share/icons/hicolor/${s}x${s}/apps"
  install -m 644 "$here/share/icons/hicolor/${s}x${s}/apps/tantieme.png" "$share/icons/hicolor/${s}x${s}/apps/tantieme.png"
done
refresh
command -v xdg-mime >/dev/null 2>&1 && xdg-mime default tantieme.desktop application/x-tantieme-copro >/dev/null 2>&1 || true
echo "Tantième est installé dans $prefix : menu Applications › Bureautique, ou $bin/tantieme."
case ":$PATH:" in *":$bin:"*) ;; *) echo "($bin n'est pas dans votre PATH : pour tantieme-cli, ajoutez-le ou tapez le chemin complet.)";; esac
