package ledger

import (
	"os"
	"path/filepath"
)

// FreeSpace is how many bytes this program may still write on the disk that
// holds path (a file, which need not exist yet, or a folder); ok is false
// when the system cannot tell, and then nothing is refused for lack of
// space: the write runs, and a full disk is still caught when it happens.
func FreeSpace(path string) (free int64, ok bool) {
	dir := path
	if st, err := os.Stat(path); err != nil || !st.IsDir() {
		dir = filepath.Dir(path)
	}
	n, err := freeSpace(dir)
	if err != nil {
		return 0, false
	}
	if n > 1<<62 {
		n = 1 << 62
	}
	return int64(n), true
}
