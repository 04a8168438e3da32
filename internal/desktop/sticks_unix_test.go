//go:build unix

package desktop

import (
	"os"
	"path/filepath"
	"testing"
)

// The real probe: folders of a temporary tree are on the same device as
// their parent, so none is taken for a stick.
func TestIsMountPointOfPlainFolders(t *testing.T) {
	root := tree(t, "media/zoé/CLÉ/")
	if got := volumesUnder([]string{filepath.Join(root, "media", "zoé")}, volumeProbe{readDir: os.ReadDir, isMount: isMountPoint, writable: func(string) bool { return true }}); got != nil {
		t.Errorf("plain folders taken for volumes: %q", got)
	}
}
