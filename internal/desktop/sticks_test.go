package desktop

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestVolumeRoots(t *testing.T) {
	for _, tc := range []struct {
		goos, user string
		want       []string
	}{
		{"linux", "zoé", []string{"/media/zoé", "/run/media/zoé", "/media"}},
		{"linux", "", []string{"/media"}},
		{"freebsd", "z", []string{"/media/z", "/run/media/z", "/media"}},
		{"darwin", "zoé", []string{"/Volumes"}},
		{"windows", "zoé", nil},
	} {
		if got := volumeRoots(tc.goos, tc.user); !slices.Equal(got, tc.want) {
			t.Errorf("volumeRoots(%s, %q) = %q, want %q", tc.goos, tc.user, got, tc.want)
		}
	}
}

// tree makes folders (a trailing "/") and symbolic links ("name -> target")
// under a temporary root, which stands for "/".
func tree(t *testing.T, entries ...string) string {
	root := t.TempDir()
	for _, e := range entries {
		if name, target, ok := strings.Cut(e, " -> "); ok {
			if err := os.MkdirAll(filepath.Dir(filepath.Join(root, name)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Join(root, e), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestVolumesUnder(t *testing.T) {
	for _, tc := range []struct {
		name     string
		goos     string
		entries  []string
		mounts   []string // mount points, relative to the root
		readOnly []string
		want     []string
	}{
		{"Debian: udisks under /media/$USER, the user folder and cdrom0 in /media",
			"linux", []string{"media/zoé/CLÉ USB/", "media/zoé/KINGSTON/", "media/cdrom0/", "media/cdrom -> cdrom0", "media/DISQUE/", "media/autre/SA CLÉ/"},
			[]string{"media/zoé/CLÉ USB", "media/zoé/KINGSTON", "media/DISQUE", "media/autre/SA CLÉ"}, nil,
			[]string{"media/zoé/CLÉ USB", "media/zoé/KINGSTON", "media/DISQUE"}},
		{"Fedora: /run/media/$USER, a read-only CD left out",
			"linux", []string{"run/media/zoé/SAUVEGARDES/", "run/media/zoé/CD_ROM/", "run/media/zoé/stale/"},
			[]string{"run/media/zoé/SAUVEGARDES", "run/media/zoé/CD_ROM"}, []string{"run/media/zoé/CD_ROM"},
			[]string{"run/media/zoé/SAUVEGARDES"}},
		{"nothing plugged in", "linux", []string{"media/"}, nil, nil, nil},
		{"macOS: the boot volume is a link to /, a disk image is read-only",
			"darwin", []string{"Volumes/Macintosh HD -> /", "Volumes/CLÉ USB/", "Volumes/Tantième 0.14/", "Volumes/NO NAME/"},
			[]string{"Volumes/CLÉ USB", "Volumes/Tantième 0.14", "Volumes/NO NAME"}, []string{"Volumes/Tantième 0.14"},
			[]string{"Volumes/CLÉ USB", "Volumes/NO NAME"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := tree(t, tc.entries...)
			in := func(list []string, dir string) bool {
				rel, err := filepath.Rel(root, dir)
				return err == nil && slices.Contains(list, filepath.ToSlash(rel))
			}
			var roots []string
			for _, r := range volumeRoots(tc.goos, "zoé") {
				roots = append(roots, filepath.Join(root, r))
			}
			got := volumesUnder(roots, volumeProbe{
				readDir:  os.ReadDir,
				isMount:  func(dir string) bool { return in(tc.mounts, dir) },
				writable: func(dir string) bool { return !in(tc.readOnly, dir) },
			})
			var rel []string
			for _, g := range got {
				r, _ := filepath.Rel(root, g)
				rel = append(rel, filepath.ToSlash(r))
			}
			if !slices.Equal(rel, tc.want) {
				t.Errorf("volumes = %q, want %q", rel, tc.want)
			}
		})
	}
}

func TestRemovableDrives(t *testing.T) {
	types := map[string]uint32{`A:\`: 2, `C:\`: 3, `D:\`: 5, `E:\`: 2, `F:\`: 2, `G:\`: 4, `Z:\`: 2}
	for _, tc := range []struct {
		name  string
		mask  uint32
		ready []string
		want  []string
	}{
		{"two sticks, a card reader without a card, the floppy left out",
			1<<0 | 1<<2 | 1<<3 | 1<<4 | 1<<5 | 1<<6 | 1<<25, []string{`A:\`, `C:\`, `E:\`, `Z:\`},
			[]string{`E:\`, `Z:\`}},
		{"only the system disk", 1 << 2, []string{`C:\`}, nil},
		{"a letter not in the mask is not asked", 1 << 2, []string{`E:\`}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := removableDrives(tc.mask,
				func(root string) uint32 { return types[root] },
				func(root string) bool { return slices.Contains(tc.ready, root) })
			if !slices.Equal(got, tc.want) {
				t.Errorf("removableDrives = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestShortcut(t *testing.T) {
	for _, tc := range []struct{ goos, want string }{
		{"windows", "Ctrl+Entrée"}, {"linux", "Ctrl+Entrée"}, {"darwin", "Cmd+Entrée"},
	} {
		if got := shortcutFor(tc.goos, "Entrée"); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.goos, got, tc.want)
		}
	}
}
