package desktop

import (
	"os"
	"path/filepath"
)

// Sticks lists the USB sticks (and other removable volumes) plugged in now,
// in a stable order: the backup dialog proposes the first and offers the
// others before the Documents folder. Nil when there are none.
func Sticks() []string { return sticks() }

// volumeRoots are the folders under which goos mounts the user's removable
// volumes, in the order they are searched:
//   - Linux: udisks2 mounts under /run/media/$USER (Fedora, Arch…) or
//     /media/$USER (Debian, Ubuntu); a stick in /etc/fstab or mounted by
//     hand sits directly in /media.
//   - macOS: every volume is under /Volumes.
func volumeRoots(goos, user string) []string {
	switch goos {
	case "darwin", "ios":
		return []string{"/Volumes"}
	case "windows":
		return nil // drive letters: see removableDrives
	}
	var roots []string
	if user != "" {
		roots = append(roots, "/media/"+user, "/run/media/"+user)
	}
	return append(roots, "/media")
}

// volumeProbe is what the listing asks of the file system.
type volumeProbe struct {
	readDir  func(string) ([]os.DirEntry, error)
	isMount  func(string) bool // a file system is mounted on that folder
	writable func(string) bool // the user may write there
}

// volumesUnder lists the volumes mounted right under roots. Only mount
// points count: the folder of a user in /media, an empty mount point left
// in /media (Debian's cdrom0) are not volumes. Symbolic links are skipped:
// macOS's boot volume is /Volumes/Macintosh HD -> /, Debian's /media/cdrom
// points to cdrom0. Read-only volumes (a CD, a mounted disk image) cannot
// take a backup.
func volumesUnder(roots []string, p volumeProbe) []string {
	var out []string
	seen := map[string]bool{}
	for _, root := range roots {
		entries, err := p.readDir(root)
		if err != nil {
			continue
		}
		for _, e := range entries { // sorted by name
			dir := filepath.Join(root, e.Name())
			if !e.IsDir() || e.Type()&os.ModeSymlink != 0 || seen[dir] {
				continue
			}
			if p.isMount(dir) && p.writable(dir) {
				seen[dir] = true
				out = append(out, dir)
			}
		}
	}
	return out
}

// removableDrives lists the roots of the drives Windows says are removable
// (DRIVE_REMOVABLE: USB sticks and card readers; an external hard disk is
// DRIVE_FIXED) and that hold a medium now. mask is GetLogicalDrives'
// answer, bit 0 for A:. A: and B: are left out: Windows keeps them for
// floppy drives and never gives them to a stick.
func removableDrives(mask uint32, driveType func(root string) uint32, ready func(root string) bool) []string {
	const driveRemovable = 2 // DRIVE_REMOVABLE, winbase.h
	var out []string
	for i := 2; i < 26; i++ {
		if mask&(1<<i) == 0 {
			continue
		}
		root := string(rune('A'+i)) + `:\`
		if driveType(root) == driveRemovable && ready(root) {
			out = append(out, root)
		}
	}
	return out
}
